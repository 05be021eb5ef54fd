/**
 * The bundled example class (fixtures/submissions), graded as the README's
 * main command grades it: correct work earns full marks whatever its style,
 * bugs lose points and are named, broken submissions are reported, and the
 * whole class is quick to grade.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../grader/config/load.ts';
import { MISCONCEPTION_BY_ID } from '../../../grader/05-diagnose/misconceptions.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { FIXTURES, fixtureFolders, gradePaths, resultFor } from '../support/fixture-class.ts';

const CLASS = path.join(FIXTURES, 'submissions');
/** What each bug-* fixture gets wrong, when its name alone does not say. */
const BUGS: Record<string, string[]> = {
  'bug-overwrite-add': ['overwrite-instead-of-accumulate'],
  'bug-two-mistakes': ['overwrite-instead-of-accumulate', 'tanh-missing-square'],
};

let results: Map<string, SubmissionResult>;

// How fast it grades is `npm run bench`'s business, not a timed test's.
beforeAll(async () => {
  results = await gradePaths([CLASS], DEFAULT_CONFIG);
});

const named = (prefix: string) => [...results.values()].filter((r) => r.id.startsWith(prefix));

describe('fixtures/submissions, graded with the default config', () => {
  it('is a small class: one result per fixture folder', () => {
    expect([...results.keys()].sort()).toEqual(fixtureFolders('submissions').map((f) => path.basename(f)));
  });

  it('every correct-* submission gets full marks and no misconception', () => {
    expect(named('correct-').map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'correct-micrograd-style',
        'correct-iterative-set',
        'correct-split-files',
        'correct-no-bonus',
      ]),
    );
    for (const r of named('correct-')) {
      expect({ id: r.id, status: r.status, score: r.score, misconceptions: r.misconceptions }).toEqual({
        id: r.id,
        status: 'graded',
        score: r.maxScore,
        misconceptions: [],
      });
      expect(r.maxScore).toBeGreaterThan(0);
      expect(r.tests.flatMap((t) => t.misconceptions)).toEqual([]);
    }
  });

  it('bonus work is optional: the untouched stubs score 0 bonus and lose nothing', () => {
    const none = resultFor(results, 'correct-no-bonus');
    expect(none.bonus).toBe(0);
    expect(none.maxBonus).toBeGreaterThan(0);
    expect(
      none.tests.filter((t) => t.kind === 'bonus').every((t) => t.notAttempted && t.status === 'not-attempted'),
    ).toBe(true);
    const partial = resultFor(results, 'correct-iterative-set');
    expect(partial.bonus).toBeGreaterThan(0);
    expect(partial.bonus).toBeLessThan(partial.maxBonus);
    expect(resultFor(results, 'correct-split-files').bonus).toBe(resultFor(results, 'correct-split-files').maxBonus);
  });

  it('every bug-* submission loses points and its mistakes are named', () => {
    expect(named('bug-').length).toBeGreaterThanOrEqual(4);
    for (const r of named('bug-')) {
      const expected = BUGS[r.id] ?? [r.id.slice('bug-'.length)];
      expect(
        expected.every((id) => MISCONCEPTION_BY_ID.has(id)),
        r.id,
      ).toBe(true);
      expect({
        id: r.id,
        status: r.status,
        lost: r.score < r.maxScore,
        misconceptions: [...r.misconceptions].sort(),
      }).toEqual({ id: r.id, status: 'graded', lost: true, misconceptions: [...expected].sort() });
    }
  });

  it('a syntax error is reported at its file and line, and costs only the engine cases', () => {
    const r = resultFor(results, 'error-syntax');
    const source = readFileSync(path.join(CLASS, 'error-syntax/exercises/engine.ts'), 'utf8').split('\n');
    const brokenLine = source.findIndex((line) => line.includes('(1 - t * t * out.grad;')) + 1;
    expect(brokenLine).toBeGreaterThan(0);
    expect(r.status).toBe('error');
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'E_SUBMISSION_SYNTAX', file: 'exercises/engine.ts', line: brokenLine }),
    ]);
    expect(r.tests.find((t) => t.id === 'manual-worked-example')?.status).toBe('pass');
    expect(r.tests.filter((t) => t.exercise === 'add').every((t) => t.status === 'error')).toBe(true);
  });

  it('a Value exported under another name is a missing export', () => {
    const r = resultFor(results, 'error-missing-export');
    expect(r.status).toBe('error');
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'E_SUBMISSION_MISSING_EXPORT', file: 'exercises/engine.ts' }),
    ]);
    expect(r.score).toBeLessThan(r.maxScore);
  });

  it('an endless loop in backward() times out without holding up the class', () => {
    const r = resultFor(results, 'timeout-infinite-loop');
    expect(r.status).toBe('timeout');
    expect(r.tests.some((t) => t.status === 'timeout')).toBe(true);
    expect(r.tests.filter((t) => t.exercise !== 'manual' && t.id !== 'nudge').every((t) => t.status !== 'pass')).toBe(
      true,
    );
    expect(r.durationMs).toBeLessThan(DEFAULT_CONFIG.timeouts.submissionMs + 1000);
  });
});
