/**
 * The second assignment graded end to end on real submissions (fixtures/nn):
 * correct loops in several styles get full marks, each loop mistake is named
 * on a fixture of its own (and its partial or other shapes on theirs, with
 * the parameters they touch named by role), a wrong engine is blamed on the
 * engine, a missing bias is told by the count of parameters(), and a mistake
 * no mutant explains gets no name, only what its failing cases share.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig, assignmentDefaults } from '../../../grader/config/load.ts';
import { TRAINING_MISCONCEPTIONS } from '../../../grader/05-diagnose/training-misconceptions.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { fixtureFolders, gradePaths, resultFor } from '../support/fixture-class.ts';

const folders = fixtureFolders('nn');

/** Other shapes of a misconception, each on a fixture of its own: the id, and what the detail or note must say. */
const SHAPES: Record<string, { id: string; note: RegExp }> = {
  'forgot-zero-grad-last-layer': {
    id: 'forgot-zero-grad',
    note: /zeroGrad\(\) clears only the 5 parameters of layer 2; the other 36 of 41 gradients leak into the next step: the 36 parameters of layers 0 and 1\./,
  },
  'step-wrong-sign-biases': {
    id: 'step-wrong-sign',
    note: /Only the 9 biases step uphill \(p\.data \+= lr \* p\.grad\); the other 32 of 41 parameters step downhill/,
  },
  'step-wrong-sign-weights': { id: 'step-wrong-sign', note: /Only the 32 weights step uphill/ },
  'parameters-layers-reversed': { id: 'parameters-wrong-order', note: /lists the layers last first/ },
  'step-before-backward-frozen': { id: 'step-before-backward', note: /No parameter ever moves/ },
};

/**
 * Fixtures that must get no name at all, and what their note says instead.
 * The quartered loss is the mean on the lecture's four examples by
 * coincidence: the random datasets, of other sizes, withhold the name.
 */
const UNNAMED: Record<string, RegExp> = {
  'unexplained-loss-quartered':
    /^Every failing case first goes wrong at the loss: parameters\(\) and the forward pass match the reference\./,
  'unexplained-loss-adds-target':
    /^Every failing case first goes wrong at the loss: parameters\(\) and the forward pass match the reference\./,
};
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

  it('knows what every fixture must be named: correct, an id, a shape of one, the engine, or nothing', () => {
    const ids = new Set(TRAINING_MISCONCEPTIONS.map((m) => m.id));
    const unlisted = names.filter(
      (n) => !n.startsWith('correct-') && !ids.has(n) && !SHAPES[n] && !UNNAMED[n] && n !== 'engine-mul-uses-own-value',
    );
    expect(unlisted).toEqual([]);
  });

  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`names ${shape.id} on ${name}, and says which parameters, or how`, () => {
      const r = resultFor(results, name);
      expect(r.misconceptions).toEqual([shape.id]);
      expect(r.explainsAll).toBe(true);
      const failed = r.tests.filter((t) => t.status !== 'pass');
      expect(failed.length).toBeGreaterThan(0);
      // The notes speak of the lecture's MLP(3, [4, 4, 1]); a random dataset's network has other sizes.
      for (const t of failed.filter((x) => !x.id.startsWith('nn-random-')))
        expect(`${t.detail} ${t.note}`).toMatch(shape.note);
      for (const t of failed) expect(t.hints).toContain(TRAINING_MISCONCEPTIONS.find((m) => m.id === shape.id)!.hint);
    });
  }

  for (const [name, note] of Object.entries(UNNAMED)) {
    it(`names nothing on ${name}, and says what its failing cases have in common`, () => {
      const r = resultFor(results, name);
      expect(r.misconceptions).toEqual([]);
      const failed = r.tests.filter((t) => t.status !== 'pass');
      expect(failed.length).toBeGreaterThan(0);
      for (const t of failed)
        expect({ id: t.id, diagnosis: t.diagnosis, note: t.note }).toMatchObject({
          diagnosis: 'unexplained',
          note: expect.stringMatching(note),
        });
    });
  }

  it('reads the order of parameters() back: [b, ...w] fails "41 Values, in order", and the forward pass points at parameters()', () => {
    const r = resultFor(results, 'parameters-wrong-order');
    const byId = Object.fromEntries(r.tests.map((t) => [t.id, t]));
    expect(byId['nn-parameters'].status).toBe('fail');
    expect(byId['nn-parameters'].detail).toMatch(/lists each neuron's bias before its weights, \[b, \.\.\.w\]/);
    expect(byId['nn-forward'].detail).toMatch(/^parameters\(\) of MLP\(3, \[4, 4, 1\]\) lists each neuron's bias/);
    expect(byId['nn-forward'].detail).not.toMatch(/Nothing else is compared/);
  });

  it('tells a linear last layer by an output no tanh can give, and a mean by its exact 1/n', () => {
    const linear = resultFor(results, 'output-layer-linear').tests.find((t) => t.id === 'nn-forward')!;
    expect(linear.note).toMatch(/An output of -1\.9\d+ lies outside \(-1, 1\), which no tanh can give/);
    const mean = resultFor(results, 'loss-is-mean').tests.find((t) => t.id === 'nn-loss')!;
    expect(mean.note).toMatch(/exactly 1\/4 of the sum of squared errors on these 4 examples/);
    // A hidden case's values stay hidden.
    const hidden = resultFor(results, 'output-layer-linear').tests.find((t) => t.id === 'nn-random-1')!;
    expect(hidden.note).not.toMatch(/\d\.\d/);
  });

  it('names parameters by role as well as by index', () => {
    const r = resultFor(results, 'step-wrong-sign-biases');
    const t = r.tests.find((x) => x.id === 'nn-train-step')!;
    expect(t.detail).toMatch(/^After the first trainStep, parameter 3 \(layer 0, neuron 0, bias\) is /);
    expect(t.training!.parts).toMatchObject({ parameter: 3, role: 'parameter 3 (layer 0, neuron 0, bias)' });
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
