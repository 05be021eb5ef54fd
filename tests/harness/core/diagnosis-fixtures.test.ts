/**
 * One student-written submission per misconception (fixtures/diagnosis/<id>),
 * more shapes of the same mistake (<id>--<shape>), and a few with two
 * mistakes (combo-<id1>+<id2>): each must be named with exactly its ids. A
 * bug no mutant explains (unexplained-*), or one that a mutant matches only
 * by coincidence (coincidence-*), must not be given a name at all; a
 * required rule's mistake seen only in bonus cases (bonus-only-<id>) is
 * named and tagged bonus.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MISCONCEPTIONS, MISCONCEPTION_BY_ID } from '../../../grader/05-diagnose/misconceptions.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { fixtureFolders, gradePaths, resultFor, testConfig } from '../support/fixture-class.ts';

const folders = fixtureFolders('diagnosis').map((f) => path.basename(f));
const singles = folders.filter((name) => MISCONCEPTION_BY_ID.has(name));
const combos = folders.filter((name) => name.startsWith('combo-'));
const shapes = folders.filter((name) => name.includes('--'));
const idOfShape = (name: string) => name.slice(0, name.indexOf('--'));
const coincidences = folders.filter((name) => name.startsWith('coincidence-'));
const bonusOnly = folders.filter((name) => name.startsWith('bonus-only-'));
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
    for (const name of [...shapes, ...bonusOnly])
      expect(
        MISCONCEPTION_BY_ID.has(name.includes('--') ? idOfShape(name) : name.slice('bonus-only-'.length)),
        name,
      ).toBe(true);
    const known = [...singles, ...combos, ...shapes, ...coincidences, ...bonusOnly];
    expect(folders.filter((n) => !known.includes(n) && !n.startsWith('unexplained-'))).toEqual([]);
  });

  it('each single-mistake fixture, in every shape, is diagnosed with exactly its id, explaining every case', () => {
    for (const name of [...singles, ...shapes]) {
      const id = name.includes('--') ? idOfShape(name) : name;
      const r = resultFor(results, name);
      expect({ name, status: r.status, misconceptions: r.misconceptions, explainsAll: r.explainsAll }).toEqual({
        name,
        status: 'graded',
        misconceptions: [id],
        explainsAll: true,
      });
    }
  });

  it('a mutant that matches some cases by coincidence names nothing, and the note says what the failing cases share', () => {
    expect(coincidences.length).toBeGreaterThanOrEqual(3);
    for (const name of coincidences) {
      const r = resultFor(results, name);
      const failing = r.tests.filter((t) => t.status === 'fail');
      expect({
        name,
        misconceptions: r.misconceptions,
        diagnoses: r.diagnoses.length,
        failing: failing.length > 0,
      }).toEqual({ name, misconceptions: [], diagnoses: 0, failing: true });
      for (const t of failing) expect({ name, t: t.id, ids: t.misconceptions }).toEqual({ name, t: t.id, ids: [] });
      for (const t of failing)
        expect(t.note).toMatch(/No common mistake matches your gradients here, so no name is given/);
    }
    // mul updates only this.grad: what its failures share is the mul rule, not accumulation.
    const mul = resultFor(results, 'coincidence-mul-updates-only-self').tests.find((t) => t.id === 'mul-two-leaves')!;
    expect(mul.note).toMatch(/goes through a mul node/);
    // A bonus sub that is wrong while neg passes: sub is what they share, not a detached neg.
    const sub = resultFor(results, 'coincidence-sub-misses-second-operand').tests.find((t) => t.id === 'bonus-sub')!;
    expect(sub.note).toMatch(/goes through a sub node, and every case without one passes/);
  });

  it("a required rule's mistake seen only in bonus cases is tagged bonus, and the required work keeps full marks", () => {
    expect(bonusOnly.length).toBeGreaterThanOrEqual(1);
    for (const name of bonusOnly) {
      const id = name.slice('bonus-only-'.length);
      const r = resultFor(results, name);
      expect(MISCONCEPTION_BY_ID.get(id)!.bonus).toBe(false);
      expect({ name, full: r.score === r.maxScore, misconceptions: r.misconceptions }).toEqual({
        name,
        full: true,
        misconceptions: [id],
      });
      expect(r.diagnoses.map((d) => [d.id, d.bonus])).toEqual([[id, true]]);
      expect(r.diagnoses[0].cases.every((c) => r.tests.find((t) => t.id === c)!.kind === 'bonus')).toBe(true);
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
      expect(t.note).toMatch(/No common mistake matches your gradients here, so no name is given/);
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
