/**
 * Judges one case: validates what the sandbox sent back, then compares it
 * node by node with the reference. Everything here runs in the trusted
 * process and returns plain data.
 */
import type { CaseDef } from '../cases/case-list.ts';
import { isLeaf, type GraphSpec } from '../cases/graph.ts';
import { formatLocation, type NotRunCode } from '../errors.ts';
import { check } from '../schema.ts';
import type { CaseOutcome } from '../03-sandbox/run-submission.ts';
import type { TrainingRecord, TrainingView } from '../cases/training/training-record.ts';
import { referenceFor, referenceGraph } from './reference.ts';
import { close, show, type Tolerance } from './tolerance.ts';
import type { NodeReport, Num } from '../results/node-report.ts';

const ESTIMATE_TOLERANCE: Tolerance = { rtol: 0.05, atol: 1e-3 };

export interface Judgement {
  status: 'pass' | 'fail' | 'error' | 'timeout' | 'not-attempted';
  /** Safe to show for any visibility: names no input or expected value. */
  summary: string;
  /** Names nodes and values: for visible cases and instructors. */
  detail: string;
  nodes?: NodeReport[];
  /** The student's numbers in node order, kept for diagnosis. */
  student?: { data: Num[]; grad: Num[] };
  /** Optional work left alone (status 'not-attempted'): it earns nothing and is never a failure. */
  notAttempted?: boolean;
  /** Set when the case never ran: its code could not load, or earlier cases hung. */
  notRun?: NotRunCode;
  /** Share of the points earned, for cases with partial credit (0..1). */
  fraction?: number;
  /** Training cases: what the student's code produced at each stage, kept for diagnosis. */
  record?: TrainingRecord;
  /** Training cases: the loss per step, student and reference, for the report's chart. */
  training?: TrainingView;
  /** A thrown error, as students may read it: its name and where it came from (`TypeError in mul()`). */
  thrown?: string;
}

type Reply =
  | { ok: true; data: Num[]; grad: Num[] }
  | { ok: true; value: Num | Record<string, Num> }
  | { ok: false; error: { name: string; message: string; where?: string } };

export function judge(c: CaseDef, outcome: CaseOutcome, tol: Tolerance): Judgement {
  switch (outcome.kind) {
    case 'skipped':
      return {
        ...same(
          'error',
          `Not run: ${outcome.error.location?.line ? `${formatLocation(outcome.error.location)}: ` : ''}${outcome.error.message}`,
        ),
        notRun: outcome.error.code === 'E_SKIPPED_AFTER_HANG' ? 'E_SKIPPED_AFTER_HANG' : 'E_NOT_RUN',
      };
    case 'timeout':
      return same(
        'timeout',
        `Stopped after ${outcome.ms} ms. Look for a loop that never ends, for example in backward() or a rule that calls itself.`,
      );
    case 'memory':
      return same('error', 'Your code ran out of memory on this case and was stopped.');
    case 'crash':
      return same('error', `The sandbox stopped your code: ${outcome.message}`);
    case 'reply':
      break;
  }
  const reply = outcome.reply as Reply;
  const problems = check('sandbox-reply', reply, 'reply');
  if (problems.length > 0) return same('error', `Your code sent back a malformed result (${problems[0]}).`);
  if (!reply.ok) {
    if (reply.error.name === 'NotAttempted' && c.kind === 'bonus') return notAttempted(reply.error.message);
    // A required method the class lacks fails the cases that need it, as an unwritten rule does; it is no crash.
    if (reply.error.name === 'MissingMethod') return same('fail', `${reply.error.message}.`);
    return thrown(reply.error);
  }
  return 'data' in reply
    ? judgeGraph(c, { data: reply.data, grad: reply.grad }, tol)
    : judgeExport(c, reply.value, tol);
}

