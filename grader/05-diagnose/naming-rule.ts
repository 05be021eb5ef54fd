/**
 * When a misconception may be named (docs/misconceptions.md, "The naming
 * rule"). A candidate mistake is named only when its mutant reproduces the
 * student's numbers on every case that exercises the rule the mistake lives
 * in: every failing case through that rule, and every passing one too (a
 * mutant that breaks a case the student passes is not the student's
 * mistake). One case that happens to match is never enough.
 */
import type { GraphSpec } from '../cases/graph.ts';
import { isLeaf } from '../cases/graph.ts';
import type { Flaws } from './mutant-engine.ts';

const opsOfEachFlaws = new WeakMap<Flaws, ReadonlySet<string> | 'all'>();

/**
 * The ops whose backward rule a flaw changes; 'all' for flaws of backward()
 * itself or of every Value. Asked for every candidate on every case, so it
 * is worked out once per candidate's flaws.
 */
export function opsOfFlaws(flaws: Flaws): ReadonlySet<string> | 'all' {
  let ops = opsOfEachFlaws.get(flaws);
  if (!ops) opsOfEachFlaws.set(flaws, (ops = flawOps(flaws)));
  return ops;
}

function flawOps(flaws: Flaws): Set<string> | 'all' {
  if (flaws.order || flaws.unseeded || flaws.gradUndefined || flaws.uniqueChildren) return 'all';
  const ops = new Set<string>([...(flaws.overwrite ?? []), ...(flaws.noUpstream ?? [])]);
  if (flaws.mulOwn) ops.add('mul');
  if (flaws.tanhInput || flaws.tanhNoSquare) ops.add('tanh');
  if (flaws.addSplit || flaws.addOverChildSet) ops.add('add');
  if (flaws.negDetached) ops.add('neg');
  if (flaws.subWrongSign) ops.add('sub');
  if (flaws.reluOutput) ops.add('relu');
  if (flaws.powWrtExponent || flaws.powDividesByBase) ops.add('pow');
  return ops;
}

/**
 * Bonus ops the mutant builds from others (neg from mul, sub from add and
 * neg, div from mul and pow). Its numbers there are a guess at how the
 * student wrote them, so a case through one of them neither confirms nor
 * contradicts a mistake of another rule: a buggy bonus div must not make a
 * backward() that is right look out of order.
 */
export const BUILT_FROM_OTHERS: ReadonlySet<string> = new Set(['neg', 'sub', 'div']);

const opsOfGraph = new WeakMap<GraphSpec, Set<string>>();

export function graphOps(graph: GraphSpec): Set<string> {
  let ops = opsOfGraph.get(graph);
  if (!ops) opsOfGraph.set(graph, (ops = new Set(graph.nodes.flatMap((n) => (isLeaf(n) ? [] : [n.op])))));
  return ops;
}

/** Whether a case goes through the rule the flaws are about. */
export function exercises(flaws: Flaws, graph: GraphSpec): boolean {
  const ops = opsOfFlaws(flaws);
  if (ops === 'all') return true;
  for (const op of graphOps(graph)) if (ops.has(op)) return true;
  return false;
}

/** Whether this case can confirm or contradict the flaws (see BUILT_FROM_OTHERS). */
export function bearsOn(flaws: Flaws, graph: GraphSpec): boolean {
  const own = opsOfFlaws(flaws);
  for (const op of graphOps(graph)) if (BUILT_FROM_OTHERS.has(op) && (own === 'all' || !own.has(op))) return false;
  return true;
}

export interface RuleCase {
  graph: GraphSpec;
  failing: boolean;
}

/**
 * The naming rule: the flaws explain at least one failing case, and every
 * case through their rule that bears on them matches the student.
 * One more guard against coincidence: a case the flaws explain must not go
 * through another op that fails on its own elsewhere (a failing case the
 * flaws do not reach), for then that op's mistake may be what the case
 * shows. Returns the failing cases the flaws explain, or undefined when
 * they may not be named.
 */
export function fitsItsRule<T extends RuleCase>(
  flaws: Flaws,
  cases: T[],
  /** The mutant's numbers equal the student's on this case. */
  matches: (c: T) => boolean,
): T[] | undefined {
  const explained: T[] = [];
  const suspect = new Set<string>();
  for (const c of cases) {
    if (!bearsOn(flaws, c.graph)) continue;
    if (!exercises(flaws, c.graph)) {
      // The mutant is the reference here, so a failing case is another rule's failure.
      if (c.failing) for (const op of graphOps(c.graph)) suspect.add(op);
      continue;
    }
    if (!matches(c)) return undefined;
    if (c.failing) explained.push(c);
  }
  const own = opsOfFlaws(flaws);
  const alsoSuspect = (c: T) => own !== 'all' && [...graphOps(c.graph)].some((op) => !own.has(op) && suspect.has(op));
  return explained.length > 0 && !explained.some(alsoSuspect) ? explained : undefined;
}
