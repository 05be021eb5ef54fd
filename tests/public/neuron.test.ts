/**
 * Exercise `neuron`: nothing new to write. Your add, mul and tanh work
 * together in one neuron, the building block of a neural network:
 *
 *   L = tanh(w1*x1 + w2*x2 + b)
 *
 * Expected numbers come from the same formula with plain numbers, nudged by
 * finite differences.
 */
import { expect, test } from 'vitest';
import { Value } from '../../exercises/engine';
import { numericGrads } from '../support/finite-diff';

/** The neuron as a plain-number function: the reference for every check below. */
const neuron = (x1: number, x2: number, w1: number, w2: number, b: number) => Math.tanh(w1 * x1 + w2 * x2 + b);

function check(at: { x1: number; x2: number; w1: number; w2: number; b: number }) {
  const x1 = new Value(at.x1, [], '', 'x1');
  const x2 = new Value(at.x2, [], '', 'x2');
  const w1 = new Value(at.w1, [], '', 'w1');
  const w2 = new Value(at.w2, [], '', 'w2');
  const b = new Value(at.b, [], '', 'b');
  const L = w1.mul(x1).add(w2.mul(x2)).add(b).tanh();
  L.backward();

  const expression = 'L = tanh(w1*x1 + w2*x2 + b)';
  expect(L).toHaveData(neuron(at.x1, at.x2, at.w1, at.w2, at.b), {
    in: expression,
    node: 'L',
    hint: 'the forward pass is given: check you did not change it while writing the rules',
  });

  const expected = numericGrads(neuron, at);
  const hint =
    'add, mul and tanh each pass their own tests? Then look for a rule that forgets out.grad: inside the neuron it is not 1';
  for (const [name, node] of Object.entries({ x1, x2, w1, w2, b })) {
    expect(node).toHaveGrad(expected[name as keyof typeof at], { in: expression, node: name, hint });
  }
}

test('a neuron, with the numbers from the lecture', () => {
  check({ x1: 2, x2: 0, w1: -3, w2: 1, b: 6.8813735870195432 });
});

test('a neuron at another point, where no gradient is 0 or 1', () => {
  check({ x1: 0.5, x2: -1.5, w1: 0.8, w2: 0.3, b: -0.2 });
});
