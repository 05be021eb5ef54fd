/**
 * A failed training case's loss per step, the student's against the
 * reference's, as a small inline SVG line chart. It is built here from
 * numbers alone (non-finite ones are left out of the line, never printed),
 * then passed through the same allow-list as the graph drawings
 * (./svg-sanitize.ts) before a template inlines it.
 */
import type { TrainingView } from '../../cases/training/training-record.ts';
import { show } from '../../04-compare/tolerance.ts';
import { escapeXml, sanitizeSvg } from './svg-sanitize.ts';

const WIDTH = 360;
const HEIGHT = 160;
const PAD = { left: 52, right: 12, top: 12, bottom: 28 };

export interface LossChart {
  svg: string;
  /** Says in words what the chart shows, for screen readers and for anyone who does not read charts. */
  summary: string;
  parts: string;
  hasParts: boolean;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const fixed = (x: number) => (Math.round(x * 10) / 10).toString();
/** An axis label that fits beside the axis: 4.46, 0.12, 2.4e-5. */
const tick = (x: number) => (x !== 0 && Math.abs(x) < 0.01 ? x.toExponential(1) : String(Number(x.toPrecision(3))));

export function lossChart(view: TrainingView): LossChart | undefined {
  const student = view.losses.student;
  const reference = view.losses.reference;
  const values = [...student.filter(finite), ...reference.filter(finite)];
  const steps = Math.max(student.length, reference.length);
  if (values.length === 0 || steps < 2) return undefined;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-12) [lo, hi] = [lo - 1, hi + 1];
  const x = (i: number) => PAD.left + (i / (steps - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
  const line = (series: Array<number | string>, stroke: string, dash: string) => {
    const points = series.flatMap((v, i) => (finite(v) ? [`${fixed(x(i))},${fixed(y(v))}`] : []));
    return points.length > 0
      ? `<polyline points="${points.join(' ')}" fill="none" stroke="${stroke}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
      : '';
  };
  const label = (text: string, lx: number, ly: number, anchor: string) =>
    `<text x="${fixed(lx)}" y="${fixed(ly)}" font-size="10" text-anchor="${anchor}" fill="#444">${escapeXml(text)}</text>`;
  const axis = `<line x1="${PAD.left}" y1="${HEIGHT - PAD.bottom}" x2="${WIDTH - PAD.right}" y2="${HEIGHT - PAD.bottom}" stroke="#999" stroke-width="1"/><line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${HEIGHT - PAD.bottom}" stroke="#999" stroke-width="1"/>`;
  const marks = [
    label(tick(hi), PAD.left - 4, PAD.top + 8, 'end'),
    label(tick(lo), PAD.left - 4, HEIGHT - PAD.bottom, 'end'),
    label('step 1', x(0), HEIGHT - 10, 'start'),
    label(`step ${steps}`, x(steps - 1), HEIGHT - 10, 'end'),
  ].join('');
  const svg = `<svg width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${axis}${marks}${line(reference, '#1a7f37', '')}${line(student, '#cf222e', '4 3')}</svg>`;
  const parts = view.parts
    ? `The runs part at step ${view.parts.step}, first at ${view.parts.role ?? `parameter ${view.parts.parameter}`}, in parameters() order: yours is ${show(view.parts.student)}, the reference's ${show(view.parts.expected)}.`
    : '';
  const last = (s: Array<number | string>) => s[s.length - 1];
  return {
    svg: sanitizeSvg(svg),
    summary: `Loss returned by each trainStep over ${steps} steps: yours ends at ${show(last(student) ?? 'missing')}, the reference's at ${show(last(reference))}.`,
    parts,
    hasParts: parts !== '',
  };
}
