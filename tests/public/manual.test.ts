/**
 * Exercise `manual`: backpropagation by hand (exercises/manual.ts).
 *
 *   a = 2, b = -3, c = 10, f = -2
 *   e = a * b = -6      d = e + c = 4      L = d * f = -8
 *
 * One test per gradient, in the order to work them out: from L backwards. A
 * wrong number is answered with the step and the rule to apply, never with
 * the number itself (see tests/support/hand-gradients.ts).
 */
import { expect, test } from 'vitest';
import { manualGrads } from '../../exercises/manual';
import { judgeHandGradient, type Node, type Slip } from '../support/hand-gradients';

// The usual slips, each as the wrong number it produces. Forward values typed in are recognised on their own.
const slips: Record<Node, Slip[]> = {
  L: [],
  d: [],
  f: [],
  e: [{ value: 1, means: 'that is dd/de alone; the chain rule multiplies it by dL/dd' }],
  c: [{ value: 1, means: 'that is dd/dc alone; the chain rule multiplies it by dL/dd' }],
  a: [{ value: -3, means: 'that is de/da = b alone; the chain rule multiplies it by dL/de' }],
  b: [{ value: 2, means: 'that is de/db = a alone; the chain rule multiplies it by dL/de' }],
};

expect.extend({
  toBeHandGradient(received: unknown, node: Node) {
    return judgeHandGradient(node, received, manualGrads, slips[node]);
  },
});

declare module 'vitest' {
  interface Assertion {
    toBeHandGradient(node: Node): void;
  }
}

for (const node of ['L', 'd', 'f', 'e', 'c', 'a', 'b'] as const) {
  test(`dL/d${node}`, () => {
    expect(manualGrads[node]).toBeHandGradient(node);
  });
}
