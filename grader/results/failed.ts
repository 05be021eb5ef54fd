/**
 * The result of a submission the grader itself failed on, at `stage`: no
 * cases, one E_INTERNAL error that says where, and no points. The failure's
 * message is cut (it may quote a student's 12 MB thrown message). Built here,
 * as plain data, so that the writers can fall back on it without the grading
 * pipeline; `like` keeps the maximum of the result it replaces, so that the
 * row reads 0 of 100, not 0 of 0.
 */
import { CAPS, clip } from '../text-caps.ts';
import type { SubmissionResult } from './types.ts';

export function failedResult(
  id: string,
  stage: string,
  error: unknown,
  like?: Pick<SubmissionResult, 'maxScore' | 'maxBonus'>,
): SubmissionResult {
  const reason = clip(error instanceof Error ? String(error.message) : String(error), CAPS.message);
  return {
    id,
    status: 'error',
    score: 0,
    maxScore: like?.maxScore ?? 0,
    bonus: 0,
    maxBonus: like?.maxBonus ?? 0,
    misconceptions: [],
    diagnoses: [],
    explainsAll: true,
    errors: [{ code: 'E_INTERNAL', message: `the grader failed on this submission (${stage}): ${reason}` }],
    output: '',
    outputTruncated: false,
    tests: [],
    durationMs: 0,
  };
}
