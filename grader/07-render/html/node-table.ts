/**
 * Expected against received values, node by node, for a failed graph case.
 * Each cell knows whether it is wrong, so the template only prints classes.
 */
import { close, type Tolerance } from '../../04-compare/tolerance.ts';
import type { NodeReport } from '../../results/node-report.ts';
import { num } from '../view-format.ts';
import { NODE_STYLES, nodeKind } from './graph-dot.ts';

export interface NodeRow {
  id: string;
  opText: string;
  gotData: string;
  wantData: string;
  dataCss: string;
  gotGrad: string;
  wantGrad: string;
  gradCss: string;
  verdict: string;
  rowCss: string;
}

export interface NodeTable {
  rows: NodeRow[];
  wrongCount: number;
  summary: string;
}

/** `mul(x, 3)`, or `leaf` for an input. */
export function opText(node: NodeReport): string {
  if (node.op === 'leaf') return 'input';
  return `${node.op}(${node.args.map((a) => (typeof a === 'number' ? num(a) : a)).join(', ')})`;
}

export function nodeTable(nodes: NodeReport[], tol: Tolerance): NodeTable {
  const rows = nodes.map((node) => {
    const kind = nodeKind(node);
    const dataOk = close(node.student.data, node.expected.data, tol);
    const gradOk = close(node.student.grad, node.expected.grad, tol);
    return {
      id: node.id,
      opText: opText(node),
      gotData: num(node.student.data),
      wantData: num(node.expected.data),
      dataCss: dataOk ? '' : 'cell-wrong',
      gotGrad: num(node.student.grad),
      wantGrad: num(node.expected.grad),
      gradCss: gradOk ? '' : 'cell-wrong',
      verdict: NODE_STYLES[kind].mark,
      rowCss: `row-${kind}`,
    };
  });
  const wrongCount = nodes.filter((n) => !n.ok).length;
  const first = nodes.find((n) => n.divergence);
  const where = first ? `; the first wrong gradient is at ${first.id}` : '';
  return {
    rows,
    wrongCount,
    summary: `${wrongCount} of ${nodes.length} nodes ${wrongCount === 1 ? 'differs' : 'differ'}${where}.`,
  };
}
