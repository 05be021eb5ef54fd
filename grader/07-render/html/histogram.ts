/**
 * The score histogram of the class overview, as numbers: a count per band
 * of ten percent (full marks apart) and each bar's position and height in
 * the SVG's own units, so the template only draws what it is given.
 */
import type { SubmissionResult } from '../../results/types.ts';
import { plural } from '../view-format.ts';

export interface HistogramBar {
  label: string;
  /** For narrow screens, where "10–19" would run into its neighbours. */
  shortLabel: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  labelX: number;
  countY: number;
  title: string;
  css: string;
}

export interface Histogram {
  width: number;
  height: number;
  baseline: number;
  labelY: number;
  bars: HistogramBar[];
  /** What the drawing shows, in words (the svg's description). */
  summary: string;
}

/** 0–9 %, 10–19 %, ..., 90–99 %, and full marks on its own: the bar teachers look for first. */
/** The chart in words, for screen readers: every band that has submissions, then how many bands are empty. */
function summary(bars: HistogramBar[]): string {
  const filled = bars.filter((b) => b.count > 0).map((b) => b.title);
  const empty = bars.length - filled.length;
  return `${filled.length > 0 ? filled.join('; ') : 'No submissions'}${empty > 0 ? `; the other ${empty} bands are empty` : ''}.`;
}

export const BUCKETS = [
  ...Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 9, label: `${i * 10}–${i * 10 + 9}` })),
  { from: 100, to: 100, label: '100' },
];

type Scored = Pick<SubmissionResult, 'score' | 'maxScore'>;

/** Percent of the required points, floored so that 89.9 % lands in 80–89 and not in 90–99. */
export function wholePercent(s: Scored): number {
  return s.maxScore > 0 ? Math.floor((100 * s.score) / s.maxScore) : 0;
}

export function bucketCounts(submissions: Scored[]): number[] {
  const counts = BUCKETS.map(() => 0);
  for (const s of submissions) {
    const p = Math.min(100, Math.max(0, wholePercent(s)));
    counts[p === 100 ? 10 : Math.floor(p / 10)]++;
  }
  return counts;
}

const CHART = { width: 560, height: 210, top: 28, bottom: 26, gap: 6, left: 4 };

export function histogram(submissions: Scored[]): Histogram {
  const counts = bucketCounts(submissions);
  const most = Math.max(1, ...counts);
  const plot = CHART.height - CHART.top - CHART.bottom;
  const slot = (CHART.width - CHART.left) / counts.length;
  const baseline = CHART.top + plot;
  const bars = counts.map((count, i) => {
    // An empty bucket keeps a 1px sliver so the axis reads as continuous.
    const height = count === 0 ? 1 : Math.max(3, Math.round((plot * count) / most));
    const x = CHART.left + i * slot + CHART.gap / 2;
    const width = slot - CHART.gap;
    const bucket = BUCKETS[i];
    return {
      label: bucket.label,
      shortLabel: String(bucket.from),
      count,
      x: round(x),
      y: baseline - height,
      width: round(width),
      height,
      labelX: round(x + width / 2),
      countY: baseline - height - 5,
      title: `${plural(count, 'submission')} scored ${bucket.from === 100 ? '100 %' : `${bucket.label} %`}`,
      css: count === 0 ? 'bar-empty' : bucket.from === 100 ? 'bar-full' : bucket.from >= 50 ? 'bar-mid' : 'bar-low',
    };
  });
  return { width: CHART.width, height: CHART.height, baseline, labelY: baseline + 17, bars, summary: summary(bars) };
}

const round = (n: number) => Math.round(n * 10) / 10;
