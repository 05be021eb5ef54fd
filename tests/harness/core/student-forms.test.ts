/**
 * Student code as students write it (fixtures/ports): every form a file
 * comes in is graded in full or refused at its file and line with the fix,
 * every blocker of a file at once; optional work left alone is never a
 * failure; and the bugs of real ports are named.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { FIXTURES, fixtureFolders, gradePaths, resultFor, testConfig } from '../support/fixture-class.ts';

/** Forms that must be graded in full: JavaScript, CommonJS, TS `export =`, other folders, Node built-ins, accessors. */
const GRADED_IN_FULL = [
  'js-esm',
  'cjs',
  'cjs-exports-dot',
  'ts-export-equals',
  'mjs',
  'src-layout',
  'root-layout',
  'util-inspect',
  'no-bonus-methods',
  'private-fields-accessors',
  'getter-only-grad',
  'closures-in-constructor',
  'builtins-require',
  'builtins-import',
];

/** Forms that load and are graded case by case, checked in a test of their own (tests/harness/course/missing-method.test.ts). */
const GRADED_IN_PART = ['missing-tanh'];

/** Forms that cannot work: refused at the line that holds the problem (found by its text), with the fix. */
const REFUSED: Record<string, Array<{ file: string; at: string; code: string; says: RegExp }>> = {
  'default-export-only': [
    {
      file: 'exercises/engine.ts',
      at: 'export default class Value',
      code: 'E_SUBMISSION_FORM',
      says: /write `export class Value/,
    },
  ],
  'module-exports-class': [
    {
      file: 'exercises/engine.js',
      at: 'module.exports = Value',
      code: 'E_SUBMISSION_FORM',
      says: /write `module\.exports = \{ Value \}`/,
    },
  ],
  'ts-export-equals-class': [
    {
      file: 'exercises/engine.ts',
      at: 'export = Value',
      code: 'E_SUBMISSION_FORM',
      says: /write `export = \{ Value \}`/,
    },
  ],
  'method-named-multiply': [
    {
      file: 'exercises/engine.ts',
      at: 'plus(other',
      code: 'E_SUBMISSION_FORM',
      says: /contract's names are add, mul, tanh — rename plus to add/,
    },
    { file: 'exercises/engine.ts', at: 'multiply(other', code: 'E_SUBMISSION_FORM', says: /rename multiply to mul/ },
  ],
  'constructor-object': [
    { file: 'exercises/engine.ts', at: 'constructor({', code: 'E_SUBMISSION_FORM', says: /take the number first/ },
  ],
  'functional-ops': [
    {
      file: 'exercises/engine.ts',
      at: 'export const add',
      code: 'E_SUBMISSION_FORM',
      says: /add is a function of its own here: .* a method of Value/,
    },
    {
      file: 'exercises/engine.ts',
      at: 'export function mul',
      code: 'E_SUBMISSION_FORM',
      says: /mul is a function of its own/,
    },
    {
      file: 'exercises/engine.ts',
      at: 'export function tanh',
      code: 'E_SUBMISSION_FORM',
      says: /tanh is a function of its own/,
    },
  ],
  'import-package': [
    {
      file: 'exercises/engine.ts',
      at: "from 'lodash'",
      code: 'E_SUBMISSION_IMPORT',
      says: /not 'lodash': it is a package/,
    },
  ],
  'many-blockers': [
    { file: 'exercises/engine.ts', at: "from 'fs'", code: 'E_SUBMISSION_IMPORT', says: /not 'fs': it reaches files/ },
    {
      file: 'exercises/engine.ts',
      at: "from 'chalk'",
      code: 'E_SUBMISSION_IMPORT',
      says: /not 'chalk': it is a package/,
    },
    {
      file: 'exercises/engine.ts',
      at: 'export default class',
      code: 'E_SUBMISSION_FORM',
      says: /only a default export/,
    },
    { file: 'exercises/engine.ts', at: 'multiply(other', code: 'E_SUBMISSION_FORM', says: /rename multiply to mul/ },
  ],
};

/** Real bugs of real ports, and the ids that must name them. */
const BUGS: Record<string, string[]> = {
  'number-operand': ['number-operand-not-wrapped'],
  'number-operand-nan': ['number-operand-not-wrapped'],
  'per-path-backward': ['no-topological-order'],
  'bfs-no-visited': ['no-topological-order'],
  'wrong-forward-leaf': ['wrong-forward-value'],
  'recursive-topo-foreach': ['recursion-too-deep'],
};

const lineOf = (id: string, file: string, text: string) =>
  readFileSync(path.join(FIXTURES, 'ports', id, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1;

let results: Map<string, SubmissionResult>;

beforeAll(async () => {
  results = await gradePaths(fixtureFolders('ports'), testConfig());
});

describe('student code in every form (fixtures/ports)', () => {
  it('every fixture is accounted for', () => {
    const all = [...GRADED_IN_FULL, ...GRADED_IN_PART, ...Object.keys(REFUSED), ...Object.keys(BUGS)].sort();
    expect(fixtureFolders('ports').map((f) => path.basename(f))).toEqual(all);
  });

  it.each(GRADED_IN_FULL)('%s is graded in full: full marks, no misconception, no crash', (id) => {
    const r = resultFor(results, id);
    expect({ id, status: r.status, full: r.score === r.maxScore, misconceptions: r.misconceptions }).toEqual({
      id,
      status: 'graded',
      full: true,
      misconceptions: [],
    });
    expect(r.tests.filter((t) => t.status !== 'pass' && !t.notAttempted).map((t) => t.id)).toEqual([]);
  });

  it('optional work left alone is not attempted: no points, never a failure or a crash', () => {
    const r = resultFor(results, 'no-bonus-methods');
    const bonus = r.tests.filter((t) => t.kind === 'bonus');
    expect(bonus.length).toBeGreaterThan(0);
    for (const t of bonus) {
      expect({ id: t.id, status: t.status, notAttempted: t.notAttempted, points: t.points }).toEqual({
        id: t.id,
        status: 'not-attempted',
        notAttempted: true,
        points: 0,
      });
      expect(t.message).toMatch(/^Not attempted \(optional bonus\)/);
    }
    // The nudge is not exported at all: not attempted too.
    expect(r.tests.find((t) => t.id === 'nudge')?.message).toMatch(/nudge is not exported/);
  });

  it('harmless Node built-ins work inside the sandbox: inspect.custom, format, assert, console', () => {
    const r = resultFor(results, 'util-inspect');
    expect(r.output).toBe('Value(?, data=6, grad=0)\nValue(a, data=2, grad=0)\n');
  });

  it.each(Object.entries(REFUSED))('%s is refused with every blocker, each at its file and line', (id, expected) => {
    const r = resultFor(results, id);
    expect(r.status).toBe('error');
    const engineErrors = r.errors.filter((e) => e.file?.includes('engine'));
    expect(engineErrors).toHaveLength(expected.length);
    for (const want of expected) {
      const line = lineOf(id, want.file, want.at);
      expect(line, `${id}: ${want.at}`).toBeGreaterThan(0);
      const found = engineErrors.find((e) => e.line === line);
      expect(found, `${id}: no error at ${want.file}:${line}`).toBeDefined();
      expect({ code: found!.code, file: found!.file }).toEqual({ code: want.code, file: want.file });
      expect(found!.message).toMatch(want.says);
    }
    // The hand-computed gradients are still graded.
    expect(r.tests.find((t) => t.id === 'manual-worked-example')?.status).toBe('pass');
  });

  it.each(Object.entries(BUGS))('%s loses points and is named exactly', (id, ids) => {
    const r = resultFor(results, id);
    expect({ id, status: r.status, lost: r.score < r.maxScore, misconceptions: r.misconceptions }).toEqual({
      id,
      status: 'graded',
      lost: true,
      misconceptions: ids,
    });
  });

  it('a plain-number operand is named whether it crashes or turns into NaN, with the fix', () => {
    const crash = resultFor(results, 'number-operand').tests.filter((t) => t.status === 'error');
    expect(crash.length).toBeGreaterThan(0);
    for (const t of crash) expect(t.note).toMatch(/crash .*Wrap plain numbers in a Value/);
    const nan = resultFor(results, 'number-operand-nan').tests.filter((t) => t.status === 'fail' && !t.notAttempted);
    expect(nan.length).toBeGreaterThan(0);
    for (const t of nan) expect(t.note).toMatch(/NaN.*Wrap plain numbers in a Value/);
  });

  it('a wrong forward value is blamed on the first node whose value is wrong, and says it is the value', () => {
    const t = resultFor(results, 'wrong-forward-leaf').tests.find((x) => x.id === 'neuron-two-inputs')!;
    expect(t.detail).toMatch(
      /^b\.data is 6\.88 but should be 6\.88137.*the value computed in the forward pass is wrong/,
    );
  });
});
