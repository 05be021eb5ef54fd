/**
 * A large graph drawn whole is a wall of boxes (a 120-node chain is several
 * screens wide), so the first drawing of a big case shows the neighbourhood
 * of the first wrong gradient, where the broken rule is, and the page offers
 * the whole graph folded underneath.
 */
import type { NodeReport } from '../../results/node-report.ts';

/** Graphs up to this size are drawn whole straight away... */
export const FOCUS_THRESHOLD = 40;
/** ...and larger ones first as this many nodes around the divergence. */
export const FOCUS_SIZE = 24;
/**
 * Neighbours followed from any one node. A leaf shared by a whole chain
 * (every step adds the same `shift`) would otherwise fill the drawing with
 * one star, and hide the chain that gives it its gradient.
 */
const FAN_OUT = 3;

export function focusNodes(nodes: NodeReport[], limit = FOCUS_SIZE): NodeReport[] {
  if (nodes.length <= FOCUS_THRESHOLD) return nodes;
  const neighbours = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const node of nodes) {
    for (const arg of node.args) {
      if (typeof arg !== 'string' || !neighbours.has(arg)) continue;
      neighbours.get(arg)!.push(node.id);
      neighbours.get(node.id)!.push(arg);
    }
  }
  const seeds = nodes.filter((n) => n.divergence);
  const start = seeds.length > 0 ? seeds : nodes.filter((n) => !n.ok);
  // Breadth first from where the gradient first goes wrong: nearest nodes first.
  const kept = new Set<string>();
  const queue = (start.length > 0 ? start : nodes.slice(-1)).map((n) => n.id);
  while (queue.length > 0 && kept.size < limit) {
    const id = queue.shift()!;
    if (kept.has(id)) continue;
    kept.add(id);
    queue.push(
      ...neighbours
        .get(id)!
        .filter((n) => !kept.has(n))
        .slice(0, FAN_OUT),
    );
  }
  // Keep the graph's own (topological) order so the layout reads left to right.
  return nodes.filter((n) => kept.has(n.id));
}
