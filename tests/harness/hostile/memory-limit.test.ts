/**
 * A submission that allocates without end must hit the isolate's heap cap,
 * not the grader's: the grader reports it as out of memory and goes on with
 * the next submission, and what ran before the bomb went off still counts.
 * A small cap makes the limit, not the timeout, stop it (32 MB: at 16 MB the
 * isolate starts so close to its cap that it can crawl past the time limit).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, gradePaths, resultFor, testConfig } from '../support/fixture-class.ts';

const config = testConfig({ memoryMb: 32, timeouts: { caseMs: 4000, submissionMs: 8000 } });

describe('a memory bomb', () => {
  it('is stopped by the heap cap, and the next submission is graded as usual', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const results = await gradePaths(
      [path.join(FIXTURES, 'hostile', 'memory-bomb'), path.join(FIXTURES, 'submissions', 'correct-micrograd-style')],
      { ...config, concurrency: 1 },
    );
    const bomb = resultFor(results, 'memory-bomb');
    expect(['graded', 'error']).toContain(bomb.status);
    expect(bomb.tests.some((t) => t.status === 'error' && /ran out of memory/.test(t.message))).toBe(true);
    expect(bomb.tests.filter((t) => t.status === 'pass' && t.exercise !== 'manual' && t.exercise !== 'nudge')).toEqual(
      [],
    );
    // The hand-computed answers ran before the bomb went off, and still count.
    expect(bomb.tests.find((t) => t.id === 'manual-worked-example')?.status).toBe('pass');
    expect(bomb.score).toBeLessThan(bomb.maxScore);
    const correct = resultFor(results, 'correct-micrograd-style');
    expect(correct.score).toBe(correct.maxScore);
    // The hoard lived in the isolate's heap, which is gone: this process did not grow by it.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });
});
