/**
 * Plain numbers used as Values (`a.add(2)` reading `2.data`). No mutant can
 * play this mistake, because it shows in two ways depending on the code
 * around it, so it is read from the cases themselves:
 * - as NaN: the first node, in graph order, whose value is wrong takes a
 *   plain number as an operand, its Value operands are right, and its own
 *   value is not a number (`x.data + undefined`);
 * - as a crash (`v._prev is not iterable`, `Cannot read properties of
 *   undefined (reading 'forEach')`, `Cannot create property 'grad' on
 *   number`): the case has a plain-number operand, or goes through an op
 *   students build from numbers and crashes as a number would make it,
 *   while a case without either ran to the end.
 */
import type { CaseDef } from '../cases/case-list.ts';
import { isLeaf, type GraphSpec } from '../cases/graph.ts';
import type { Judgement } from '../04-compare/compare.ts';
import { close, type Tolerance } from '../04-compare/tolerance.ts';
import { MISCONCEPTION_BY_ID } from './misconceptions.ts';
import type { CaseNote } from './notes.ts';

export const NUMBER_OPERAND = 'number-operand-not-wrapped';

const numberOperandIn = new WeakMap<GraphSpec, boolean>();

/**
 * Whether the graph hands a plain number to an op other than pow (whose
 * exponent is a number by contract). Asked several times per case of every
 * submission, the 5,000-node chain included, so it is read once per graph.
 */
export function hasNumberOperand(graph: GraphSpec): boolean {
  let found = numberOperandIn.get(graph);
  if (found === undefined) {
    found = graph.nodes.some((n) => !isLeaf(n) && n.op !== 'pow' && n.args.some((a) => typeof a === 'number'));
    numberOperandIn.set(graph, found);
  }
  return found;
}

/**
 * A crash of the kind a plain number among a node's children causes: reading
 * a property of what a number does not have (`2._prev.forEach`, `for (const
 * c of 2._prev)`) or writing a grad onto it.
 */
const NUMBER_CRASH =
  /Cannot read properties of undefined|is not iterable|Cannot create property '\w+' on number|Cannot set properties of undefined|is not a function/;

/**
 * Ops students often build from plain numbers inside their own code (neg as
 * x.mul(-1), sub as a.add(b.mul(-1)), div through b.pow(-1), pow keeping its
 * exponent among its children): a crash of the kind above in a case through
 * one of them has a plain number as its likely cause too.
 */
const BUILT_WITH_NUMBERS = new Set(['neg', 'sub', 'div', 'pow']);

function crashFromNumbers(graph: GraphSpec, j: Judgement): boolean {
  if (hasNumberOperand(graph)) return true;
  // The detail holds the thrown message; the summary, which students of a hidden case read, withholds it.
  const message = j.detail.replace(/^Your code threw /, '');
  return NUMBER_CRASH.test(message) && graph.nodes.some((n) => !isLeaf(n) && BUILT_WITH_NUMBERS.has(n.op));
}

/**
 * Whether case `c` fails because a plain number is used as a Value.
 * `cleanRun`: crashes happen only where plain numbers are (crashesOnlyWithNumbers).
 */
export function failsOnNumbers(c: CaseDef, j: Judgement | undefined, cleanRun: boolean, tol: Tolerance): boolean {
  if (!j || !c.graph || j.notAttempted) return false;
  if (j.status === 'error') return cleanRun && !j.summary.startsWith('Not run') && crashFromNumbers(c.graph, j);
  if (!hasNumberOperand(c.graph)) return false;
  if (j.status !== 'fail' || !j.nodes) return false;
  const first = j.nodes.find((n) => !close(n.student.data, n.expected.data, tol));
  if (!first || first.op === 'leaf' || first.op === 'pow' || typeof first.student.data === 'number') return false;
  if (!first.args.some((a) => typeof a === 'number')) return false;
  const byId = new Map(j.nodes.map((n) => [n.id, n]));
  return first.args.every((a) => typeof a === 'number' || byId.get(a)?.student.data === byId.get(a)?.expected.data);
}

/**
 * Crashes happen only where plain numbers are: some case without them ran to
 * the end, and every case that crashed has them.
 */
export function crashesOnlyWithNumbers(cases: CaseDef[], judged: Map<string, Judgement>): boolean {
  const crashed = (c: CaseDef) => {
    const j = judged.get(c.id);
    return j?.status === 'error' && !j.notAttempted && !j.summary.startsWith('Not run');
  };
  const graphs = cases.filter((c) => c.graph);
  return (
    graphs.some((c) => !hasNumberOperand(c.graph!) && judged.get(c.id)?.student !== undefined) &&
    graphs.every((c) => !crashed(c) || crashFromNumbers(c.graph!, judged.get(c.id)!))
  );
}

export function numberOperandNote(j: Judgement): CaseNote {
  const m = MISCONCEPTION_BY_ID.get(NUMBER_OPERAND)!;
  const how =
    j.status === 'error'
      ? `here it makes your code crash${j.thrown ? ` (${j.thrown})` : ''}`
      : 'here it turns a value into NaN, and every gradient after it';
  return {
    ids: [NUMBER_OPERAND],
    kind: 'explained',
    note: `Likely cause: ${m.title}; ${how}. Wrap plain numbers in a Value.`,
    hints: [m.hint],
  };
}
