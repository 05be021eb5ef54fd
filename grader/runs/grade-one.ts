/**
 * One submission graded on its own, for a CI job (`grader ci`) and for
 * Gradescope (`grader gradescope run`): find it, grade it, build its results,
 * and tell a failure of the grader itself apart from a student's broken
 * files (those are a graded result, with the reason). Never prints or exits.
 */
import { existsSync, statSync } from 'node:fs';
import { discover, type SubmissionSource } from '../01-discover/discover.ts';
import type { GradingConfig } from '../config/types.ts';
import { GraderError } from '../errors.ts';
import { gradeAll } from '../grade.ts';
import { buildResults } from '../results/build.ts';
import type { Results, SubmissionResult } from '../results/types.ts';

export interface OneRun {
  submission: SubmissionResult;
  /** results.json's model for a class of one. */
  results: Results;
}

export async function gradeOne(source: SubmissionSource, config: GradingConfig): Promise<OneRun> {
  const [submission] = await gradeAll([source], config);
  return { submission, results: buildResults([submission], config) };
}

/** The grader's own failure on this submission, as an error to throw once the run's files are written. */
export function graderFailure(submission: SubmissionResult): GraderError | undefined {
  const internal = submission.errors.find((e) => e.code === 'E_INTERNAL');
  return internal ? new GraderError('E_INTERNAL', internal.message) : undefined;
}

/** The one submission at `target` (a folder or zip, normally a repository checkout); `shown` names it in messages. */
export function findOneSubmission(target: string, shown: string): SubmissionSource {
  const { submissions } = discover([target]);
  if (submissions[0]?.kind === 'missing') throw new GraderError('E_NOT_FOUND', `no such file or folder: ${shown}`);
  if (submissions.length !== 1) {
    const found =
      submissions.length === 0 ? 'no student files (engine.ts, manual.ts)' : `${submissions.length} submissions`;
    throw new GraderError(
      'E_NOT_FOUND',
      `grader ci grades one submission, but found ${found} in ${shown} (to grade a class, use grader grade)`,
    );
  }
  return submissions[0];
}

/**
 * Gradescope's submission folder as one source with the id Gradescope gave:
 * a misplaced or missing file is then graded (and explained), not fatal.
 */
export function folderAsSubmission(dir: string, id: string, shown: string): SubmissionSource {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new GraderError('E_NOT_FOUND', `no submission folder at ${shown}`);
  const { submissions } = discover([dir]);
  const source: SubmissionSource =
    submissions.length === 1 && submissions[0].kind !== 'missing' ? submissions[0] : { id, kind: 'folder', path: dir };
  return { ...source, id };
}
