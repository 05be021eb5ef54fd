/**
 * Exercise `mul`: the backward rule of * (exercises/engine.ts, `mul`).
 *
 * Expected gradients come from finite differences on the same expression
 * written with plain numbers (see tests/support/finite-diff.ts).
 */
import { expect, test } from 'vitest';
import { Value } from '../../exercises/engine';
import { numericGrads } from '../support/finite-diff';
import { dropsUpstream, usesOwnValue } from '../support/mistakes';

test('c = a * b sends each factor the other factor', () => {
  const a = new Value(2);
  const b = new Value(-3);
  const c = a.mul(b);
  c.backward();

  const expected = numericGrads((a, b) => a * b, { a: 2, b: -3 });
  const about = { in: 'c = a * b', hint: 'd(a * b)/da = b and d(a * b)/db = a, each times out.grad' };
  expect(a).toHaveGrad(expected.a, { ...about, node: 'a', mistakes: [{ value: 2, means: usesOwnValue('a', 'b') }] });
  expect(b).toHaveGrad(expected.b, { ...about, node: 'b', mistakes: [{ value: -3, means: usesOwnValue('b', 'a') }] });
});

test('the rule scales by out.grad: L = (a * b) * c', () => {
  const a = new Value(2);
  const b = new Value(-3);
  const c = new Value(5);
  const L = a.mul(b).mul(c);
  L.backward();

  // Below the top *, out.grad is c = 5, so forgetting it leaves a.grad = b.
  const expected = numericGrads((a, b, c) => a * b * c, { a: 2, b: -3, c: 5 });
  const about = {
    in: 'L = (a * b) * c',
    hint: 'the top * sends a * b the gradient c (the other factor); the inner * then sends each factor the other one, times that',
  };
  expect(a).toHaveGrad(expected.a, { ...about, node: 'a', mistakes: [{ value: -3, means: dropsUpstream('*') }] });
  expect(b).toHaveGrad(expected.b, { ...about, node: 'b', mistakes: [{ value: 2, means: dropsUpstream('*') }] });
  expect(c).toHaveGrad(expected.c, {
    ...about,
    node: 'c',
    mistakes: [{ value: 5, means: usesOwnValue('c', 'a * b') }],
  });
});

test('+ and * together: L = (a + b) * c', () => {
  const a = new Value(3);
  const b = new Value(-1);
  const c = new Value(4);
  const L = a.add(b).mul(c);
  L.backward();

  // Below the *, out.grad is c = 4: this is where add's rule must use out.grad.
  const expected = numericGrads((a, b, c) => (a + b) * c, { a: 3, b: -1, c: 4 });
  const about = {
    in: 'L = (a + b) * c',
    hint: 'the * sends a + b the gradient c (the other factor), and + passes it on unchanged to a and b',
  };
  const addDropsUpstream = [{ value: 1, means: dropsUpstream('+') }];
  expect(a).toHaveGrad(expected.a, { ...about, node: 'a', mistakes: addDropsUpstream });
  expect(b).toHaveGrad(expected.b, { ...about, node: 'b', mistakes: addDropsUpstream });
  expect(c).toHaveGrad(expected.c, { ...about, node: 'c' });
});
