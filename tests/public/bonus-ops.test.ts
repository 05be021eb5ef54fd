/**
 * Bonus `bonus-ops`: sub, neg, pow, exp, div and relu (exercises/engine.ts).
 *
 * Optional. While an op still throws NotAttempted, its test is skipped, so
 * `npm test` stays green without the bonus. Once you write the op, the test
 * checks its value and its gradients against finite differences.
 */
import { expect } from 'vitest';
import { Value } from '../../exercises/engine';
import { bonusTest } from '../support/bonus';
import { numericGrads } from '../support/finite-diff';

bonusTest('sub: c = a - b', () => {
  const a = new Value(5);
  const b = new Value(2);
  const c = a.sub(b);
  c.backward();

  const expected = numericGrads((a, b) => a - b, { a: 5, b: 2 });
  const about = { in: 'c = a - b', hint: 'd(a - b)/da = 1 and d(a - b)/db = -1, times out.grad' };
  expect(c).toHaveData(3, { ...about, node: 'c' });
  expect(a).toHaveGrad(expected.a, { ...about, node: 'a' });
  expect(b).toHaveGrad(expected.b, {
    ...about,
    node: 'b',
    mistakes: [{ value: 1, means: 'b is subtracted, so its gradient has a minus sign' }],
  });
});

bonusTest('neg: b = -a stays connected to a', () => {
  const a = new Value(4);
  const b = a.neg();
  b.backward();

  const expected = numericGrads((a) => -a, { a: 4 });
  const about = { in: 'b = -a', hint: 'd(-a)/da = -1, times out.grad' };
  expect(b).toHaveData(-4, { ...about, node: 'b' });
  expect(a).toHaveGrad(expected.a, {
    ...about,
    node: 'a',
    mistakes: [
      {
        value: 0,
        means:
          'no gradient reached a: -a must be a Value that remembers a (a new Value(-a.data) is cut off from the graph)',
      },
    ],
  });
});

bonusTest('pow: b = a ** 3 and b = a ** -2 (the exponent is a plain number)', () => {
  for (const n of [3, -2]) {
    const a = new Value(1.5);
    const b = a.pow(n);
    b.backward();

    const expected = numericGrads((a) => a ** n, { a: 1.5 });
    const about = {
      in: `b = a ** ${n}`,
      node: 'a',
      hint: 'd(aⁿ)/da = n·aⁿ⁻¹, times out.grad; only the base gets a gradient',
    };
    expect(b).toHaveData(1.5 ** n, { ...about, node: 'b' });
    expect(a).toHaveGrad(expected.a, {
      ...about,
      mistakes: [{ value: n * 1.5 ** n, means: 'the power is off by one: the derivative of aⁿ has exponent n - 1' }],
    });
  }
});

bonusTest('exp: b = exp(a)', () => {
  const a = new Value(0.7);
  const b = a.exp();
  b.backward();

  const expected = numericGrads((a) => Math.exp(a), { a: 0.7 });
  const about = { in: 'b = exp(a)', hint: 'exp is its own derivative, times out.grad' };
  expect(b).toHaveData(Math.exp(0.7), { ...about, node: 'b' });
  expect(a).toHaveGrad(expected.a, {
    ...about,
    node: 'a',
    mistakes: [{ value: 0.7, means: "that is a's own value, not exp(a)" }],
  });
});

bonusTest('div: c = a / b', () => {
  const a = new Value(3);
  const b = new Value(-2);
  const c = a.div(b);
  c.backward();

  const expected = numericGrads((a, b) => a / b, { a: 3, b: -2 });
  const about = { in: 'c = a / b', hint: 'a / b = a * b⁻¹: d/da = 1/b and d/db = -a/b², times out.grad' };
  expect(c).toHaveData(-1.5, { ...about, node: 'c' });
  expect(a).toHaveGrad(expected.a, { ...about, node: 'a' });
  expect(b).toHaveGrad(expected.b, { ...about, node: 'b' });
});

bonusTest('relu: gradient passes where the input is positive, and only there', () => {
  for (const x of [2, -2]) {
    const a = new Value(x);
    const L = a.relu().mul(3);
    L.backward();

    const expected = numericGrads((a) => Math.max(0, a) * 3, { a: x });
    const about = {
      in: `L = relu(a) * 3, a = ${x}`,
      hint: "relu's local derivative is 1 where its input is positive and 0 elsewhere, times out.grad",
    };
    expect(L).toHaveData(Math.max(0, x) * 3, { ...about, node: 'L' });
    expect(a).toHaveGrad(expected.a, {
      ...about,
      node: 'a',
      mistakes:
        x > 0
          ? [{ value: x * 3, means: "that uses relu's output value as its derivative; the derivative is 1 or 0" }]
          : [],
    });
  }
});
