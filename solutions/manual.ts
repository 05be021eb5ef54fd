/**
 * The worked example, by hand:
 *   a = 2, b = -3, c = 10, f = -2
 *   e = a*b = -6,  d = e + c = 4,  L = d*f = -8
 *
 * Work backwards from L, one local rule at a time:
 *   dL/dL = 1
 *   dL/dd = f = -2            dL/df = d = 4
 *   dL/de = dL/dd * 1 = -2    dL/dc = dL/dd * 1 = -2
 *   dL/da = dL/de * b = 6     dL/db = dL/de * a = -4
 */
export const manualGrads = {
  a: 6,
  b: -4,
  c: -2,
  d: -2,
  e: -2,
  f: 4,
  L: 1,
};

/**
 * Bonus: if a grows by 0.01, L changes by about dL/da * 0.01.
 */
export const nudge = 0.06;
