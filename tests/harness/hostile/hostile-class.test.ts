/**
 * Hostile submissions graded in one run with a correct one and a neighbour
 * that holds a canary file. The grader must come through unharmed: results
 * for everyone, the correct submission graded exactly as when alone, sensible
 * statuses for the attackers, nothing written outside the output, no secret
 * or expected value leaking either way.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { casesFor } from '../../../grader/cases/case-list.ts';
import type { Request } from '../../../grader/03-sandbox/sandbox.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import {
  FIXTURES,
  REPO,
  fixtureFolders,
  gradePaths,
  resultFor,
  testConfig,
  withoutTimings,
} from '../support/fixture-class.ts';
import { HOSTILE } from '../support/hostile-expectations.ts';
import { sandboxCalls } from '../support/sandbox-recorder.ts';
import { changes, snapshot, type Snapshot } from '../support/tree-snapshot.ts';
import { expectedNumbersOfHiddenCases } from '../support/hidden-numbers.ts';

vi.mock('../../../grader/03-sandbox/sandbox.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../grader/03-sandbox/sandbox.ts')>();
  const { recordingOpen } = await import('../support/sandbox-recorder.ts');
  return { ...original, openSandbox: recordingOpen(original.openSandbox) };
});

const CORRECT = path.join(FIXTURES, 'submissions', 'correct-micrograd-style');
const OUTPUT_CAP = 64 * 1024;
// Short limits so the attackers cost little time. Two at a time and a shorter
// chain keep the honest submissions' cases well inside 300 ms on a busy
// two-core machine: this suite is about attacks, not about deep graphs.
const config = testConfig({
  timeouts: { caseMs: 300, submissionMs: 3000 },
  concurrency: 2,
  longChain: { length: 1000, points: 4 },
});
const builtins = {
  abs: Math.abs,
  is: Object.is,
  stringify: JSON.stringify,
  isFinite: Number.isFinite,
  map: Array.prototype.map,
};

let temp: string;
let neighbour: string;
let before: Snapshot;
let after: Snapshot;
let results: Map<string, SubmissionResult>;
let alone: SubmissionResult;
const secret = `canary-${randomUUID()}`;

beforeAll(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'gradelab-hostile-'));
  neighbour = path.join(temp, 'neighbour');
  cpSync(CORRECT, neighbour, { recursive: true });
  writeFileSync(path.join(neighbour, 'canary.txt'), `canary ${randomUUID()}\n`);
  const watched = [path.join(REPO, 'solutions'), path.join(REPO, 'grader'), FIXTURES, temp];
  process.env.GRADELAB_CANARY_SECRET = secret;
  before = snapshot(watched);
  try {
    results = await gradePaths([...fixtureFolders('hostile'), CORRECT, neighbour], config);
  } finally {
    after = snapshot(watched);
  }
  alone = resultFor(await gradePaths([CORRECT], config), 'correct-micrograd-style');
});

afterAll(() => {
  delete process.env.GRADELAB_CANARY_SECRET;
  rmSync(temp, { recursive: true, force: true });
});

describe('grading hostile submissions next to honest ones', () => {
  it('the grader survives and returns a result for every submission', async () => {
    expect(Object.keys(HOSTILE).sort()).toEqual(fixtureFolders('hostile').map((f) => path.basename(f)));
    expect([...results.keys()].sort()).toEqual(
      [...Object.keys(HOSTILE), 'correct-micrograd-style', 'neighbour'].sort(),
    );
    // This process is still healthy: timers fire, and its built-ins are its own.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect({
      abs: Math.abs,
      is: Object.is,
      stringify: JSON.stringify,
      isFinite: Number.isFinite,
      map: Array.prototype.map,
    }).toEqual(builtins);
    expect([Math.abs(-2), JSON.stringify({ a: 1 }), [1, 2].map((x) => x * 2)]).toEqual([2, '{"a":1}', [2, 4]]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).toJSON).toBeUndefined();
  });

  it('the correct submission is graded exactly as when it is graded alone', () => {
    const together = resultFor(results, 'correct-micrograd-style');
    expect(together.score).toBe(together.maxScore);
    expect(withoutTimings(together)).toEqual(withoutTimings(alone));
    expect(resultFor(results, 'neighbour').score).toBe(together.maxScore);
  });

  it.each(Object.entries(HOSTILE))('%s gets a status that fits the attack', (id, want) => {
    const r = resultFor(results, id);
    expect(want.status).toContain(r.status);
    expect(r.tests.length).toBeGreaterThan(0);
    for (const t of r.tests) expect(['pass', 'fail', 'error', 'timeout', 'not-attempted']).toContain(t.status);
    if (want.correct) expect(r.score).toBe(r.maxScore);
    else expect(r.score).toBeLessThan(r.maxScore);
    if (want.error) expect(r.errors.map((e) => e.code)).toEqual([want.error]);
    const messages = [...r.tests.map((t) => t.message), ...r.errors.map((e) => e.message)];
    if (want.message)
      expect(
        messages.some((m) => want.message!.test(m)),
        messages.join('\n'),
      ).toBe(true);
    if (want.testStatus) expect(r.tests.map((t) => t.status)).toContain(want.testStatus);
    if (want.nothingPasses)
      expect(
        r.tests
          .filter((t) => t.status === 'pass' && t.exercise !== 'manual' && t.exercise !== 'nudge')
          .map((t) => t.id),
      ).toEqual([]);
    if (want.output) expect(r.output).toMatch(want.output);
    if (want.misconceptions) expect(r.misconceptions).toEqual(want.misconceptions);
  });

  it('nothing outside the output changes: solutions, grader, fixtures and the neighbour canary', () => {
    expect(before.size).toBeGreaterThan(50);
    expect([...before.keys()].some((f) => f.endsWith(path.join('neighbour', 'canary.txt')))).toBe(true);
    expect(changes(before, after)).toEqual([]);
  });

  it('a secret in the environment never reaches any result', () => {
    const text = JSON.stringify([...results.values()]);
    expect(text).not.toContain(secret);
    // The attempt itself was made, and saw no environment at all.
    expect(resultFor(results, 'env-secrets').tests.some((t) => t.message.includes('process is not defined'))).toBe(
      true,
    );
  });

  it('printed output is capped at 64 KB and never read as results', () => {
    for (const r of results.values()) expect(r.output.length, r.id).toBeLessThanOrEqual(OUTPUT_CAP);
    const huge = resultFor(results, 'huge-output');
    expect(huge.outputTruncated).toBe(true);
    expect(huge.output.length).toBeGreaterThan(OUTPUT_CAP - 100);
    const fake = resultFor(results, 'fake-results');
    expect(fake.output).toContain('"submissions":[{"id":"fake-results"');
    expect(fake.score).toBeLessThan(fake.maxScore);
    expect(fake.bonus).toBeLessThan(fake.maxBonus);
    expect(JSON.stringify([...results.values()]).length).toBeLessThan(results.size * (OUTPUT_CAP + 400_000));
  });

  it('what crosses into the sandbox is student code and bare graphs, never an expected value', () => {
    // A batch is only an envelope: what matters is each request inside it.
    const flatten = (r: Request): Request[] => (r.kind === 'batch' ? r.requests.flatMap(flatten) : [r]);
    const runs = sandboxCalls.filter((c) => c.kind === 'run').flatMap((c) => flatten(c.request!));
    const graphs = runs.filter((r) => r.kind === 'graph');
    expect(graphs.length).toBeGreaterThan(100);
    const allowed = new Set(
      [...results.keys()].flatMap((id) =>
        casesFor(id, config)
          .filter((c) => c.graph)
          .map((c) => JSON.stringify({ kind: 'graph', graph: c.graph })),
      ),
    );
    for (const request of graphs) expect(allowed.has(JSON.stringify(request))).toBe(true);
    for (const request of runs.filter((r) => r.kind !== 'graph'))
      expect(Object.keys(request).sort()).toEqual(request.kind === 'export' ? ['kind', 'module', 'name'] : ['kind']);
    const sent = JSON.stringify(runs);
    const expected = expectedNumbersOfHiddenCases(casesFor('correct-micrograd-style', config));
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.filter((n) => sent.includes(String(n)))).toEqual([]);
    for (const load of sandboxCalls.filter((c) => c.kind === 'load'))
      expect(['exercises/engine.ts', 'exercises/manual.ts']).toContain(load.file);
    for (const call of sandboxCalls)
      expect(call.limits).toMatchObject({ memoryMb: config.memoryMb, caseTimeoutMs: 300 });
  });

  it('solutions read through an import, a symlink or the file system never load', () => {
    for (const id of ['import-solutions', 'symlink-solutions', 'require-fs', 'import-node-fs']) {
      const r = resultFor(results, id);
      expect(
        r.errors.map((e) => e.code),
        id,
      ).toContain('E_SUBMISSION_IMPORT');
      expect(r.output, id).toBe('');
    }
    expect(readFileSync(path.join(FIXTURES, 'hostile', 'symlink-solutions', 'exercises', 'engine.ts'), 'utf8')).toBe(
      readFileSync(path.join(REPO, 'solutions', 'engine.ts'), 'utf8'),
    );
  });
});
