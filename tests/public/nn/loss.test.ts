/**
 * Assignment nn, exercise `loss`: the sum of squared errors (exercises/nn.ts).
 */
import { describe, expect, test } from 'vitest';
import { Value } from '../../../exercises/engine';
import { loss } from '../../../exercises/nn';
import { numericGrads } from '../../support/finite-diff';

const notSquared =
  'that is the sum of the differences, not of their squares: square each error, so that errors of opposite sign cannot cancel';

describe('nn · loss', () => {
  test('loss([0.5, -0.2], [1, -1]) is (0.5 - 1)² + (-0.2 + 1)²', () => {
    const preds = [new Value(0.5), new Value(-0.2)];
    const L = loss(preds, [1, -1]);
    expect(L).toHaveData(0.25 + 0.64, {
      in: 'loss([0.5, -0.2], [1, -1])',
      node: 'the loss',
      hint: 'for each prediction and its target, square the difference, then add them all up',
      mistakes: [{ value: -0.5 + 0.8, means: notSquared }],
    });
  });

  test('gradients flow back through the loss to every prediction', () => {
    const preds = [new Value(0.5), new Value(-0.2), new Value(0.9)];
    const L = loss(preds, [1, -1, -1]);
    L.backward();
    const expected = numericGrads((a, b, c) => (a - 1) ** 2 + (b + 1) ** 2 + (c + 1) ** 2, { a: 0.5, b: -0.2, c: 0.9 });
    Object.values(expected).forEach((want, i) =>
      expect(preds[i]).toHaveGrad(want, {
        in: 'L = loss(preds, [1, -1, -1]); L.backward()',
        node: `preds[${i}]`,
        hint: 'build the loss from Value operations (add, mul), never from .data, so that backward() reaches the predictions',
        mistakes: [{ value: 1, means: notSquared }],
      }),
    );
  });
});
