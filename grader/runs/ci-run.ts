/**
 * `grader ci` as a run: grade the one submission, write results.json and
 * grades.csv (and JUnit on request), append GitHub's job summary, and hand
 * back what goes to stdout (annotations, then the terminal report) for the
 * CLI to print. Every output comes from a reporter of the registry
 * (grader/07-render/registry.ts). Never prints or exits.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { GradingConfig } from '../config/types.ts';
import { reporters, submissionReporters } from '../07-render/registry.ts';
import { writeOutputs } from '../07-render/write-outputs.ts';
import type { SubmissionResult } from '../results/types.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import { annotationContext, repositoryRoot } from './ci-files.ts';
import { findOneSubmission, gradeOne, graderFailure } from './grade-one.ts';
import type { OnNotice } from './notice.ts';

export interface CiOptions {
  /** The submission as the user named it (default: the current directory). */
  path?: string;
  out: string;
  config: GradingConfig;
  junit?: string;
  /** Percent of the maximum below which the run counts as failed. */
  minScore?: number;
  annotations: boolean;
  repoRoot?: string;
  /** $GITHUB_WORKSPACE and $GITHUB_STEP_SUMMARY, as the CLI read them. */
  workspace?: string;
  stepSummary?: string;
  /** Who reads the JUnit report. */
  audience: 'instructor' | 'student';
  onNotice: OnNotice;
}

export interface CiRun {
  submission: SubmissionResult;
  /** The files written, as the user named them. */
  written: string[];
  /** Whether the job summary was appended. */
  summaryWritten: boolean;
  /** For stdout, in order: the annotations (when asked for), then the terminal report. */
  stdout: string;
  /** Whether the score is below --min-score, compared exactly: 59.96% must not pass a 60% gate. */
  belowMinScore: boolean;
}

export async function runCi(options: CiOptions): Promise<CiRun> {
  const source = findOneSubmission(path.resolve(options.path ?? '.'), options.path ?? '.');
  const one = await gradeOne(source, options.config);
  const { submission, results } = one;
  const now = new Date();
  const files = await writeOutputs(options.out, results, ['json', 'csv'], { audience: 'instructor', now });
  const written = files.map((f) => path.join(options.out, f));
  if (options.junit) {
    // The class reporter, for a class of one, written where the job's test report looks for it.
    const [junit] = await reporters.junit.render(results, { audience: options.audience, now });
    writeFileAtomic(path.resolve(options.junit), junit.content);
    written.push(options.junit);
  }
  const failure = graderFailure(submission);
  if (failure) throw failure;

  let summaryWritten = false;
  if (options.stepSummary) {
    try {
      appendFileSync(options.stepSummary, submissionReporters['github-summary'].render(one, { now }));
      summaryWritten = true;
    } catch (error) {
      // The summary is a convenience; the grade is already written, so this is no reason to fail the job.
      const text = `could not append the job summary to ${options.stepSummary}: ${(error as Error).message}`;
      options.onNotice({ kind: 'warning', text });
    }
  }
  let stdout = '';
  if (options.annotations) {
    const root = repositoryRoot(source.path, options.repoRoot, options.workspace);
    stdout += submissionReporters['github-annotations'].render(one, annotationContext(source, root, now));
  }
  stdout += submissionReporters.console.render(one, { now });
  const belowMinScore =
    options.minScore !== undefined && submission.score * 100 < options.minScore * submission.maxScore;
  return { submission, written, summaryWritten, stdout, belowMinScore };
}
