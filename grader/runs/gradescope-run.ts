/**
 * `grader gradescope run` as a run: grade the one submission Gradescope
 * handed over, under the id its metadata gives, write Gradescope's
 * results.json, and hand back the log for the autograder's stdout. Both
 * outputs are reporters of the registry (grader/07-render/registry.ts).
 * Never prints or exits.
 */
import path from 'node:path';
import type { GradingConfig } from '../config/types.ts';
import type { GradescopeVisibility } from '../07-render/gradescope-results.ts';
import { submissionReporters } from '../07-render/registry.ts';
import { readSubmissionId } from '../gradescope/metadata.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import { folderAsSubmission, gradeOne, graderFailure } from './grade-one.ts';
import type { OnNotice } from './notice.ts';

export interface GradescopeRunOptions {
  /** The submission folder, as the user named it. */
  submission: string;
  /** Where Gradescope reads the results. */
  results: string;
  config: GradingConfig;
  metadata?: string;
  visibility: GradescopeVisibility;
  onNotice: OnNotice;
}

/** Returns the log for stdout, which only instructors see. */
export async function runGradescope(options: GradescopeRunOptions): Promise<string> {
  const dir = path.resolve(options.submission);
  const { id, warning } = readSubmissionId(options.metadata, path.basename(dir));
  if (warning) options.onNotice({ kind: 'warning', text: warning });
  const one = await gradeOne(folderAsSubmission(dir, id, options.submission), options.config);
  const failure = graderFailure(one.submission);
  if (failure) throw failure;
  const output = submissionReporters.gradescope.render(one, { visibility: options.visibility });
  writeFileAtomic(path.resolve(options.results), output);
  return submissionReporters['gradescope-log'].render(one, {});
}
