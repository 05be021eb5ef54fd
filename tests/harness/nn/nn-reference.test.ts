/**
 * The oracle of the second assignment is itself checked against independent
 * ones: its gradients against finite differences, its trajectory against a
 * plain-number implementation (tests/support/plain-mlp.ts, no autograd at
 * all) and against pinned numbers, and its correct loop against the course's
 * own solutions/nn.ts.
 */
import { describe, expect, it } from 'vitest';
import { referenceTraining } from '../../../grader/cases/training/reference-training.ts';
import { drawParameters, parameterShape, randomDataset } from '../../../grader/cases/training/training-spec.ts';
import { trainStep } from '../../../solutions/nn.ts';
import { LECTURE, plainForward, plainGradient, plainLoss, plainTraining } from '../../support/plain-mlp.ts';
import { allNear, lecture, near, solutionLoss } from '../support/lecture-training.ts';

describe('the reference training run', () => {
  it('has 41 parameters for MLP(3, [4, 4, 1]), 32 of them weights', () => {
    expect(parameterShape(3, [4, 4, 1])).toEqual({ count: 41, weights: 32, neurons: 9 });
  });

  it('agrees with plain numbers: forward pass, loss, and gradients by finite differences', () => {
    const r = referenceTraining(lecture);
    expect(
      allNear(
        r.forward!,
        LECTURE.xs.map((x) => plainForward(lecture.params, 3, [4, 4, 1], x)[0]),
      ),
    ).toBe(true);
    expect(near(r.loss as number, plainLoss(lecture.params, 3, [4, 4, 1], LECTURE.xs, LECTURE.ys))).toBe(true);
    expect(allNear(r.grads!, plainGradient(lecture.params, 3, [4, 4, 1], LECTURE.xs, LECTURE.ys))).toBe(true);
  });

  it('agrees with finite differences on random datasets too', () => {
    for (const seed of [1, 2, 3]) {
      const d = randomDataset(seed);
      const spec = { ...lecture, ...d, params: drawParameters(seed + 7, parameterShape(d.nin, d.nouts).count) };
      expect(allNear(referenceTraining(spec).grads!, plainGradient(spec.params, d.nin, d.nouts, d.xs, d.ys))).toBe(
        true,
      );
    }
  });

  it('follows the plain-number trajectory step by step, and the pinned numbers', () => {
    const r = referenceTraining(lecture);
    const plain = plainTraining(lecture.params, 3, [4, 4, 1], LECTURE, 0.05, 3);
    const steps = [r.step!.params, ...r.trajectory!];
    steps.forEach((params, k) => expect(allNear(params, plain.params[k]), `step ${k + 1}`).toBe(true));
    // Pinned from the plain-number implementation: the loss each trainStep returns, and two parameters after three steps.
    expect(allNear([r.step!.returned, ...r.losses!], [7.598666185470368, 7.341686348516378, 6.569700298850299])).toBe(
      true,
    );
    expect(allNear([steps[2][0], steps[2][40]], [-0.26434693847795643, -0.3694602622365757])).toBe(true);
  });

  it('its forgot-zero-grad mutant is the plain loop that keeps its gradients (pinned too)', () => {
    const r = referenceTraining(lecture, { forgotZeroGrad: true });
    const leak = plainTraining(lecture.params, 3, [4, 4, 1], LECTURE, 0.05, 3, true);
    expect(allNear([r.step!.returned, ...r.losses!], leak.losses)).toBe(true);
    expect(allNear([r.step!.returned, ...r.losses!], [7.598666185470368, 7.341686348516378, 5.809432763357386])).toBe(
      true,
    );
    expect(allNear(r.trajectory![1], leak.params[2])).toBe(true);
  });

  it("matches the course's own solution, solutions/nn.ts, on the reference engine", () => {
    const r = referenceTraining(lecture);
    const { model, params, L } = solutionLoss();
    L.backward();
    expect(
      allNear(
        params.map((p) => p.grad),
        r.grads as number[],
        1e-12,
      ),
    ).toBe(true);
    model.zeroGrad();
    const returned = [trainStep(model, LECTURE.xs, LECTURE.ys, 0.05)];
    expect(
      allNear(
        params.map((p) => p.data),
        r.step!.params as number[],
        1e-12,
      ),
    ).toBe(true);
    for (let s = 0; s < lecture.steps; s++) returned.push(trainStep(model, LECTURE.xs, LECTURE.ys, 0.05));
    expect(allNear(returned, [r.step!.returned, ...r.losses!] as number[], 1e-12)).toBe(true);
    expect(
      allNear(
        params.map((p) => p.data),
        r.trajectory![lecture.steps - 1] as number[],
        1e-12,
      ),
    ).toBe(true);
  });
});
