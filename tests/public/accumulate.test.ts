/**
 * Exercise `accumulate`: a Value used more than once (exercises/engine.ts).
 *
 * Every use of a Value sends gradient back, and the gradient is their sum.
 * Expected gradients come from finite differences on plain-number functions.
 */
import { expect, test } from 'vitest';
import { Value } from '../../exercises/engine';
import { numericGrads } from '../support/finite-diff';
import { overwrites } from '../support/mistakes';

test('a new Value starts with grad 0, so that every use can add to it', () => {
  const a = new Value(1);

  expect(a).toHaveGrad(0, {
    in: 'a = new Value(1), before any backward()',
    node: 'a',
    hint: 'every rule adds to x.grad (+=), so a new Value needs grad = 0: a field declared without a value is undefined, and undefined + 1 is NaN',
  });
});

test('b = a + a: a is used twice, so a.grad is 2', () => {
  const a = new Value(3);
  const b = a.add(a);
  b.backward();

  const expected = numericGrads((a) => a + a, { a: 3 });
  expect(a).toHaveGrad(expected.a, {
    in: 'b = a + a',
    node: 'a',
    hint: 'both inputs of this + are a, and each sends gradient back to it',
    mistakes: [{ value: 1, means: overwrites('a') }],
  });
});

test('b = a * a: each factor is a, so a.grad is 2a', () => {
  const a = new Value(3);
  const b = a.mul(a);
  b.backward();

  // Assigning keeps only one of the two contributions: a.grad = a = 3.
  const expected = numericGrads((a) => a * a, { a: 3 });
  expect(a).toHaveGrad(expected.a, {
    in: 'b = a * a',
    node: 'a',
    hint: 'a is both factors: it receives "the other factor" twice, and both count',
    mistakes: [{ value: 3, means: overwrites('a') }],
  });
});

test('c = (a + a) * a: a reaches c along three paths', () => {
  const a = new Value(3);
  const c = a.add(a).mul(a);
  c.backward();

  // c = 2a², so dc/da = 4a. An assigning rule loses paths: 3 or 6 is left.
  const expected = numericGrads((a) => (a + a) * a, { a: 3 });
  expect(a).toHaveGrad(expected.a, {
    in: 'c = (a + a) * a',
    node: 'a',
    hint: 'a gets gradient from the * directly and twice more through the +; all three add up',
    mistakes: [
      { value: 3, means: overwrites('a') },
      { value: 6, means: overwrites('a') },
    ],
  });
});
