/**
 * Custom matchers for the public tests. Their real job is the failure message:
 * reading it, you should learn which number is wrong, what it should be, what
 * it is, and the most likely reason, without having to open the test file.
 *
 *   expect(a).toHaveGrad(2, { node: 'a', in: 'b = a + a', hint: '...' })
 *   → for b = a + a, a.grad must be 2 but is 1: each use of a sends gradient back, ...
 */
import type { MatcherResult, MatcherState } from 'vitest';

/** A wrong value a test can predict, and the mistake that produces it. */
export interface Mistake {
  value: number;
  means: string;
}

/** What a number is, where it comes from, and what to look at if it is wrong. */
export interface About {
  /** The name in the message: `a` for a Value, or `dL/da` for a plain number. */
  node: string;
  /** The expression under test, e.g. `b = a + a`. */
  in: string;
  /** Said when the wrong value matches no known mistake. */
  hint: string;
  /** Wrong values this test recognises; checked before the general ones. */
  mistakes?: Mistake[];
  /** Allowed error, relative to the expected value (absolute below 1). */
  tolerance?: number;
}

interface GradMatchers<R = unknown> {
  /** The Value's `.grad` is `expected`, within tolerance. */
  toHaveGrad(expected: number, about: About): R;
  /** The Value's `.data` (its forward value) is `expected`, within tolerance. */
  toHaveData(expected: number, about: About): R;
  /** A plain number is `expected`, within tolerance. */
  toBeAbout(expected: number, about: About): R;
}

// Declaration merging, as vitest documents for custom matchers: the empty bodies are the point.
/* eslint-disable @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any */
declare module 'vitest' {
  interface Assertion<T = any> extends GradMatchers<T> {}
  interface AsymmetricMatchersContaining extends GradMatchers {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any */

/**
 * Finite differences agree with an exact derivative to about 1e-9, so 1e-6
 * accepts every correct rule and still tells apart every mistake we know of.
 */
const TOLERANCE = 1e-6;

/** Both NaN, or within the tolerance, relative to the expected size. */
export function near(received: number, expected: number, tolerance = TOLERANCE): boolean {
  if (Number.isNaN(received) && Number.isNaN(expected)) return true;
  return Math.abs(received - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** Short, readable numbers: finite differences give 1.9999999998 where we mean 2. */
function show(x: unknown): string {
  return typeof x === 'number' && Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

/** The most likely reason for a wrong number: a known mistake, a general pattern, or the hint. */
function diagnose(received: unknown, expected: number, about: About, isGrad: boolean): string {
  if (typeof received !== 'number') return `it should be a number. ${about.hint}`;
  const known = about.mistakes?.find((mistake) => near(received, mistake.value, about.tolerance));
  if (known) return known.means;
  if (Number.isNaN(received)) {
    return `NaN means the computation used something that is not a number, such as a misspelled field; ${about.hint}`;
  }
  if (isGrad && received === 0 && expected !== 0) {
    return `no gradient reached ${about.node} at all: either backward() does not start from the output's grad = 1, or a rule on the way does not pass its gradient on (each input's .grad must be updated, scaled by out.grad)`;
  }
  if (expected !== 0 && near(received, -expected, about.tolerance)) {
    return `the size is right but the sign is flipped; ${about.hint}`;
  }
  return about.hint;
}

function judge(
  this: MatcherState,
  label: string,
  received: unknown,
  expected: number,
  about: About,
  isGrad: boolean,
): MatcherResult {
  const pass = typeof received === 'number' && near(received, expected, about.tolerance);
  const claim = `for ${about.in}, ${label} must ${this.isNot ? 'not ' : ''}be ${show(expected)}`;
  // No actual/expected fields: a diff of two numbers adds nothing to the sentence.
  return {
    pass,
    message: () =>
      this.isNot
        ? `${claim}, but it is`
        : `${claim} but is ${show(received)}: ${diagnose(received, expected, about, isGrad)}`,
  };
}

/** The field of a Value, or a message saying why there is no Value to read it from. */
function field(value: unknown, name: 'grad' | 'data'): unknown {
  if (typeof value !== 'object' || value === null) return `not a Value (got ${String(value)})`;
  return (value as Record<string, unknown>)[name];
}

export const gradMatchers = {
  toHaveGrad(this: MatcherState, received: unknown, expected: number, about: About) {
    return judge.call(this, `${about.node}.grad`, field(received, 'grad'), expected, about, true);
  },
  toHaveData(this: MatcherState, received: unknown, expected: number, about: About) {
    return judge.call(this, `${about.node}.data`, field(received, 'data'), expected, about, false);
  },
  toBeAbout(this: MatcherState, received: unknown, expected: number, about: About) {
    return judge.call(this, about.node, received, expected, about, false);
  },
};
