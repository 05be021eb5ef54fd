/**
 * The second assignment graded end to end on real submissions (fixtures/nn):
 * correct loops in several styles get full marks, each loop mistake is named
 * on a fixture of its own, a wrong engine is blamed on the engine, and a
 * missing bias is told by the count of parameters().
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig, assignmentDefaults } from '../../../grader/config/load.ts';
import { TRAINING_MISCONCEPTIONS } from '../../../grader/05-diagnose/nn-misconceptions.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { fixtureFolders, gradePaths, resultFor } from '../support/fixture-class.ts';

const folders = fixtureFolders('nn');
const names = folders.map((f) => path.basename(f));
let results: Map<string, SubmissionResult>;

beforeAll(async () => {
  results = await gradePaths(folders, readConfig({}, 'test', assignmentDefaults('nn')).value);
});

describe('grading the second assignment (--assignment nn)', () => {
  it('has a fixture for every misconception of the assignment, and correct ones in several styles', () => {
    for (const m of TRAINING_MISCONCEPTIONS) expect(names).toContain(m.id);
    expect(names.filter((n) => n.startsWith('correct-')).length).toBeGreaterThanOrEqual(5);
  });

  it('gives full marks to every correct loop, whatever its style (classes, array methods, CommonJS in .ts or .js files, plain JS, zeroing at the end)', () => {
    for (const name of names.filter((n) => n.startsWith('correct-'))) {
      const r = resultFor(results, name);
      expect({ name, status: r.status, score: r.score, misconceptions: r.misconceptions }).toEqual({
        name,
        status: 'graded',
        score: 100,
        misconceptions: [],
      });
      expect(r.maxScore).toBe(100);
    }
  });

  for (const m of TRAINING_MISCONCEPTIONS) {
    it(`names ${m.id} on its own fixture, and only it`, () => {
      const r = resultFor(results, m.id);
      expect(r.misconceptions).toEqual([m.id]);
      expect(r.explainsAll).toBe(true);
      expect(r.score).toBeLessThan(r.maxScore);
      const failed = r.tests.filter((t) => t.status !== 'pass');
      expect(failed.length).toBeGreaterThan(0);
      for (const t of failed) expect(t.hints).toContain(m.hint);
    });
  }

  it('the zero-grad hint links back to b = a + a', () => {
    const r = resultFor(results, 'forgot-zero-grad');
    expect(r.diagnoses[0].hint).toMatch(/b = a \+ a/);
  });

  it('gives partial credit: a right forward pass and loss keep their points when the loop is wrong', () => {
    const r = resultFor(results, 'forgot-zero-grad');
    const status = Object.fromEntries(r.tests.map((t) => [t.id, t.status]));
    expect(status).toMatchObject({
      'nn-parameters': 'pass',
      'nn-forward': 'pass',
      'nn-loss': 'pass',
      'nn-backward': 'pass',
      'nn-train-step': 'pass',
      'nn-training': 'fail',
    });
    expect(r.score).toBeGreaterThan(50);
    // A random dataset earns a share per stage that is right.
    const random = r.tests.find((t) => t.id === 'nn-random-1')!;
    expect(random.points).toBeGreaterThan(0);
    expect(random.points).toBeLessThan(random.maxPoints);
  });

  it('catches the forgetful loop even though it ends with a lower loss than the correct one', () => {
    const r = resultFor(results, 'forgot-zero-grad');
    const training = r.tests.find((t) => t.id === 'nn-training')!.training!;
    const last = (xs: Array<number | string>) => xs[xs.length - 1] as number;
    // "The loss went down" would pass it: it went down further than the reference's.
    expect(last(training.losses.student)).toBeLessThan(last(training.losses.reference));
    expect(training.parts).toMatchObject({ step: 2, parameter: expect.any(Number) });
  });

  it('tells a missing bias by the count of parameters() first: 32 of 41 for MLP(3, [4, 4, 1])', () => {
    const r = resultFor(results, 'parameters-missing-bias');
    const t = r.tests.find((x) => x.id === 'nn-parameters')!;
    expect(t.detail).toBe(
      'parameters() returns 32 Values but MLP(3, [4, 4, 1]) has 41. Nothing else is compared until it returns them all.',
    );
    expect(t.note).toMatch(/the 9 biases, one per neuron, are missing/);
    expect(r.score).toBe(0);
  });

  it("blames a wrong engine, not nn.ts: the cases fail with the first assignment's prerequisite note", () => {
    const r = resultFor(results, 'engine-mul-uses-own-value');
    expect(r.misconceptions).toEqual(['mul-uses-own-value']);
    const failed = r.tests.filter((t) => t.status !== 'pass');
    expect(failed.length).toBeGreaterThan(0);
    for (const t of failed) {
      expect(t.diagnosis).toBe('prerequisite');
      expect(t.note).toMatch(
        /^These fail because your engine's mul rule is wrong \(mul-uses-own-value\); fix the first assignment first/,
      );
    }
    // The engine's own cases are probes, not tests of this assignment.
    expect(r.tests.every((t) => t.id.startsWith('nn-'))).toBe(true);
  });

  it('shows a failed training case as the loss per step, student against reference, and where the runs part', () => {
    const r = resultFor(results, 'step-wrong-sign');
    const t = r.tests.find((x) => x.id === 'nn-train-step')!;
    expect(t.training!.losses.student.length).toBe(t.training!.losses.reference.length);
    expect(t.training!.parts).toMatchObject({ step: 1, parameter: 0 });
  });
});
