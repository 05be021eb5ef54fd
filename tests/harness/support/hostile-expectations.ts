/**
 * What grading each fixture in fixtures/hostile must come to. Statuses are
 * the ones that make sense for the attack; `correct` marks the few whose
 * gradients really are right despite the noise they make, the only ones
 * allowed (and expected) to reach full marks.
 */
import type { ErrorCode } from '../../../grader/errors.ts';
import type { SubmissionStatus, TestStatus } from '../../../grader/results/types.ts';

export interface HostileExpectation {
  status: SubmissionStatus[];
  correct?: boolean;
  /** The submission's only error code. */
  error?: ErrorCode;
  /** Some test's message, or the error's message, matches. */
  message?: RegExp;
  /** Some test ended with this status. */
  testStatus?: TestStatus;
  /** No case beyond the hand-computed answers passes. */
  nothingPasses?: boolean;
  /** What the submission printed matches. */
  output?: RegExp;
  /** Diagnosis still names the real mistake behind the noise. */
  misconceptions?: string[];
}

const readsProcess = /process is not defined/;

export const HOSTILE: Record<string, HostileExpectation> = {
  'loop-top-level': { status: ['timeout'], error: 'E_SUBMISSION_LOAD', message: /did not finish loading/ },
  'loop-in-backward': { status: ['timeout'], testStatus: 'timeout', nothingPasses: true },
  'memory-bomb': { status: ['timeout', 'graded'], nothingPasses: true },
  'process-exit': { status: ['graded'], message: readsProcess, nothingPasses: true },
  'process-kill-parent': { status: ['error'], error: 'E_SUBMISSION_LOAD', message: readsProcess, nothingPasses: true },
  'import-solutions': { status: ['error'], message: /lies outside the submission/, nothingPasses: true },
  'symlink-solutions': { status: ['error'], message: /lies outside the submission/, nothingPasses: true },
  'require-fs': { status: ['error'], error: 'E_SUBMISSION_IMPORT', message: /not 'fs'/, nothingPasses: true },
  'import-node-fs': { status: ['error'], error: 'E_SUBMISSION_IMPORT', message: /not 'node:fs'/, nothingPasses: true },
  'write-neighbour': { status: ['graded'], correct: true, output: /sabotage failed: no way to reach the file system/ },
  'env-secrets': {
    status: ['graded'],
    message: readsProcess,
    output: /process is undefined\nenv: \{\}/,
    nothingPasses: true,
  },
  'patch-builtins': { status: ['graded'], misconceptions: ['mul-uses-own-value'] },
  'fake-results': { status: ['graded'], output: /"score":100,"maxScore":100/, misconceptions: ['add-splits-gradient'] },
  'huge-output': { status: ['graded'], correct: true },
  'throw-number': { status: ['graded'], message: /threw thrown value in backward\(\): 42/, nothingPasses: true },
  'throw-looping-tostring': { status: ['timeout'], testStatus: 'timeout', nothingPasses: true },
  'never-settling-promise': { status: ['graded'], testStatus: 'fail', nothingPasses: true },
  'top-level-await-never-settles': {
    status: ['error'],
    error: 'E_SUBMISSION_LOAD',
    message: /never finished loading: Value was never defined/,
    nothingPasses: true,
  },
  timers: { status: ['graded'], message: /setTimeout is not defined/, nothingPasses: true },
  // The forged toJSON recurses until the stack runs out: each case is an error, or a
  // timeout when the case limit is shorter than that takes. Never a pass, never a load error.
  'prototype-pollution': {
    status: ['graded', 'timeout'],
    message: /Maximum call stack size exceeded|Stopped after \d+ ms/,
    nothingPasses: true,
  },
  'grad-getter-throws': { status: ['graded'], message: /grad is private/, nothingPasses: true },
  'grad-getter-loops': { status: ['timeout'], testStatus: 'timeout', nothingPasses: true },
  'constructor-proxy': { status: ['graded'], testStatus: 'fail' },
  'stack-overflow': { status: ['graded'], message: /Maximum call stack size exceeded/, nothingPasses: true },
  'eval-escape': {
    status: ['graded'],
    message: readsProcess,
    output: /eval require: ReferenceError/,
    nothingPasses: true,
  },
};
