/**
 * Hand-made results for the report tests: small, with exactly the values a
 * test needs, so that a number in an assertion is obviously the one planted.
 */
import type { NodeReport } from '../../../grader/results/node-report.ts';
import type { Results, SubmissionResult, TestResult } from '../../../grader/results/types.ts';

export function test(overrides: Partial<TestResult> = {}): TestResult {
  return {
    id: 'add-two-leaves',
    name: 'c = a + b',
    exercise: 'add',
    kind: 'required',
    visibility: 'visible',
    status: 'pass',
    points: 4,
    maxPoints: 4,
    message: 'All values and gradients match.',
    detail: 'All values and gradients match.',
    misconceptions: [],
    hints: [],
    durationMs: 1,
    ...overrides,
  };
}

export function submission(overrides: Partial<SubmissionResult> = {}): SubmissionResult {
  return {
    id: 'student',
    status: 'graded',
    score: 4,
    maxScore: 4,
    bonus: 0,
    maxBonus: 0,
    misconceptions: [],
    diagnoses: [],
    explainsAll: true,
    errors: [],
    output: '',
    outputTruncated: false,
    tests: [test()],
    durationMs: 1,
    ...overrides,
  };
}

export function results(submissions: SubmissionResult[], config: Partial<Results['config']> = {}): Results {
  return {
    version: 4,
    grader: { name: 'gradelab', version: '0.0.0-test' },
    generatedAt: '2026-03-01T10:00:00.000Z',
    config: {
      tolerance: { rtol: 1e-6, atol: 1e-9 },
      timeouts: { caseMs: 1000, submissionMs: 10000 },
      memoryMb: 128,
      ...config,
    },
    submissions,
  };
}

/** b = a * a where the student forgot to accumulate: a.grad is wrong, and it is the first divergence. */
export function wrongNodes(expectedGrad = 6): NodeReport[] {
  return [
    {
      id: 'a',
      op: 'leaf',
      args: [],
      student: { data: 3, grad: 3 },
      expected: { data: 3, grad: expectedGrad },
      ok: false,
      divergence: true,
    },
    { id: 'b', op: 'mul', args: ['a', 'a'], student: { data: 9, grad: 1 }, expected: { data: 9, grad: 1 }, ok: true },
  ];
}

/** A failed graph case with its nodes, as compare/score report it. */
export function failedGraphCase(overrides: Partial<TestResult> = {}): TestResult {
  return test({
    id: 'mul-self',
    name: 'b = a * a',
    exercise: 'mul',
    status: 'fail',
    points: 0,
    maxPoints: 4,
    message: 'a.grad is 3 but should be 6.',
    detail: 'a.grad is 3 but should be 6.',
    misconceptions: ['overwrite-instead-of-accumulate'],
    hints: ['Write x.grad += ..., never x.grad = ....'],
    diagnosis: 'explained',
    note: 'Likely cause: Gradients are assigned (=) instead of accumulated (+=).',
    nodes: wrongNodes(),
    ...overrides,
  });
}

/** Every file of a render, by path. */
export function byPath(files: Array<{ path: string; content: string }>): Map<string, string> {
  return new Map(files.map((f) => [f.path, f.content]));
}

/** Page text with handlebars' entities decoded, for asserting on what a reader sees. */
export function decoded(html: string): string {
  const entities: Record<string, string> = {
    '&#x3D;': '=',
    '&#x27;': "'",
    '&#x60;': '`',
    '&quot;': '"',
    '&lt;': '<',
    '&gt;': '>',
    '&amp;': '&',
  };
  return html.replace(/&#x3D;|&#x27;|&#x60;|&quot;|&lt;|&gt;|&amp;/g, (e) => entities[e]);
}
