/**
 * How scores are rounded wherever they are reported, so that results.json,
 * grades.csv, the HTML report, CI summaries and LMS exports agree.
 */

/** Two decimals: partial credit makes fractional points. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Score as a percent of the maximum, to one decimal; 0 when nothing could be earned. */
export function scorePercent(score: number, max: number): number {
  return max > 0 ? Math.round((1000 * score) / max) / 10 : 0;
}
