/**
 * Hand-made results for renderer tests: one of every outcome a case can
 * have, with hidden and visible cases and text that needs escaping, so each
 * renderer can be checked without running the grader. Its builders are
 * named outcome* (the report tests have their own, smaller ones).
 */
import type { Results, SubmissionResult, TestResult } from '../../../grader/results/types.ts';

export const HIDDEN_DETAIL = 'x.grad is 41.5 but should be 99.25';

export function outcomeTest(overrides: Partial<TestResult> & Pick<TestResult, 'id' | 'status'>): TestResult {
  const points = overrides.status === 'pass' ? 4 : 0;
  return {
    name: overrides.id,
    exercise: 'add',
    kind: 'required',
    visibility: 'visible',
    points,
    maxPoints: 4,
    message: `${overrides.id}: message`,
    detail: `${overrides.id}: detail`,
    misconceptions: [],
    hints: [],
    durationMs: 12,
    ...overrides,
  };
}

export function outcomeSubmission(overrides: Partial<SubmissionResult> = {}): SubmissionResult {
  const tests = overrides.tests ?? [
    outcomeTest({ id: 'passes', status: 'pass', name: 'c = a + b' }),
    outcomeTest({
      id: 'fails',
      status: 'fail',
      name: 'b = a | a',
      exercise: 'accumulate',
      note: 'Likely cause: overwrite',
      hints: ['Use += not ='],
      misconceptions: ['overwrite-instead-of-accumulate'],
    }),
    outcomeTest({
      id: 'hidden-fails',
      status: 'fail',
      visibility: 'hidden',
      message: '1 of 4 values differ',
      detail: HIDDEN_DETAIL,
      note: 'hidden note',
      exercise: 'mul',
    }),
    outcomeTest({
      id: 'crashes',
      status: 'error',
      exercise: 'tanh',
      message: 'Your code threw Error: <b>&"\u0001\u0008\uFFFE\uD800 bad',
      detail: 'threw',
    }),
    outcomeTest({ id: 'hangs', status: 'timeout', exercise: 'tanh', message: 'Stopped after 250 ms.' }),
    outcomeTest({
      id: 'skipped-run',
      status: 'error',
      notRun: 'E_SKIPPED_AFTER_HANG',
      message: 'Not run: earlier cases hung, so the rest were skipped',
    }),
    outcomeTest({
      id: 'bonus-relu',
      status: 'not-attempted',
      kind: 'bonus',
      maxPoints: 2,
      notAttempted: true,
      message: 'Not attempted (optional bonus).',
    }),
    outcomeTest({ id: 'bonus-neg', status: 'pass', kind: 'bonus', maxPoints: 2, points: 2 }),
  ];
  return {
    id: 'alice',
    status: 'graded',
    score: 4,
    maxScore: 24,
    bonus: 2,
    maxBonus: 4,
    misconceptions: ['overwrite-instead-of-accumulate'],
    diagnoses: [
      {
        id: 'overwrite-instead-of-accumulate',
        title: 'Gradients are assigned (=) instead of accumulated (+=)',
        hint: 'Write x.grad += ...',
        rule: 'accumulation',
        bonus: false,
        cases: ['fails'],
      },
    ],
    explainsAll: true,
    errors: [],
    output: '',
    outputTruncated: false,
    tests,
    durationMs: 1500,
    ...overrides,
  };
}

export function outcomeResults(submissions: SubmissionResult[] = [outcomeSubmission()]): Results {
  return {
    version: 4,
    grader: { name: 'gradelab', version: '0.0.0-test' },
    generatedAt: '2026-01-01T00:00:00.000Z',
    config: { tolerance: { rtol: 1e-6, atol: 1e-9 }, timeouts: { caseMs: 1000, submissionMs: 10000 }, memoryMb: 128 },
    submissions,
  };
}
