/**
 * One student-written submission per misconception (fixtures/diagnosis/<id>)
 * and a few with two mistakes (combo-<id1>+<id2>): each must be named with
 * exactly its ids. A bug no mutant explains must not be given a made-up name.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MISCONCEPTIONS, MISCONCEPTION_BY_ID } from '../../../grader/05-diagnose/misconceptions.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { fixtureFolders, gradePaths, resultFor, testConfig } from '../support/fixture-class.ts';

const folders = fixtureFolders('diagnosis').map((f) => path.basename(f));
const singles = folders.filter((name) => MISCONCEPTION_BY_ID.has(name));
const combos = folders.filter((name) => name.startsWith('combo-'));
const idsOfCombo = (name: string) => name.slice('combo-'.length).split('+');

let results: Map<string, SubmissionResult>;

beforeAll(async () => {
  results = await gradePaths(
    [...fixtureFolders('diagnosis'), ...fixtureFolders('submissions', 'correct-')],
    testConfig(),
  );
});

describe('diagnosis of the fixtures in fixtures/diagnosis', () => {
  it('every misconception of the catalogue has its fixture, and every folder is accounted for', () => {
    expect(singles.sort()).toEqual(MISCONCEPTIONS.map((m) => m.id).sort());
    expect(combos.length).toBeGreaterThanOrEqual(4);
    for (const name of combos)
      expect(
        idsOfCombo(name).every((id) => MISCONCEPTION_BY_ID.has(id)),
        name,
      ).toBe(true);
    expect(folders.filter((n) => !singles.includes(n) && !combos.includes(n) && !n.startsWith('unexplained-'))).toEqual(
      [],
    );
  });

  it('each single-mistake fixture is diagnosed with exactly its id, explaining every case', () => {
    for (const id of singles) {
      const r = resultFor(results, id);
      expect({ id, status: r.status, misconceptions: r.misconceptions, explainsAll: r.explainsAll }).toEqual({
        id,
        status: 'graded',
        misconceptions: [id],
        explainsAll: true,
      });
    }
  });

  it('each fixture really loses points: required work for required rules, bonus only for bonus rules', () => {
    for (const id of singles) {
      const r = resultFor(results, id);
      if (MISCONCEPTION_BY_ID.get(id)!.bonus) {
        // Bonus work never takes points away from the required score.
        expect({ id, full: r.score === r.maxScore, bonusLost: r.bonus < r.maxBonus }).toEqual({
          id,
          full: true,
          bonusLost: true,
        });
      } else {
        expect({ id, lost: r.score < r.maxScore }).toEqual({ id, lost: true });
      }
    }
  });

  it('each two-mistake fixture is diagnosed with both ids and nothing else', () => {
    for (const name of combos) {
      const r = resultFor(results, name);
      expect({ name, misconceptions: [...r.misconceptions].sort() }).toEqual({
        name,
        misconceptions: idsOfCombo(name).sort(),
      });
    }
  });

  it('correct submissions never get a misconception', () => {
    const correct = [...results.values()].filter((r) => r.id.startsWith('correct-'));
    expect(correct.length).toBeGreaterThanOrEqual(4);
    for (const r of correct)
      expect({ id: r.id, m: r.misconceptions, d: r.diagnoses, t: r.tests.flatMap((t) => t.misconceptions) }).toEqual({
        id: r.id,
        m: [],
        d: [],
        t: [],
      });
  });

  it('a wrong rule no mutant reproduces is not given a name, and the note says so', () => {
    const r = resultFor(results, 'unexplained-tanh-half-derivative');
    expect(r.score).toBeLessThan(r.maxScore);
    expect(r.misconceptions).toEqual([]);
    expect(r.explainsAll).toBe(false);
    const failing = r.tests.filter((t) => t.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const t of failing) {
      expect(t.diagnosis).toBe('unexplained');
      expect(t.note).toMatch(/No common mistake matches your gradients/);
    }
  });

  it('a tanh case broken only by the mul rule is reported as a prerequisite, pointing at mul', () => {
    const r = resultFor(results, 'mul-uses-own-value');
    const tanhFailures = r.tests.filter((t) => t.exercise === 'tanh' && t.status === 'fail');
    expect(tanhFailures.length).toBeGreaterThan(0);
    for (const t of tanhFailures) {
      expect({ id: t.id, diagnosis: t.diagnosis, misconceptions: t.misconceptions }).toEqual({
        id: t.id,
        diagnosis: 'prerequisite',
        misconceptions: ['mul-uses-own-value'],
      });
      expect(t.note).toMatch(/mul/);
    }
    // Its own exercise's failures are explained, not deferred.
    expect(
      r.tests.filter((t) => t.exercise === 'mul' && t.status === 'fail').every((t) => t.diagnosis === 'explained'),
    ).toBe(true);
  });
});
