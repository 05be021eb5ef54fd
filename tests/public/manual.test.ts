/**
 * Exercise `manual`: backpropagation by hand (exercises/manual.ts).
 *
 *   a = 2, b = -3, c = 10, f = -2
 *   e = a * b = -6      d = e + c = 4      L = d * f = -8
 *
 * One test per gradient, in the order to work them out: from L backwards.
 */
import { expect, test } from 'vitest';
import { manualGrads } from '../../exercises/manual';
import type { Mistake } from '../support/matchers';

const example = 'the worked example (e = a*b, d = e + c, L = d*f)';
const notFilledIn: Mistake = { value: NaN, means: 'it is still NaN: replace the NaN in manualGrads with your number' };

// The answers are precomputed numbers: d and e are not inputs we could nudge,
// and a table of seven numbers is easy to check by hand.
const cases: Array<{ node: keyof typeof manualGrads; expected: number; hint: string; mistakes: Mistake[] }> = [
  {
    node: 'L',
    expected: 1,
    hint: 'if L changes by a tiny amount, by how much does L change?',
    mistakes: [{ value: -8, means: "that is L's value, not dL/dL" }],
  },
  {
    node: 'd',
    expected: -2,
    hint: 'L = d * f, and across a * the local derivative is the other factor',
    mistakes: [{ value: 4, means: "that is d's own value; across a *, the gradient is the other factor, f" }],
  },
  {
    node: 'f',
    expected: 4,
    hint: 'L = d * f, and across a * the local derivative is the other factor',
    mistakes: [{ value: -2, means: "that is f's own value; across a *, the gradient is the other factor, d" }],
  },
  {
    node: 'e',
    expected: -2,
    hint: 'd = e + c: across a + the local derivative is 1, times dL/dd',
    mistakes: [{ value: 1, means: 'that is dd/de alone; the chain rule multiplies it by dL/dd' }],
  },
  {
    node: 'c',
    expected: -2,
    hint: 'd = e + c: across a + the local derivative is 1, times dL/dd',
    mistakes: [{ value: 1, means: 'that is dd/dc alone; the chain rule multiplies it by dL/dd' }],
  },
  {
    node: 'a',
    expected: 6,
    hint: 'e = a * b: the local derivative is b, times dL/de',
    mistakes: [
      { value: -3, means: 'that is de/da = b alone; the chain rule multiplies it by dL/de' },
      { value: 2, means: "that is a's own value; across a *, the gradient is the other factor, b" },
    ],
  },
  {
    node: 'b',
    expected: -4,
    hint: 'e = a * b: the local derivative is a, times dL/de',
    mistakes: [
      { value: 2, means: 'that is de/db = a alone; the chain rule multiplies it by dL/de' },
      { value: -3, means: "that is b's own value; across a *, the gradient is the other factor, a" },
    ],
  },
];

for (const { node, expected, hint, mistakes } of cases) {
  test(`dL/d${node}`, () => {
    expect(manualGrads[node]).toBeAbout(expected, {
      node: `dL/d${node}`,
      in: example,
      hint,
      mistakes: [notFilledIn, ...mistakes],
    });
  });
}
