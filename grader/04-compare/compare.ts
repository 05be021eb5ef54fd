/**
 * Judges one case: validates what the sandbox sent back, then compares it
 * node by node with the reference. Everything here runs in the trusted
 * process and returns plain data.
 */
import type { CaseDef } from '../cases/catalog.ts';
import { isLeaf, type GraphSpec } from '../cases/graph.ts';
import { check } from '../schema.ts';
import type { CaseOutcome } from '../03-sandbox/run-submission.ts';
import { referenceFor } from './reference.ts';
import { close, show, type Tolerance } from './tolerance.ts';

type Num = number | string;

const ESTIMATE_TOLERANCE: Tolerance = { rtol: 0.05, atol: 1e-3 };

export interface NodeReport {
  id: string;
  op: string;
  args: Array<string | number>;
  student: { data: Num; grad: Num };
  expected: { data: number; grad: number };
  ok: boolean;
  /** Wrong, while every node that consumes it is right: where a local rule broke. */
  divergence?: boolean;
}

export interface Judgement {
  status: 'pass' | 'fail' | 'error' | 'timeout';
  /** Safe to show for any visibility: names no input or expected value. */
  summary: string;
  /** Names nodes and values: for visible cases and instructors. */
  detail: string;
  nodes?: NodeReport[];
  /** Student's raw gradients, kept for diagnosis. */
  studentNodes?: Record<string, { data: Num; grad: Num }>;
  notAttempted?: boolean;
  /** Share of the points earned, for cases with partial credit (0..1). */
  fraction?: number;
}

type Reply =
  | { ok: true; nodes: Record<string, { data: Num; grad: Num }> }
  | { ok: true; value: Num | Record<string, Num> }
  | { ok: false; error: { name: string; message: string } };

export function judge(c: CaseDef, outcome: CaseOutcome, tol: Tolerance): Judgement {
  switch (outcome.kind) {
    case 'skipped':
      return same('error', `Not run: ${outcome.error.message}`);
    case 'timeout':
      return same('timeout', `Stopped after ${outcome.ms} ms. Look for a loop that never ends, for example in backward() or a rule that calls itself.`);
    case 'memory':
      return same('error', 'Your code ran out of memory on this case and was stopped.');
    case 'crash':
      return same('error', `The sandbox stopped your code: ${outcome.message}`);
  }
  let reply: Reply;
  try {
    reply = JSON.parse(outcome.json) as Reply;
  } catch {
    return same('error', 'Your code sent back something that is not a result.');
  }
  const problems = check('sandbox-reply', reply, 'reply');
  if (problems.length > 0) return same('error', `Your code sent back a malformed result (${problems[0]}).`);
  if (!reply.ok) {
    if (reply.error.name === 'NotAttempted') return { ...same('fail', 'Not attempted (optional bonus).'), notAttempted: true };
    return same('error', `Your code threw ${reply.error.name}: ${reply.error.message}`);
  }
  return 'nodes' in reply ? judgeGraph(c.graph!, reply.nodes, c, tol) : judgeExport(c, reply.value, tol);
}

function same(status: Judgement['status'], text: string): Judgement {
  return { status, summary: text, detail: text };
}

function judgeGraph(graph: GraphSpec, student: Record<string, { data: Num; grad: Num }>, c: CaseDef, tol: Tolerance): Judgement {
  const reference = referenceFor(c) as { nodes: Record<string, { data: number; grad: number }> };
  const consumers = new Map<string, string[]>();
  for (const node of graph.nodes) if (!isLeaf(node)) for (const a of node.args) if (typeof a === 'string') consumers.set(a, [...(consumers.get(a) ?? []), node.id]);
  const nodes: NodeReport[] = graph.nodes.map((node) => {
    const got = student[node.id] ?? { data: 'missing', grad: 'missing' };
    const want = reference.nodes[node.id];
    const ok = close(got.data, want.data, tol) && close(got.grad, want.grad, tol);
    return { id: node.id, op: isLeaf(node) ? 'leaf' : node.op, args: isLeaf(node) ? [] : node.args, student: got, expected: want, ok };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) if (!n.ok) n.divergence = (consumers.get(n.id) ?? []).every((id) => byId.get(id)!.ok);
  const wrong = nodes.filter((n) => !n.ok);
  if (wrong.length === 0) return { status: 'pass', summary: 'All values and gradients match.', detail: 'All values and gradients match.', nodes, studentNodes: student };
  const first = wrong.find((n) => n.divergence) ?? wrong[0];
  const what = close(first.student.data, first.expected.data, tol)
    ? `${first.id}.grad is ${show(first.student.grad)} but should be ${show(first.expected.grad)}`
    : `${first.id}.data is ${show(first.student.data)} but should be ${show(first.expected.data)}`;
  const more = wrong.length > 1 ? ` (${wrong.length - 1} more node${wrong.length > 2 ? 's' : ''} differ)` : '';
  return {
    status: 'fail',
    summary: `${wrong.length} of ${nodes.length} values or gradients differ from the reference.`,
    detail: `${what}${more}.`,
    nodes,
    studentNodes: student,
  };
}

function judgeExport(c: CaseDef, value: Num | Record<string, Num>, tol: Tolerance): Judgement {
  const want = (referenceFor(c) as { value: number | Record<string, number> }).value;
  if (typeof want === 'number') {
    if (value === 'NaN') return { ...same('fail', `Not attempted: ${c.export!.name} is still NaN (optional bonus).`), notAttempted: true };
    // A single number is an estimate (the nudge question), so it gets a loose tolerance.
    const ok = typeof value !== 'object' && close(value, want, ESTIMATE_TOLERANCE);
    return ok ? same('pass', `${c.export!.name} matches.`) : { status: 'fail', summary: `${c.export!.name} is not right yet.`, detail: `${c.export!.name} is ${typeof value === 'object' ? 'an object' : show(value)} but should be about ${show(want)}.` };
  }
  const got = typeof value === 'object' ? value : {};
  const keys = c.export!.keys ?? Object.keys(want);
  const wrong = keys.filter((k) => !close(got[k] ?? 'missing', want[k], tol));
  if (wrong.length === 0) return same('pass', `All ${keys.length} hand-computed gradients match.`);
  const first = wrong[0];
  return {
    status: 'fail',
    fraction: (keys.length - wrong.length) / keys.length,
    summary: `${wrong.length} of ${keys.length} hand-computed gradients are not right yet.`,
    detail: `${wrong.length} of ${keys.length} hand-computed gradients are not right yet, e.g. dL/d${first} is ${show(got[first] ?? 'missing')} but should be ${show(want[first])}.`,
  };
}
