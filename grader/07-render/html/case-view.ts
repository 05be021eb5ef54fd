/**
 * One case as its page shows it. For a student reading a concealed case
 * (./visibility.ts) only the outcome, points, message, note and hints go
 * into the view; its name, id, detail, nodes and drawing are left out here,
 * so that no template can print them.
 */
import type { NodeReport } from '../../results/node-report.ts';
import type { ResultsHeader, TestResult } from '../../results/types.ts';
import type { RenderContext } from '../reporter.ts';
import { plural, points, testBadge, type StatusBadge } from '../view-format.ts';
import type { CaseDrawing } from './graph-render.ts';
import { lossChart, type LossChart } from './loss-chart.ts';
import { nodeTable, type NodeTable } from './node-table.ts';
import { concealsDetails, visibilityLabel } from '../visibility.ts';

export interface CaseView {
  /** Only for linking within the page builder; a concealed case's id is never printed. */
  testId: string;
  anchor: string;
  name: string;
  idText: string;
  badge: StatusBadge;
  pointsText: string;
  message: string;
  detail: string;
  hasDetail: boolean;
  note: string;
  hasNote: boolean;
  hints: string[];
  hasHints: boolean;
  tags: string[];
  concealed: boolean;
  passed: boolean;
  hasId: boolean;
  nodes: NodeTable | false;
  hasNodes: boolean;
  /** Large tables start folded so that the page stays scannable. */
  nodesOpen: boolean;
  graph: CaseDrawing | false;
  hasGraph: boolean;
  /** The drawing in words, for screen readers (the drawing itself is exposed as one image). */
  graphAlt: string;
  omittedNote: string;
  hasOmittedNote: boolean;
  /** A failed training case (assignment nn): its loss per step, student against reference. */
  lossChart: LossChart | false;
  hasLossChart: boolean;
}

export type Drawings = Map<TestResult, CaseDrawing>;

/** Up to this many node names are read out; the table below the drawing lists them all. */
const NAMED = 6;

function names(nodes: NodeReport[]): string {
  const shown = nodes.slice(0, NAMED).map((n) => n.id);
  return nodes.length > NAMED ? `${shown.join(', ')} and ${nodes.length - NAMED} more` : shown.join(', ');
}

/** "Computation graph of 7 nodes: first wrong at b; wrong: a, b; the other 5 right. ..." */
export function graphAlt(nodes: NodeReport[], omitted: number): string {
  const wrong = nodes.filter((n) => !n.ok);
  const first = wrong.filter((n) => n.divergence);
  const parts = [
    first.length > 0 ? `first wrong at ${names(first)}` : 'no single first wrong node',
    wrong.length > 0 ? `${plural(wrong.length, 'wrong node')}: ${names(wrong)}` : 'every node right',
    `${plural(nodes.length - wrong.length, 'right node')}`,
  ];
  const more = omitted > 0 ? `, plus ${plural(omitted, 'node')} not shown` : '';
  return `Computation graph of ${plural(nodes.length, 'node')}${more}: ${parts.join('; ')}. The node-by-node table lists every value.`;
}

export function caseView(
  test: TestResult,
  index: number,
  results: ResultsHeader,
  context: RenderContext,
  drawings: Drawings,
  hiddenNumber: number,
): CaseView {
  const concealed = concealsDetails(test, results, context);
  const badge = testBadge(test.status);
  const showNodes = !concealed && test.status !== 'pass' && !!test.nodes && test.nodes.length > 0;
  const tags = [
    test.kind === 'bonus' ? 'bonus' : '',
    context.audience === 'instructor' ? visibilityLabel(test, results, context.now) : concealed ? 'hidden test' : '',
  ].filter(Boolean);
  const omitted = test.nodesOmitted ?? 0;
  const graph = showNodes ? (drawings.get(test) ?? false) : false;
  // Its numbers are the case's values, so a concealed case shows none of it.
  const chart = !concealed && test.status !== 'pass' && test.training ? (lossChart(test.training) ?? false) : false;
  // Said again under the table: the table, too, lacks these nodes.
  const omittedNote =
    showNodes && omitted > 0
      ? `${plural(omitted, 'node')} far from the first wrong gradient ${omitted === 1 ? 'is' : 'are'} not in this report.`
      : '';
  return {
    testId: test.id,
    anchor: `case-${index + 1}`,
    // A hidden case's name can describe its graph ("c = a + 3"), so students see a number instead.
    name: concealed ? `Hidden test ${hiddenNumber}` : test.name,
    idText: concealed ? '' : test.id,
    badge,
    pointsText: `${points(test.points)} / ${points(test.maxPoints)}`,
    message: test.message,
    detail: concealed ? '' : test.detail,
    hasDetail: !concealed && !!test.detail && test.detail !== test.message,
    note: test.note ?? '',
    hasNote: !!test.note,
    hints: test.hints,
    hasHints: test.hints.length > 0,
    tags,
    concealed,
    passed: test.status === 'pass',
    hasId: !concealed,
    nodes: showNodes ? nodeTable(test.nodes!, results.config.tolerance) : false,
    hasNodes: showNodes,
    nodesOpen: showNodes && test.nodes!.length <= 30,
    graph,
    hasGraph: graph !== false,
    graphAlt: graph !== false ? graphAlt(test.nodes!, omitted) : '',
    omittedNote,
    hasOmittedNote: omittedNote !== '',
    lossChart: chart,
    hasLossChart: chart !== false,
  };
}
