/**
 * What the failing cases have in common, for the cases no known mistake
 * explains: the operations every one of them goes through, and whether each
 * uses some node twice. Said instead of a name, because a wrong name is
 * worse than none. Names operations only, never a hidden case's numbers.
 */
import type { GraphSpec } from '../cases/graph.ts';
import { isLeaf } from '../cases/graph.ts';
import { OP_CODES } from '../cases/program.ts';
import { BUILT_FROM_OTHERS, graphOps } from './naming-rule.ts';

const reuseIn = new WeakMap<GraphSpec, boolean>();

/** A node that is an operand more than once: where gradients from several uses must add up. Once per graph. */
function reusesANode(graph: GraphSpec): boolean {
  let reuses = reuseIn.get(graph);
  if (reuses === undefined) {
    const uses = new Map<string, number>();
    for (const n of graph.nodes)
      if (!isLeaf(n)) for (const a of n.args) if (typeof a === 'string') uses.set(a, (uses.get(a) ?? 0) + 1);
    reuseIn.set(graph, (reuses = [...uses.values()].some((count) => count > 1)));
  }
  return reuses;
}

export interface CommonGround {
  /** Ops every failing graph goes through, in the course's order. */
  ops: string[];
  /** Of those, the ones no passing graph goes through. */
  onlyFailing: string[];
  /** Every failing graph uses some node more than once. */
  reuse: boolean;
  /** Failing graphs through neg, sub or div were left out, as others remained. */
  setAside: boolean;
}

/** Bonus ops a student may build from others (./naming-rule.ts): where they fail is no clue of their own. */
const usesBuilt = (g: GraphSpec) => [...graphOps(g)].some((op) => BUILT_FROM_OTHERS.has(op));

export function commonGround(allFailing: GraphSpec[], passing: GraphSpec[]): CommonGround {
  // A failing bonus div says nothing about mul if the student wrote div on its own: those are set aside when others remain.
  const plain = allFailing.filter((g) => !usesBuilt(g));
  const failing = plain.length > 0 ? plain : allFailing;
  const ops = OP_CODES.filter((op) => op !== 'leaf' && failing.every((g) => graphOps(g).has(op)));
  const onlyFailing = ops.filter((op) => passing.every((g) => !graphOps(g).has(op)));
  const reuse = failing.every(reusesANode) && passing.every((g) => !reusesANode(g));
  return { ops, onlyFailing, reuse, setAside: failing.length < allFailing.length };
}

const and = (words: string[]) =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

/** The sentence for a failing case nothing explains; `others`: some failing cases are explained already. */
export function commonGroundNote(ground: CommonGround, others: boolean): string {
  const every = `${others ? 'every other failing case' : 'every failing case'}${ground.setAside ? ' without neg, sub or div' : ''}`;
  const lead = 'No common mistake matches your gradients here, so no name is given.';
  const rules = ground.onlyFailing.length > 0 ? ground.onlyFailing : ground.ops;
  if (rules.length > 0) {
    const nodes = `${rules.length === 1 ? `a ${rules[0]} node` : `${and(rules)} nodes`}`;
    const passing =
      ground.onlyFailing.length > 0 ? `, and every case without ${rules.length === 1 ? 'one' : 'them'} passes` : '';
    const fix = `check your ${and(rules)} rule${rules.length > 1 ? 's' : ''} against the chain rule by hand`;
    return `${lead} What they share: ${every} goes through ${nodes}${passing}. So ${fix}.`;
  }
  if (ground.reuse)
    return `${lead} What they share: ${every} uses some node more than once, and every case without reuse passes. So check that each use of a node adds (+=) its own share of the gradient.`;
  return `${lead} The failing cases share no single operation, so check each local rule against the chain rule by hand.`;
}