/**
 * A thrown error. Its message is the student's own text, and a hidden case's
 * inputs and expected values are within its reach (a rule can throw the
 * numbers it receives), so students of a hidden case get the error's name
 * and the operation it came from, like console output is withheld there.
 */
function thrown(error: { name: string; message: string; where?: string }): Judgement {
  const named = `${error.name}${error.where ? ` ${phaseText(error.where)}` : ''}`;
  return {
    status: 'error',
    summary: `Your code threw ${named}. Its message is not shown, because this case is hidden.`,
    detail: `Your code threw ${named}: ${error.message}`,
    thrown: named,
  };
}

function phaseText(op: string): string {
  if (op === 'backward') return 'in backward()';
  if (op === 'Value') return 'in the Value constructor';
  return `in ${op}()`;
}

function same(status: Judgement['status'], text: string): Judgement {
  return { status, summary: text, detail: text };
}

/** `bonus op neg() is not attempted (...)` → `Not attempted (optional bonus): neg()`. */
function notAttempted(why: string): Judgement {
  const op = /\b(\w+)\(\)/.exec(why)?.[1];
  return { ...same('not-attempted', `Not attempted (optional bonus)${op ? `: ${op}()` : ''}.`), notAttempted: true };
}

function judgeGraph(c: CaseDef, student: { data: Num[]; grad: Num[] }, tol: Tolerance): Judgement {
  const graph = c.graph!;
  const reference = referenceGraph(c);
  const n = graph.nodes.length;
  const okAt = (i: number) =>
    close(student.data[i] ?? 'missing', reference.data[i], tol) &&
    close(student.grad[i] ?? 'missing', reference.grad[i], tol);
  // The common case, a pass, needs no per-node report; a failure keeps what the scan found so far.
  const sized = student.data.length === n && student.grad.length === n;
  let checked = 0;
  if (sized) while (checked < n && okAt(checked)) checked++;
  if (sized && checked === n) return { ...same('pass', 'All values and gradients match.'), student };
  const ok: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) ok[i] = i < checked || okAt(i);
  const nodes = nodeReports(graph, student, reference, ok);
  const wrong = nodes.filter((node) => !node.ok);
  // A wrong value (data) comes first: every gradient is built on the values, so the
  // earliest node in graph order whose value is wrong is where the trouble starts.
  const badValue = nodes.find((node) => !close(node.student.data, node.expected.data, tol));
  const first = badValue ?? wrong.find((node) => node.divergence) ?? wrong[0];
  const what = badValue
    ? `${first.id}.data is ${show(first.student.data)} but should be ${show(first.expected.data)}: the value computed in the forward pass is wrong, not only the gradient`
    : `${first.id}.grad is ${show(first.student.grad)} but should be ${show(first.expected.grad)}`;
  const more =
    wrong.length > 2 ? ` (${wrong.length - 1} more nodes differ)` : wrong.length === 2 ? ' (1 more node differs)' : '';
  return {
    status: 'fail',
    // No counts, ids or values: the size of a hidden graph is itself a hint about its inputs.
    summary: badValue ? firstWrongValue(first) : firstWrongGradient(graph, nodes, first),
    detail: `${what}${more}.`,
    nodes,
    student,
  };
}

/** Where the forward pass first goes wrong, by the operation that made the node. */
function firstWrongValue(first: NodeReport): string {
  const made = first.op === 'leaf' ? 'an input (a leaf, made by the Value constructor)' : `a node made by ${first.op}`;
  return `The first wrong value (data, from the forward pass) is at ${made}; the gradients built on it differ too.`;
}

/**
 * Where the backward pass first goes wrong: the operation that made the node,
 * and the backward rules that send it its gradient (those of the nodes that
 * use it), which is where the wrong rule is.
 */
