/**
 * The lecture's training case as the grader builds it (MLP(3, [4, 4, 1]),
 * its four examples, the parameters drawn from the seed "lecture"), and a
 * relative comparison of number lists, and the course's own solution set
 * to the same parameters, for the tests of the training oracle
 * and its mutants.
 */
import { seedFrom } from '../../../grader/cases/generated.ts';
import { drawParameters, type TrainingSpec } from '../../../grader/cases/training/training-spec.ts';
import { LECTURE } from '../../support/plain-mlp.ts';
import type { Value } from '../../../solutions/engine.ts';
import { MLP, loss } from '../../../solutions/nn.ts';

export const lecture: TrainingSpec = {
  dataset: 'lecture',
  nin: 3,
  nouts: [4, 4, 1],
  ...LECTURE,
  params: drawParameters(seedFrom('lecture'), 41),
  lr: 0.05,
  steps: 2,
  seed: 1,
  stages: ['training'],
};

export const near = (a: unknown, b: number, rel = 1e-6) =>
  typeof a === 'number' && Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

export const allNear = (a: unknown[] | undefined, b: number[], rel = 1e-6) =>
  !!a && a.length === b.length && a.every((x, i) => near(x, b[i], rel));

/** The course's own solutions/nn.ts network, set to the lecture's parameters, and its loss (backward not yet run). */
export function solutionLoss(): { model: MLP; params: Value[]; L: Value } {
  const model = new MLP(3, [4, 4, 1]);
  const params = model.parameters();
  params.forEach((p, i) => (p.data = lecture.params[i]));
  const L = loss(
    LECTURE.xs.map((x) => model.forward(x)[0]),
    LECTURE.ys,
  );
  return { model, params, L };
}
