/**
 * The bench's realistic class (bench/mixes.ts) is what it claims to be: a
 * quarter correct, the rest spread over the contract's misconceptions, most
 * without bonus ops, and each generated mistake is the one the grader names.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bonusOf, generateRealisticClass, mistakesOf } from '../../../bench/mixes.ts';
import { gradePaths, testConfig } from '../support/fixture-class.ts';

const temp = mkdtempSync(path.join(os.tmpdir(), 'gradelab-mixes-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the realistic bench class', () => {
  it('is a quarter correct, the rest over every common mistake, three in four without bonus ops', () => {
    const n = 400;
    const mistakes = Array.from({ length: n }, (_, i) => mistakesOf(i));
    expect(mistakes.filter((m) => m.length === 0).length).toBe(n / 4);
    const named = new Set(mistakes.flat());
    expect(named.size).toBe(9);
    const bonus = Array.from({ length: n }, (_, i) => bonusOf(i));
    expect(bonus.filter((b) => b !== 'written').length).toBe((3 * n) / 4);
  });

  it('generates submissions whose misconceptions the grader names', async () => {
    // The first 16 cover a correct one per four, each single mistake once, and every bonus style.
    const folders = generateRealisticClass(path.join(temp, 'class'), 16);
    const results = await gradePaths(folders, testConfig());
    folders.forEach((folder, i) => {
      const result = results.get(path.basename(folder))!;
      expect(result.status, folder).toBe('graded');
      const expected = mistakesOf(i);
      // (Not full marks for the correct ones: on a loaded machine the long chain may time out.)
      if (expected.length === 0) return expect(result.misconceptions, folder).toEqual([]);
      expect(result.score, folder).toBeLessThan(result.maxScore);
      // number-operand-not-wrapped too: `const o = other as Value` in add crashes in the sort (node._prev is not iterable).
      expect(result.misconceptions, folder).toEqual(expect.arrayContaining(expected));
    });
  });
});
