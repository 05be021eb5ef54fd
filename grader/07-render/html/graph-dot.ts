/**
 * A failed graph case as a Graphviz DOT graph, drawn as micrograd's draw_dot
 * draws it: a record per Value (its id, data, the student's grad and, where
 * it differs, the expected one), a small op node (+, ×, tanh) in front of
 * each computed Value, and edges from operands through the op to the result.
 * DOT node ids are generated (v0, o0, ...); the case's ids and every number
 * appear only inside escaped labels.
 */
import { close, type Tolerance } from '../../04-compare/tolerance.ts';
import type { NodeReport } from '../../results/node-report.ts';
import { num } from '../view-format.ts';

/** Fill, border and marker for the three kinds of node; the page's legend uses the same words. */
export const NODE_STYLES = {
  ok: { fill: '#ecfdf3', border: '#15803d', width: 1, mark: '✓ right' },
  wrong: { fill: '#fff4e5', border: '#c2410c', width: 1.5, mark: '✗ wrong' },
  divergence: { fill: '#fde2e4', border: '#b91c1c', width: 3, mark: '⚠ first wrong here' },
} as const;

export type NodeKind = keyof typeof NODE_STYLES;

export function nodeKind(node: NodeReport): NodeKind {
  if (node.ok) return 'ok';
  return node.divergence ? 'divergence' : 'wrong';
}

/** Text inside a record label: record syntax reserves { } | < > and DOT strings reserve " and \. */
export function escapeRecord(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\\"{}|<>]/g, (c) => `\\${c}`);
}

/** Text inside an ordinary quoted DOT string. */
export function escapeDotString(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\\"]/g, (c) => `\\${c}`);
}

export const OP_SYMBOLS: Record<string, string> = {
  add: '+',
  mul: '×',
  sub: '−',
  div: '÷',
  pow: '**',
  neg: '−x',
  tanh: 'tanh',
  exp: 'exp',
  relu: 'relu',
};

function field(label: string, student: number | string, expected: number, tol: Tolerance): string {
  const got = num(student);
  return close(student, expected, tol) ? `${label} ${got}` : `${label} ${got}  ✗ expected ${num(expected)}`;
}

/** In a left-to-right graph a record's fields stack top to bottom: name, data, grad. */
function recordLabel(node: NodeReport, tol: Tolerance, opInLabel: boolean): string {
  const mark = NODE_STYLES[nodeKind(node)].mark;
  const name = opInLabel && node.op !== 'leaf' ? `${node.id} = ${OP_SYMBOLS[node.op] ?? node.op}` : node.id;
  const parts = [
    `${name}   ${node.ok ? '✓' : mark}`,
    field('data', node.student.data, node.expected.data, tol),
    field('grad', node.student.grad, node.expected.grad, tol),
  ];
  return parts.map(escapeRecord).join('|');
}

/**
 * `opNodes: false` folds each op into its result's label: half the nodes and
 * edges, which keeps Graphviz's layout of a big graph to seconds, not minutes.
 */
export function graphToDot(nodes: NodeReport[], tol: Tolerance, { opNodes = true } = {}): string {
  const key = new Map(nodes.map((n, i) => [n.id, `v${i}`]));
  const lines = [
    'digraph G {',
    '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.2, ranksep=0.35, pad=0.1];',
    // fontname is what Graphviz measures labels with: it knows Helvetica's metrics, while an unknown
    // name (a CSS-style list) falls back to Times's narrower ones, slower, and boxes too tight for
    // the sans-serif the page draws them in (.graph-svg text in the stylesheet).
    '  node [shape=record, style="rounded,filled", fontname="Helvetica", fontsize=11, height=0.3, margin="0.22,0.05"];',
    '  edge [color="#64748b", arrowsize=0.6];',
  ];
  let extra = 0;
  nodes.forEach((node, i) => {
    const style = NODE_STYLES[nodeKind(node)];
    const value = key.get(node.id)!;
    lines.push(
      `  ${value} [label="${recordLabel(node, tol, !opNodes)}", fillcolor="${style.fill}", color="${style.border}", penwidth=${style.width}];`,
    );
    if (node.op === 'leaf') return;
    const op = opNodes ? `o${i}` : value;
    if (opNodes)
      lines.push(
        `  ${op} [shape=circle, style=filled, fillcolor="#eef2ff", color="#6366f1", fontsize=10, width=0.3, margin=0.02, label="${escapeDotString(OP_SYMBOLS[node.op] ?? node.op)}"];`,
        `  ${op} -> ${value};`,
      );
    let cut = false;
    for (const arg of node.args) {
      if (typeof arg === 'string' && key.has(arg)) lines.push(`  ${key.get(arg)} -> ${op};`);
      else if (typeof arg === 'number') {
        // A plain number operand (a * 3, a ** 2) is drawn as a bare constant.
        const id = `k${extra++}`;
        lines.push(
          `  ${id} [shape=plaintext, style="", fontcolor="#475569", label="${escapeDotString(num(arg))}"];`,
          `  ${id} -> ${op};`,
        );
      } else cut = true;
    }
    if (cut) {
      // Operands that are not drawn: a dashed stub says so without wiring the whole page together.
      const id = `k${extra++}`;
      lines.push(
        `  ${id} [shape=plaintext, style="", fontcolor="#94a3b8", label="…"];`,
        `  ${id} -> ${op} [style=dashed, color="#94a3b8"];`,
      );
    }
  });
  lines.push('}');
  return lines.join('\n');
}