function firstWrongGradient(graph: GraphSpec, nodes: NodeReport[], first: NodeReport): string {
  const at = nodes.indexOf(first);
  const made = first.op === 'leaf' ? 'an input (a leaf)' : `a node made by ${first.op}`;
  const users = [...new Set(consumers(graph)[at].map((i) => nodes[i].op))].sort();
  const from =
    users.length === 0
      ? '; it is the output itself, whose gradient backward() sets to 1'
      : users.length === 1 && consumers(graph)[at].length === 1
        ? `, which gets its gradient from ${users[0]}'s backward rule`
        : `, which is used more than once and gets its gradient from the backward rule${users.length > 1 ? 's' : ''} of ${users.join(' and ')}, added up`;
  return `The first wrong gradient is at ${made}${from}.`;
}

const consumersOf = new WeakMap<GraphSpec, number[][]>();

/** For each node, the positions of the nodes that take it as an operand; once per graph. */
function consumers(graph: GraphSpec): number[][] {
  let found = consumersOf.get(graph);
  if (found) return found;
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  found = graph.nodes.map(() => []);
  graph.nodes.forEach((node, i) => {
    if (!isLeaf(node)) for (const a of node.args) if (typeof a === 'string') found[index.get(a)!].push(i);
  });
  consumersOf.set(graph, found);
  return found;
}

function nodeReports(
  graph: GraphSpec,
  student: { data: Num[]; grad: Num[] },
  reference: { data: number[]; grad: number[] },
  ok: boolean[],
): NodeReport[] {
  const users = consumers(graph);
  const reports: NodeReport[] = new Array(graph.nodes.length);
  for (let i = 0; i < reports.length; i++) {
    const node = graph.nodes[i];
    const leaf = isLeaf(node);
    const report: NodeReport = {
      id: node.id,
      op: leaf ? 'leaf' : node.op,
      args: leaf ? [] : node.args,
      student: { data: student.data[i] ?? 'missing', grad: student.grad[i] ?? 'missing' },
      expected: { data: reference.data[i], grad: reference.grad[i] },
      ok: ok[i],
    };
    if (!ok[i]) report.divergence = users[i].every((j) => ok[j]);
    reports[i] = report;
  }
  return reports;
}

function judgeExport(c: CaseDef, value: Num | Record<string, Num>, tol: Tolerance): Judgement {
  const want = (referenceFor(c) as { value: number | Record<string, number> }).value;
  if (typeof want === 'number') {
    // An optional export left NaN, or not written at all, is not attempted.
    if (c.kind === 'bonus' && (value === 'NaN' || value === 'undefined'))
      return {
        ...same(
          'not-attempted',
          `Not attempted (optional bonus): ${c.export!.name} is ${value === 'NaN' ? 'still NaN' : 'not exported'}.`,
        ),
        notAttempted: true,
      };
    // A single number is an estimate (the nudge question), so it gets a loose tolerance.
    const ok = typeof value !== 'object' && close(value, want, ESTIMATE_TOLERANCE);
    return ok
      ? same('pass', `${c.export!.name} matches.`)
      : {
          status: 'fail',
          summary: `${c.export!.name} is not right yet.`,
          detail: `${c.export!.name} is ${typeof value === 'object' ? 'an object' : show(value)} but should be about ${show(want)}.`,
        };
  }
  const got = typeof value === 'object' ? value : {};
  const keys = c.export!.keys ?? Object.keys(want);
  const wrong = keys.filter((k) => !close(got[k] ?? 'missing', want[k], tol));
  if (wrong.length === 0) return same('pass', `All ${keys.length} hand-computed gradients match.`);
  const first = wrong[0];
  const notYet = `${wrong.length} of ${keys.length} hand-computed gradients ${wrong.length === 1 ? 'is' : 'are'} not right yet`;
  return {
    status: 'fail',
    fraction: (keys.length - wrong.length) / keys.length,
    summary: `${notYet}.`,
    detail: `${notYet}, e.g. dL/d${first} is ${show(got[first] ?? 'missing')} but should be ${show(want[first])}.`,
  };
}
