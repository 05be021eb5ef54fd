/**
 * The result of a submission that could not be loaded (a missing file, a
 * syntax error, a refused form or import) or that the grader itself failed
 * on: every case judged "not run" with the error's code, nothing diagnosed.
 * Both assignments' pipelines end this way, so it is written once.
 */
import type { SubmissionSource } from './01-discover/discover.ts';
import { judge, type Judgement } from './04-compare/compare.ts';
import { scoreSubmission } from './06-score/score.ts';
import type { CaseDef } from './cases/case-list.ts';
import type { GradingConfig } from './config/types.ts';
import type { GraderError } from './errors.ts';
import { failedResult } from './results/failed.ts';
import type { SubmissionResult } from './results/types.ts';
import { scrubPaths } from './results/scrub.ts';

export const NO_DIAGNOSIS = { ids: [], explainsAll: true, perCase: new Map() };

export function notLoadedResult(
  source: SubmissionSource,
  cases: CaseDef[],
  error: GraderError,
  config: GradingConfig,
  durationMs: number,
): SubmissionResult {
  const judged = new Map<string, Judgement>(
    cases.map((c) => [c.id, judge(c, { kind: 'skipped', error }, config.tolerance)]),
  );
  return scrubPaths(
    scoreSubmission({ id: source.id, cases, judged, diagnosis: NO_DIAGNOSIS, loadErrors: [error], durationMs }),
    [source.path],
  );
}

/** failedResult (./results/failed.ts) with this machine's paths taken out of its message. */
export function internalFailureResult(
  id: string,
  stage: string,
  error: unknown,
  roots: string[] = [],
): SubmissionResult {
  return scrubPaths(failedResult(id, stage, error), roots);
}
