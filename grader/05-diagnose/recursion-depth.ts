/**
 * A topological sort (or a backward pass) that calls itself once per node
 * along a path: right on every small graph, and out of call stack on a long
 * chain ("Maximum call stack size exceeded"). The lecture's build_topo is
 * recursive, and `v._prev.forEach(build)` doubles the depth, so this is what
 * a faithful port runs into. No mutant can play it (the reference engine has
 * no stack to run out of), so it is read from the cases themselves: a case
 * stops with a stack overflow while every smaller graph ran to the end.
 * Endless recursion (every case overflows) is not this mistake.
 */
import type { CaseDef } from '../cases/case-list.ts';
import type { Judgement } from '../04-compare/compare.ts';
import { MISCONCEPTION_BY_ID } from './misconceptions.ts';
import type { CaseNote } from './notes.ts';

export const RECURSION_TOO_DEEP = 'recursion-too-deep';

const OVERFLOW = /Maximum call stack size exceeded/;

const overflowed = (j: Judgement | undefined) => j?.status === 'error' && !j.notRun && OVERFLOW.test(j.detail);

/** Whether case `c` overflowed the call stack only because its graph is deeper than every graph that ran. */
export function overflowsOnDepth(c: CaseDef, cases: CaseDef[], judged: Map<string, Judgement>): boolean {
  if (!c.graph || !overflowed(judged.get(c.id))) return false;
  const ran = cases.filter((other) => other.graph && judged.get(other.id)?.student !== undefined);
  if (ran.length === 0) return false;
  const deepest = Math.max(...ran.map((other) => other.graph!.nodes.length));
  return c.graph.nodes.length > deepest;
}

export function recursionNote(): CaseNote {
  const m = MISCONCEPTION_BY_ID.get(RECURSION_TOO_DEEP)!;
  return {
    ids: [RECURSION_TOO_DEEP],
    kind: 'explained',
    note: `Likely cause: ${m.title}. Your rules are fine on the smaller graphs; build the order with a loop and an explicit stack instead of recursion.`,
    hints: [m.hint],
  };
}
