/**
 * Grades one submission that discovery found: load → run in the sandbox →
 * compare → diagnose → score (the training assignment through
 * ./grade-training.ts), and a few at a time over many (gradeEach). Pure in
 * the sense that matters: it returns data and hands each result to a
 * callback; it never prints or exits.
 */
import type { SubmissionSource } from './01-discover/discover.ts';
import { loadSubmission } from './02-load/load-submission.ts';
import { runLimits, runSubmission } from './03-sandbox/run-submission.ts';
import { startSandbox } from './03-sandbox/sandbox.ts';
import { judge } from './04-compare/compare.ts';
import { diagnose } from './05-diagnose/diagnose.ts';
import { scoreSubmission } from './06-score/score.ts';
import { casesFor, isTraining } from './cases/case-list.ts';
import type { GradingConfig } from './config/types.ts';
import { isGraderError } from './errors.ts';
import type { SubmissionResult } from './results/types.ts';
import { scrubPaths } from './results/scrub.ts';
import { internalFailureResult, notLoadedResult } from './not-loaded.ts';
import { gradeTrainingSubmission } from './grade-training.ts';
import { countGraded, timeStage } from './stage-clock.ts';

export interface ProgressEvent {
  done: number;
  total: number;
  result: SubmissionResult;
}

export async function gradeSubmission(source: SubmissionSource, config: GradingConfig): Promise<SubmissionResult> {
  // The second assignment has a pipeline of its own, beside this one.
  if (isTraining(config)) return gradeTrainingSubmission(source, config);
  const started = performance.now();
  const cases = casesFor(source.id, config);
  // The first sandbox host starts while the files load (once per process: a class reuses it).
  const sandbox = startSandbox();
  const loaded = await loadSubmission(source);
  try {
    if (loaded.error) return notLoadedResult(source, cases, loaded.error, config, performance.now() - started);
    await sandbox;
    const run = await runSubmission(loaded, cases, runLimits(config));
    const judged = timeStage(
      'compare',
      () => new Map(cases.map((c) => [c.id, judge(c, run.outcomes.get(c.id)!.outcome, config.tolerance)])),
    );
    const diagnosis = timeStage('diagnose', () => diagnose(cases, judged, config.tolerance));
    const loadErrors = Object.values(run.moduleErrors);
    const result = scoreSubmission({
      id: source.id,
      cases,
      judged,
      run,
      diagnosis,
      loadErrors,
      durationMs: performance.now() - started,
      nodesPerFailedCase: config.nodesPerFailedCase,
    });
    return scrubPaths(result, [loaded.root, source.path]);
  } finally {
    await loaded.cleanup();
  }
}

export type GradeOne = (source: SubmissionSource, config: GradingConfig) => Promise<SubmissionResult>;

export interface GradeAllOptions {
  /** Replaces gradeSubmission for each source, e.g. to answer from a cache (see grader/cache/). */
  gradeOne?: GradeOne;
}

/** Receives each result as it is made; grading waits for it, so a slow consumer is never outrun. */
export type OnResult = (result: SubmissionResult, index: number) => void | Promise<void>;

/**
 * Grades every submission, a few at a time, handing each result to `onResult`
 * and keeping none: memory stays flat in the class size. One failure never
 * stops the rest.
 */
export async function gradeEach(
  sources: SubmissionSource[],
  config: GradingConfig,
  onResult: OnResult,
  onProgress?: (event: ProgressEvent) => void,
  options: GradeAllOptions = {},
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      const result = await gradeSafely(sources[index], config, options.gradeOne ?? gradeSubmission);
      countGraded();
      await onResult(result, index);
      done++;
      onProgress?.({ done, total: sources.length, result });
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.concurrency, sources.length) }, worker));
}

/** gradeEach, keeping every result: for one submission or a few (`grader ci`, tests). */
export async function gradeAll(
  sources: SubmissionSource[],
  config: GradingConfig,
  onProgress?: (event: ProgressEvent) => void,
  options: GradeAllOptions = {},
): Promise<SubmissionResult[]> {
  const results: SubmissionResult[] = new Array(sources.length);
  await gradeEach(sources, config, (result, index) => void (results[index] = result), onProgress, options);
  return results;
}

async function gradeSafely(
  source: SubmissionSource,
  config: GradingConfig,
  gradeOne: GradeOne,
): Promise<SubmissionResult> {
  try {
    return await gradeOne(source, config);
  } catch (error) {
    // Not this submission's fault, and no other would fare better: the run stops.
    if (isGraderError(error) && error.code === 'E_SANDBOX_UNAVAILABLE') throw error;
    return internalFailureResult(source.id, 'grading', error, [source.path]);
  }
}
