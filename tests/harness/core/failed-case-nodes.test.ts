/**
 * What a failed case records of its graph: every node's data and grad, the
 * student's and the reference's, for small graphs; for a graph larger than
 * nodesPerFailedCase, the window of nodes around the first wrong one (with
 * the count of those left out), or every node when the config says "all".
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionResult, TestResult } from '../../../grader/results/types.ts';
import { FIXTURES, gradePaths, resultFor, testConfig } from '../support/fixture-class.ts';

const BUGGY = path.join(FIXTURES, 'submissions', 'bug-mul-uses-own-value');
const CHAIN = 400;
let windowed: SubmissionResult;
let everything: SubmissionResult;

beforeAll(async () => {
  const base = { longChain: { length: CHAIN } };
  windowed = resultFor(
    await gradePaths([BUGGY], testConfig({ ...base, nodesPerFailedCase: 50 })),
    'bug-mul-uses-own-value',
  );
  everything = resultFor(
    await gradePaths([BUGGY], testConfig({ ...base, nodesPerFailedCase: 'all' })),
    'bug-mul-uses-own-value',
  );
});

const chain = (r: SubmissionResult): TestResult => r.tests.find((t) => t.id === 'long-chain')!;

describe('nodes recorded for a failed case', () => {
  it('the chain fails for this submission, so there is something to record', () => {
    expect(chain(windowed).status).toBe('fail');
    expect(chain(everything).status).toBe('fail');
  });

  it('a large graph keeps a window around its first divergence, and says how many nodes it left out', () => {
    const test = chain(windowed);
    expect(test.nodes).toHaveLength(50);
    expect(test.nodesOmitted).toBe(CHAIN - 50);
    expect(test.nodes!.some((n) => n.divergence)).toBe(true);
  });

  it('with "all", every node of the graph is recorded, with student and reference values', () => {
    const test = chain(everything);
    expect(test.nodes).toHaveLength(CHAIN);
    expect(test.nodesOmitted).toBeUndefined();
    for (const node of test.nodes!) {
      expect(node.student).toEqual({ data: expect.anything(), grad: expect.anything() });
      expect(node.expected).toEqual({ data: expect.any(Number), grad: expect.any(Number) });
    }
    // The window is a slice of the whole, node for node.
    const first = chain(windowed).nodes![0];
    const at = test.nodes!.findIndex((n) => n.id === first.id);
    expect(test.nodes!.slice(at, at + 50)).toEqual(chain(windowed).nodes);
  });

  it('small graphs record every node whatever the window', () => {
    const small = windowed.tests.filter((t) => t.status === 'fail' && t.id !== 'long-chain' && t.nodes);
    expect(small.length).toBeGreaterThan(0);
    for (const test of small) expect(test.nodesOmitted, test.id).toBeUndefined();
  });
});
