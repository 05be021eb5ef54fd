/**
 * Exercise `add`: the backward rule of + (exercises/engine.ts, `add`).
 *
 * Expected gradients come from finite differences on the same expression
 * written with plain numbers (see tests/support/finite-diff.ts).
 */
import { expect, test } from 'vitest';
import { Value } from '../../exercises/engine';
import { numericGrads } from '../support/finite-diff';
import { splitsGradient } from '../support/mistakes';

test('c = a + b sends the gradient to both inputs, unchanged', () => {
  const a = new Value(2);
  const b = new Value(-3);
  const c = a.add(b);
  c.backward();

  const expected = numericGrads((a, b) => a + b, { a: 2, b: -3 });
  const about = { in: 'c = a + b', hint: 'd(a + b)/da = 1 and d(a + b)/db = 1, each times out.grad' };
  const halved = [{ value: 0.5, means: splitsGradient }];
  expect(c).toHaveData(-1, { ...about, node: 'c', hint: 'the forward value of a + b is given: it should not change' });
  expect(c).toHaveGrad(1, {
    ...about,
    node: 'c',
    hint: "dc/dc = 1: backward() starts by setting the output's own gradient to 1",
    mistakes: [
      {
        value: 0,
        means: 'backward() must start by setting c.grad = 1 (dc/dc = 1); from a gradient of 0, nothing flows back',
      },
    ],
  });
  expect(a).toHaveGrad(expected.a, { ...about, node: 'a', mistakes: halved });
  expect(b).toHaveGrad(expected.b, { ...about, node: 'b', mistakes: halved });
});

test('gradient flows through a chain of additions: d = (a + b) + c', () => {
  const a = new Value(1.5);
  const b = new Value(-4);
  const c = new Value(0.25);
  const d = a.add(b).add(c);
  d.backward();

  const expected = numericGrads((a, b, c) => a + b + c, { a: 1.5, b: -4, c: 0.25 });
  const about = {
    in: 'd = (a + b) + c',
    hint: 'the inner + receives its out.grad from the outer one and must pass it on to a and b',
    mistakes: [{ value: 0.25, means: `${splitsGradient} (here it was halved twice on the way to a and b)` }],
  };
  expect(a).toHaveGrad(expected.a, { ...about, node: 'a' });
  expect(b).toHaveGrad(expected.b, { ...about, node: 'b' });
  expect(c).toHaveGrad(expected.c, { ...about, node: 'c', mistakes: [{ value: 0.5, means: splitsGradient }] });
});

test('a plain number works as the other operand: b = a + 5', () => {
  const a = new Value(-2);
  const b = a.add(5);
  b.backward();

  const expected = numericGrads((a) => a + 5, { a: -2 });
  expect(b).toHaveData(3, { in: 'b = a + 5', node: 'b', hint: 'add turns 5 into a Value for you (see asValue)' });
  expect(a).toHaveGrad(expected.a, {
    in: 'b = a + 5',
    node: 'a',
    hint: 'd(a + 5)/da = 1, times out.grad',
    mistakes: [{ value: 0.5, means: splitsGradient }],
  });
});
