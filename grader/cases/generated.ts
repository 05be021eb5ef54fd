/**
 * Cases made by code rather than written by hand: a long chain, deep enough
 * to strain a recursive topological sort (one that recurses through forEach
 * overflows the stack: 05-diagnose/recursion-depth.ts), and small random
 * graphs seeded per student, so that two students get different numbers and
 * copying someone else's expected values does not help.
 */
import type { GraphNode, GraphSpec, OpName } from './graph.ts';
import { prng } from './prng.ts';

export function longChain(length: number): GraphSpec {
  // Two shared leaves feed every link: a small shift and a gentle scale keep
  // every value and gradient of order one however long the chain, and each
  // leaf collects thousands of contributions, so accumulation is tested too.
  const nodes: GraphNode[] = [
    { id: 'x0', value: 0.5 },
    { id: 'shift', value: 0.001 },
    { id: 'scale', value: 1.0001 },
  ];
  for (let i = 1; i <= length - 3; i++) {
    const op: OpName = i % 2 === 1 ? 'add' : 'mul';
    nodes.push({ id: `x${i}`, op, args: [`x${i - 1}`, op === 'add' ? 'shift' : 'scale'] });
  }
  return { nodes, output: `x${length - 3}` };
}

/** FNV-1a: a stable 32-bit seed from any string. */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A random graph of add, mul and tanh over a few leaves. Operands are drawn
 * mostly from recent nodes, and often twice, so reuse (and with it gradient
 * accumulation) is almost always exercised.
 */
export function randomGraph(seed: number, size: number): GraphSpec {
  const random = prng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const round = (x: number) => Math.round(x * 100) / 100;
  const nodes: GraphNode[] = [];
  const leaves = 3 + Math.floor(random() * 2);
  for (let i = 0; i < leaves; i++) nodes.push({ id: `v${i}`, value: round(random() * 3 - 1.5) || 0.5 });
  const ops: OpName[] = ['add', 'mul', 'tanh', 'mul', 'add'];
  for (let i = leaves; i < size; i++) {
    const recent = nodes.slice(-4).map((n) => n.id);
    const op = pick(ops);
    const id = `v${i}`;
    if (op === 'tanh') nodes.push({ id, op, args: [pick(recent)] });
    else if (random() < 0.15) nodes.push({ id, op, args: [pick(recent), round(random() * 2 - 1) || 0.5] });
    else nodes.push({ id, op, args: [pick(recent), pick(nodes.map((n) => n.id))] });
  }
  return { nodes, output: nodes[nodes.length - 1].id };
}
