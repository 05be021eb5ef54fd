/**
 * Code written to crash the tools that read it: nesting deep enough that a
 * recursive parser runs off the end of its thread's stack (which would end
 * the grader's whole process), or that a printer indents into gigabytes.
 * Generated here rather than kept as fixtures: each is 40 to 100 KB of
 * brackets or arrows (under the 128 KB limit for a file of code), deep
 * enough to crash the main thread's stack. Every one must cost only its own
 * submission.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { FIXTURES, gradePaths, resultFor, testConfig } from '../support/fixture-class.ts';

const CORRECT = path.join(FIXTURES, 'submissions', 'correct-micrograd-style');
const engine = readFileSync(path.join(CORRECT, 'exercises', 'engine.ts'), 'utf8');
const DEPTH = 20_000;

/** Each bomb: what goes into exercises/, next to an otherwise correct engine. */
const BOMBS: Record<string, Record<string, string>> = {
  parens: { 'engine.ts': `${engine}\nexport const x = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)};\n` },
  templates: { 'engine.ts': `${engine}\nexport const x = ${'`${'.repeat(DEPTH)}1${'}`'.repeat(DEPTH)};\n` },
  'arrow-chain': { 'engine.ts': `${engine}\nexport const f = ${'x => '.repeat(DEPTH)}1;\n` },
  'ternary-chain': { 'engine.ts': `${engine}\nexport const t = ${'a?b:'.repeat(DEPTH)}c;\n` },
  'arrow-chain-imported': {
    'engine.ts': `import { f } from './deep';\nexport const g = f;\n${engine}`,
    'deep.ts': `export const f = ${'x => '.repeat(DEPTH)}1;\n`,
  },
  'blocks-imported': {
    'engine.ts': `import './deep';\n${engine}`,
    'deep.ts': `${'{'.repeat(DEPTH)}${'}'.repeat(DEPTH)}\n`,
  },
};

let temp: string;
let results: Map<string, SubmissionResult>;

beforeAll(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'gradelab-bombs-'));
  for (const [id, files] of Object.entries(BOMBS)) {
    cpSync(CORRECT, path.join(temp, id), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(temp, id, 'exercises', name), text);
  }
  cpSync(CORRECT, path.join(temp, 'bystander'), { recursive: true });
  results = await gradePaths(
    [...Object.keys(BOMBS), 'bystander'].map((id) => path.join(temp, id)),
    testConfig({ timeouts: { caseMs: 2000, submissionMs: 10_000 } }),
  );
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('parser bombs', () => {
  it('the grader survives them all, and grades the bystander in the same run in full', () => {
    expect(results.size).toBe(Object.keys(BOMBS).length + 1);
    const bystander = resultFor(results, 'bystander');
    expect(bystander.score).toBe(bystander.maxScore);
  });

  it('nesting by brackets is refused before any transpiler reads it, at its line', () => {
    for (const id of ['parens', 'templates']) {
      const r = resultFor(results, id);
      expect(r.status, id).toBe('error');
      expect(r.errors, id).toEqual([
        expect.objectContaining({
          code: 'E_SUBMISSION_LOAD',
          file: 'exercises/engine.ts',
          line: engine.split('\n').length + 1,
          message: expect.stringMatching(/nest more than 256 deep/),
        }),
      ]);
    }
    const blocks = resultFor(results, 'blocks-imported');
    expect(blocks.errors).toEqual([
      expect.objectContaining({ file: 'exercises/deep.ts', message: expect.stringMatching(/nest more than 256 deep/) }),
    ]);
  });

  it('chains without brackets are transpiled without harm and fail to load in the sandbox, as plain Node fails them', () => {
    // V8 parses arrow chains recursively, so 20,000 of them overflow its stack.
    // Conditional chains the V8 of Node 24 and 26 parses without recursing, so
    // the ternary bomb loads and stops where plain Node stops it: at its first
    // undefined name.
    const failure: Record<string, RegExp> = {
      'arrow-chain': /Maximum call stack size exceeded/,
      'arrow-chain-imported': /Maximum call stack size exceeded/,
      'ternary-chain': /threw an error while loading: a is not defined/,
    };
    for (const [id, message] of Object.entries(failure)) {
      const r = resultFor(results, id);
      expect(r.status, id).toBe('error');
      expect(r.errors, id).toEqual([
        expect.objectContaining({ code: 'E_SUBMISSION_LOAD', message: expect.stringMatching(message) }),
      ]);
      // Only manual.ts's answers, which the bomb does not touch, can pass.
      expect(
        r.tests
          .filter((t) => t.status === 'pass')
          .map((t) => t.exercise)
          .sort(),
        id,
      ).toEqual(['manual', 'nudge']);
    }
  });
});
