/**
 * Wrong forward values. Every mutant changes backward rules only, so a case
 * whose data is wrong is never a mutant's: the mistake is in a forward
 * computation (an op's result, or a leaf that does not keep its number), and
 * it is named at the first node, in graph order, whose value is wrong.
 * Gradients built on a wrong value are wrong too, and are no clue.
 */
import type { CaseDef } from '../cases/case-list.ts';
import type { Judgement } from '../04-compare/compare.ts';
import type { NodeReport } from '../results/node-report.ts';
import { close, show, type Tolerance } from '../04-compare/tolerance.ts';
import { MISCONCEPTION_BY_ID } from './misconceptions.ts';
import type { CaseNote } from './notes.ts';

export const WRONG_FORWARD_VALUE = 'wrong-forward-value';

export function firstWrongValue(j: Judgement, tol: Tolerance): NodeReport | undefined {
  return j.nodes?.find((n) => !close(n.student.data, n.expected.data, tol));
}

export function hasWrongValue(j: Judgement, tol: Tolerance): boolean {
  return firstWrongValue(j, tol) !== undefined;
}

export function forwardValueNote(c: CaseDef, j: Judgement, tol: Tolerance): CaseNote {
  const m = MISCONCEPTION_BY_ID.get(WRONG_FORWARD_VALUE)!;
  const node = firstWrongValue(j, tol)!;
  const what = node.op === 'leaf' ? 'a leaf (new Value(x) must keep x as its data)' : `the result of ${node.op}`;
  const where =
    c.visibility === 'visible'
      ? `The first wrong value is ${node.id}.data, ${what}: it is ${show(node.student.data)} but should be ${show(node.expected.data)}.`
      : `The first wrong value is ${what}.`;
  return {
    ids: [WRONG_FORWARD_VALUE],
    kind: 'explained',
    note: `${where} The value computed in the forward pass is wrong, not the gradient: fix it first, as every gradient after it is built on it.`,
    hints: [m.hint],
  };
}
