/**
 * Grades one submission that discovery found, by the frame every assignment
 * shares (./grade-frame.ts) with its assignment's judging strategy
 * (./judging-strategies.ts), and a few at a time over many (gradeEach). Pure
 * in the sense that matters: it returns data and hands each result to a
 * callback; it never prints or exits.
 */
import type { SubmissionSource } from './01-discover/discover.ts';
import type { GradingConfig } from './config/types.ts';
import { isGraderError } from './errors.ts';
import type { SubmissionResult } from './results/types.ts';
import { internalFailureResult } from './not-loaded.ts';
import { gradeWithStrategy } from './grade-frame.ts';
import { strategyFor } from './judging-strategies.ts';
import { countGraded } from './stage-clock.ts';

export interface ProgressEvent {
  done: number;
  total: number;
  result: SubmissionResult;
}

export async function gradeSubmission(source: SubmissionSource, config: GradingConfig): Promise<SubmissionResult> {
  return gradeWithStrategy(source, config, strategyFor(config));
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
