/**
 * The Node built-ins a submission may use behave in the sandbox as they do
 * in Node, under require as under import (default, named and namespace
 * imports): each probe file prints what it gets from assert, assert/strict,
 * util and console, and the grader must capture exactly what plain Node prints.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { FIXTURES, gradePaths, resultFor, testConfig } from '../support/fixture-class.ts';

const PROBES = [
  { id: 'builtins-require', file: 'engine.cjs' },
  { id: 'builtins-import', file: 'engine.mjs' },
];
const folder = (id: string) => path.join(FIXTURES, 'ports', id);

let results: Map<string, SubmissionResult>;

beforeAll(async () => {
  results = await gradePaths(
    PROBES.map((p) => folder(p.id)),
    testConfig(),
  );
});

describe('built-ins in the sandbox', () => {
  it.each(PROBES)('$id prints in the sandbox exactly what it prints in plain Node', ({ id, file }) => {
    const inNode = execFileSync(process.execPath, [path.join(folder(id), 'exercises', file)], { encoding: 'utf8' });
    const r = resultFor(results, id);
    expect(r.status).toBe('graded');
    expect(r.output).toBe(inNode);
    // Not vacuous: the probe really calls assert as a function and reads util.inspect.
    expect(inNode).toContain('typeof assert: function\nassert(true): ok\n');
    expect(inNode).toContain('util.inspect({ a: 1, b: [2, 3] }): { a: 1, b: [ 2, 3 ] }');
  });

  it("require('assert')(x) works, so a bonus op that asserts its input earns its points", () => {
    const r = resultFor(results, 'builtins-require');
    expect(r.score).toBe(r.maxScore);
    for (const id of ['bonus-pow', 'bonus-div'])
      expect({ id, status: r.tests.find((t) => t.id === id)?.status }).toEqual({ id, status: 'pass' });
  });
});
