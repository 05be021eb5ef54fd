/**
 * Exercise: backpropagation by hand.
 *
 *   a = 2, b = -3, c = 10, f = -2
 *   e = a * b
 *   d = e + c
 *   L = d * f
 *
 * Fill in dL/dx for every node x. Start at L (what is dL/dL?) and walk
 * backwards: each step multiplies by one local derivative (the chain rule).
 * For `+` the local derivative is 1; for `*` it is the other factor.
 */
export const manualGrads = {
  a: NaN,
  b: NaN,
  c: NaN,
  d: NaN,
  e: NaN,
  f: NaN,
  L: NaN,
};

/**
 * Bonus (optional): if `a` grows by 0.01, by about how much does L change?
 * Give the change in L (a signed number), using your dL/da. Leave it NaN to skip.
 */
export const nudge: number = NaN;
