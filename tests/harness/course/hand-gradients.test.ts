/**
 * The by-hand exercise's messages teach the step, not the number: a wrong
 * dL/dx names its step of the worked example and the rule, and never the
 * expected value; forward values typed in are called what they are; a NaN
 * left in place is work not written yet, at its line of exercises/manual.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  forward,
  judgeHandGradient,
  measuredGradients,
  STEPS,
  type Node,
} from '../../../tests/support/hand-gradients.ts';

const NODES = Object.keys(STEPS) as Node[];
const expected = measuredGradients();
const values = forward();
/** The numbers a message states, as written. */
const numbers = (text: string) => text.match(/-?\d+(\.\d+)?/g) ?? [];

describe('judgeHandGradient', () => {
  it('passes the right gradients, measured by finite differences', () => {
    const answers = { a: 6, b: -4, c: -2, d: -2, e: -2, f: 4, L: 1 };
    for (const node of NODES) {
      expect(expected[node]).toBeCloseTo(answers[node], 6);
      expect(judgeHandGradient(node, answers[node], answers).pass).toBe(true);
    }
  });

  it('answers a wrong number with the step and the rule, never the expected value', () => {
    for (const node of NODES) {
      for (const wrong of [0.5, 100, -expected[node], 2 * expected[node]]) {
        const result = judgeHandGradient(node, wrong, {});
        expect(result.pass).toBe(false);
        const message = result.message();
        const { step, expression, rule } = STEPS[node];
        expect(message).toContain(`dL/d${node} is ${wrong}, which is not right yet`);
        expect(message).toContain(`Step ${step} of the worked example: ${expression}, so ${rule}.`);
        // Leave out the student's own number and the step's: what is left must not state the answer.
        const rest = message.replace(`is ${wrong},`, '').replace(`Step ${step}`, '');
        expect(numbers(rest).map(Number), `${node}: ${message}`).not.toContain(expected[node]);
      }
    }
    expect(judgeHandGradient('b', 4, {}).message()).toBe(
      'dL/db is 4, which is not right yet. Step 4 of the worked example: e = a * b, so dL/db = dL/de · a.',
    );
  });

  it('recognises forward values typed instead of gradients', () => {
    expect(judgeHandGradient('d', values.d, { d: values.d }).message()).toContain(
      'that is the forward value of d (d = 4), not the gradient dL/dd',
    );
    const all = { ...values };
    for (const node of NODES) {
      const message = judgeHandGradient(node, all[node], all).message();
      expect(message).toContain('most of your numbers are the forward values');
      expect(numbers(message.replace(`is ${all[node]},`, '').replace(/Step \d/, '')).map(Number)).not.toContain(
        expected[node],
      );
    }
  });

  it('calls a NaN work not written yet, at its line of the stub', () => {
    // The stub's manualGrads: `a: NaN,` is the first entry, on line 14.
    expect(judgeHandGradient('a', NaN, {}).message()).toBe('TODO: dL/da is still NaN (exercises/manual.ts:14)');
    expect(judgeHandGradient('L', NaN, {}).message()).toBe('TODO: dL/dL is still NaN (exercises/manual.ts:20)');
  });
});
