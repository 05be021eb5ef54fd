/**
 * The by-hand exercise's checker. Its failure messages teach the step, not
 * the number: a wrong dL/dx names the step of the worked example it comes
 * from and the rule to apply there, and never prints the expected value (an
 * exercise whose point is doing the chain rule by hand could otherwise be
 * finished by copying numbers from the test output). Forward values typed
 * instead of gradients are recognised as such, and a gradient left NaN is
 * reported as not written yet, with the line of exercises/manual.ts to fill in.
 *
 * The expected gradients are not written down here either: they are measured
 * by finite differences on the worked example itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { derivative } from './finite-diff';
import { near } from './matchers';

/** What a vitest matcher returns. */
export interface Judgement {
  pass: boolean;
  message: () => string;
}

export type Node = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'L';

/** The worked example, forward: a = 2, b = -3, c = 10, f = -2; e = a*b; d = e + c; L = d*f. */
export function forward(inputs: { a: number; b: number; c: number; f: number } = { a: 2, b: -3, c: 10, f: -2 }) {
  const e = inputs.a * inputs.b;
  const d = e + inputs.c;
  return { ...inputs, e, d, L: d * inputs.f };
}

const at = forward();

/**
 * dL/dx for every node, measured: move x a tiny step and watch L. For d and
 * e, which are computed, L is written as a function of them (L = d*f, and
 * L = (e + c)*f).
 */
export function measuredGradients(): Record<Node, number> {
  return {
    L: derivative((L) => L, at.L),
    d: derivative((d) => d * at.f, at.d),
    f: derivative((f) => at.d * f, at.f),
    e: derivative((e) => (e + at.c) * at.f, at.e),
    c: derivative((c) => (at.e + c) * at.f, at.c),
    a: derivative((a) => forward({ ...at, a }).L, at.a),
    b: derivative((b) => forward({ ...at, b }).L, at.b),
  };
}

/** Walking backwards from L: the step that gives each gradient, and its rule. */
export const STEPS: Record<Node, { step: number; expression: string; rule: string }> = {
  L: { step: 1, expression: 'L is the output', rule: 'dL/dL is how much L moves when L itself moves' },
  d: { step: 2, expression: 'L = d * f', rule: 'dL/dd = dL/dL · f' },
  f: { step: 2, expression: 'L = d * f', rule: 'dL/df = dL/dL · d' },
  e: { step: 3, expression: 'd = e + c', rule: 'dL/de = dL/dd · 1' },
  c: { step: 3, expression: 'd = e + c', rule: 'dL/dc = dL/dd · 1' },
  a: { step: 4, expression: 'e = a * b', rule: 'dL/da = dL/de · b' },
  b: { step: 4, expression: 'e = a * b', rule: 'dL/db = dL/de · a' },
};

/** A wrong number this test can predict, and the slip that produces it (never the answer itself). */
export interface Slip {
  value: number;
  means: string;
}

/**
 * Passes when `value` is dL/d`node`. Otherwise the message names the
 * gradient, its step and rule, and a recognised slip; `all` is the student's
 * whole manualGrads, to tell forward values typed in from a one-off slip.
 */
export function judgeHandGradient(node: Node, value: unknown, all: unknown, slips: Slip[] = []): Judgement {
  const expected = measuredGradients()[node];
  const name = `dL/d${node}`;
  if (typeof value === 'number' && near(value, expected)) return { pass: true, message: () => `${name} is right` };
  const { step, expression, rule } = STEPS[node];
  const where = `Step ${step} of the worked example: ${expression}, so ${rule}.`;
  if (typeof value === 'number' && Number.isNaN(value))
    return { pass: false, message: () => `TODO: ${name} is still NaN (${lineOf(node)})` };
  if (typeof value !== 'number')
    return { pass: false, message: () => `${name} must be a number, not ${typeof value}. ${where}` };

  const why = forwardValueNote(node, value, all) ?? slips.find((slip) => near(value, slip.value))?.means;
  return {
    pass: false,
    message: () => `${name} is ${value}, which is not right yet${why ? `: ${why}` : ''}. ${where}`,
  };
}

/** "that is b's forward value", and whether the whole object holds forward values. */
function forwardValueNote(node: Node, value: number, all: unknown): string | undefined {
  if (!near(value, at[node])) return undefined;
  const typed = typeof all === 'object' && all !== null ? (all as Record<string, unknown>) : {};
  const nodes = Object.keys(STEPS) as Node[];
  const forwards = nodes.filter((n) => typeof typed[n] === 'number' && near(typed[n] as number, at[n]));
  const own = `that is the forward value of ${node} (${node} = ${at[node]}), not the gradient dL/d${node}`;
  return forwards.length >= 4
    ? `${own}; most of your numbers are the forward values (a, b, c, ... themselves), but manualGrads asks for the gradients: how much L moves when each of them moves`
    : own;
}

/** `exercises/manual.ts:22`: the line of the node's entry in the student's manual file, if it can be found. */
function lineOf(node: Node): string {
  for (const ext of ['ts', 'js', 'mjs', 'cjs']) {
    const file = new URL(`../../exercises/manual.${ext}`, import.meta.url);
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    const start = Math.max(
      0,
      lines.findIndex((line) => line.includes('manualGrads')),
    );
    const entry = new RegExp(`^\\s*['"]?${node}['"]?\\s*:`);
    const at = lines.findIndex((line, i) => i >= start && entry.test(line));
    return at >= 0 ? `exercises/manual.${ext}:${at + 1}` : `exercises/manual.${ext}`;
  }
  return 'exercises/manual.ts';
}
