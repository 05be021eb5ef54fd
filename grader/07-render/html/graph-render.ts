/**
 * Lays out computation graphs with Graphviz compiled to WebAssembly
 * (@viz-js/viz), so the report needs no Graphviz install and no network.
 * The output is sanitized before anyone inlines it. Layouts run on a thread
 * of their own (./layout-thread.ts), which starts on the first drawing, so
 * commands that draw nothing never load Graphviz.
 */
import type { NodeReport } from '../../results/node-report.ts';
import type { Tolerance } from '../../04-compare/tolerance.ts';
import { timeStage } from '../../stage-clock.ts';
import { plural } from '../view-format.ts';
import { focusNodes } from './graph-focus.ts';
import { graphToDot } from './graph-dot.ts';
import { layOut } from './layout-thread.ts';
import { sanitizeSvg } from './svg-sanitize.ts';
import { DrawingCache } from './drawing-cache.ts';

/**
 * Laying a graph out once is enough. Bounded by size, not by count: a
 * drawing of the long chain's window is tens of kilobytes with its key, and
 * random cases differ per student, so a count bound alone let a class fill it
 * with drawings never reused (about 100 MB at 500 entries). Least recently
 * used goes first (in a class of 500, 1,090 layouts instead of 1,800).
 */
const cache = new DrawingCache(4_000_000);

/** Layouts on their way: submissions graded side by side often ask for the same one at once. */
const inFlight = new Map<string, Promise<string>>();

function sanitizedLayout(dot: string): Promise<string> {
  let svg = inFlight.get(dot);
  if (!svg) {
    svg = layOut(dot).then((raw) => timeStage('write', () => sanitizeSvg(raw)));
    inFlight.set(dot, svg);
    void svg.finally(() => inFlight.delete(dot)).catch(() => {});
  }
  return svg;
}

export interface GraphDrawing {
  /** Sanitized inline SVG, or '' when Graphviz could not lay the graph out. */
  svg: string;
  hasSvg: boolean;
  /** Why there is no drawing, for the page to say instead. */
  problem: string;
  /** Sizes for the wrapper (see fitStyle). */
  fitStyle: string;
}

/**
 * A drawing may shrink to fit the page, but only so far: below about three
 * quarters of Graphviz's size its 11pt labels stop being readable, and the
 * box scrolls instead. Never grown past its natural size either.
 */
export function fitStyle(svg: string): string {
  const width = /^<svg[^>]*\swidth="([\d.]+)pt"/.exec(svg);
  if (!width) return '';
  const px = (Number(width[1]) * 4) / 3;
  return `max-width: ${Math.ceil(px)}px; min-width: ${Math.ceil(px * 0.75)}px`;
}

/** What a failed case's page shows: one drawing, and for a large graph the whole one folded away. */
export interface CaseDrawing {
  main: GraphDrawing;
  focusNote: string;
  hasFocusNote: boolean;
  whole: GraphDrawing | false;
  hasWhole: boolean;
  wholeSummary: string;
}

export async function drawGraph(
  nodes: NodeReport[],
  tol: Tolerance,
  options: { opNodes?: boolean } = {},
): Promise<GraphDrawing> {
  const dot = timeStage('write', () => graphToDot(nodes, tol, options));
  const cached = cache.get(dot);
  if (cached !== undefined) return { svg: cached, hasSvg: true, problem: '', fitStyle: fitStyle(cached) };
  try {
    const svg = await sanitizedLayout(dot);
    cache.set(dot, svg);
    return { svg, hasSvg: true, problem: '', fitStyle: fitStyle(svg) };
  } catch (error) {
    // A drawing is a convenience: the node table under it still has every value.
    return {
      svg: '',
      hasSvg: false,
      problem: `The graph could not be drawn (${error instanceof Error ? error.message : String(error)}).`,
      fitStyle: '',
    };
  }
}

/**
 * Largest graph drawn whole (folded, under the focused drawing). Graphviz's
 * layout time grows steeply with size: a 120-node chain whose every step
 * shares one leaf takes about ten seconds, per student who fails it. Past
 * this size the focused drawing and the node table carry the feedback.
 */
export const WHOLE_LIMIT = 60;

/** `omitted`: nodes the results already left out of a very large graph (TestResult.nodesOmitted). */
export async function drawCase(nodes: NodeReport[], tol: Tolerance, omitted = 0): Promise<CaseDrawing> {
  const focus = timeStage('write', () => focusNodes(nodes));
  const focused = focus.length < nodes.length;
  const whole = focused && nodes.length <= WHOLE_LIMIT;
  const total = nodes.length + omitted;
  const notes: string[] = [];
  if (focused)
    notes.push(
      `Drawn: the ${focus.length} nodes nearest the first wrong gradient, of ${plural(total, 'node')} in this graph.`,
    );
  else if (omitted > 0)
    notes.push(
      `Drawn: the ${nodes.length} nodes around the first wrong gradient; ${plural(omitted, 'node')} further away ${omitted === 1 ? 'was' : 'were'} left out.`,
    );
  if (focused && !whole)
    notes.push(
      `The other ${plural(total - focus.length, 'node')} ${total - focus.length === 1 ? 'is' : 'are'} too many to draw legibly; the table below lists the ${nodes.length} kept in this report.`,
    );
  return {
    main: await drawGraph(focus, tol),
    focusNote: notes.join(' '),
    hasFocusNote: notes.length > 0,
    whole: whole ? await drawGraph(nodes, tol, { opNodes: false }) : false,
    hasWhole: whole,
    wholeSummary: whole ? `Draw all ${nodes.length} nodes` : '',
  };
}
