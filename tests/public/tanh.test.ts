/**
 * Exercise `tanh`: the backward rule of tanh (exercises/engine.ts, `tanh`).
 *
 * Expected gradients come from finite differences on Math.tanh. The wrong
 * values listed in `mistakes` are what the usual slips produce, so the
 * message can name the slip.
 */
import { expect, test } from 'vitest';
import { Value } from '../../exercises/engine';
import { numericGrads } from '../support/finite-diff';
import { dropsUpstream, tanhMissingSquare, tanhUsesInput } from '../support/mistakes';

test('t = tanh(x) at x = 0.5', () => {
  const x = new Value(0.5);
  const t = x.tanh();
  t.backward();

  const expected = numericGrads((x) => Math.tanh(x), { x: 0.5 });
  expect(x).toHaveGrad(expected.x, {
    in: 't = tanh(x), x = 0.5',
    node: 'x',
    hint: "tanh's derivative is 1 - t², with t the output, times out.grad",
    mistakes: [
      { value: 1 - 0.5 ** 2, means: tanhUsesInput },
      { value: 1 - Math.tanh(0.5), means: tanhMissingSquare },
      { value: Math.tanh(0.5), means: "that is t itself, tanh's value, not its derivative" },
    ],
  });
});

test('t = tanh(x) at a negative input, x = -1.2', () => {
  const x = new Value(-1.2);
  const t = x.tanh();
  t.backward();

  const expected = numericGrads((x) => Math.tanh(x), { x: -1.2 });
  expect(x).toHaveGrad(expected.x, {
    in: 't = tanh(x), x = -1.2',
    node: 'x',
    hint: "tanh's derivative is 1 - t², with t the output; it is positive for every x",
    mistakes: [
      { value: 1 - 1.2 ** 2, means: tanhUsesInput },
      { value: 1 - Math.tanh(-1.2), means: tanhMissingSquare },
    ],
  });
});

test('the rule scales by out.grad: L = tanh(x) * 3', () => {
  const x = new Value(0.8);
  const L = x.tanh().mul(3);
  L.backward();

  // Below the *, tanh's out.grad is 3: forgetting it leaves just 1 - t².
  const expected = numericGrads((x) => Math.tanh(x) * 3, { x: 0.8 });
  expect(x).toHaveGrad(expected.x, {
    in: 'L = tanh(x) * 3, x = 0.8',
    node: 'x',
    hint: 'tanh receives out.grad = 3 from the *; multiply the local derivative by it',
    mistakes: [
      { value: 1 - Math.tanh(0.8) ** 2, means: dropsUpstream('tanh') },
      { value: 3 * (1 - 0.8 ** 2), means: tanhUsesInput },
      { value: 3 * (1 - Math.tanh(0.8)), means: tanhMissingSquare },
    ],
  });
});
