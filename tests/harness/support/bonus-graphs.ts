/**
 * Random graphs that use the bonus ops as well. Kept inside the domain where
 * every op is smooth, so that finite differences are a fair judge: no relu
 * input near its kink, no division by (nearly) zero, no fractional or
 * negative power of a (nearly) non-positive base, nothing huge.
 */
import { prng } from '../../../grader/cases/prng.ts';
import type { GraphNode, GraphSpec, OpName } from '../../../grader/cases/graph.ts';
import { plainValues } from './plain-graph.ts';

const OPS: OpName[] = ['add', 'mul', 'tanh', 'neg', 'sub', 'pow', 'exp', 'div', 'relu'];
const UNARY = new Set<OpName>(['tanh', 'neg', 'exp', 'relu']);
const EXPONENTS = [2, 3, -1, 0.5, -2, 1.5];

function draw(seed: number, size: number): GraphSpec {
  const random = prng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const round = (x: number) => Math.round(x * 100) / 100;
  const nodes: GraphNode[] = [];
  for (let i = 0; i < 3; i++) nodes.push({ id: `b${i}`, value: round(random() * 3 - 1.5) || 0.75 });
  for (let i = 3; i < size; i++) {
    const op = pick(OPS);
    const recent = nodes.slice(-4).map((n) => n.id);
    const id = `b${i}`;
    if (UNARY.has(op)) nodes.push({ id, op, args: [pick(recent)] });
    else if (op === 'pow') nodes.push({ id, op, args: [pick(recent), pick(EXPONENTS)] });
    else if (random() < 0.2) nodes.push({ id, op, args: [pick(recent), round(random() * 2 - 1) || 0.5] });
    else nodes.push({ id, op, args: [pick(recent), pick(nodes.map((n) => n.id))] });
  }
  return { nodes, output: nodes[nodes.length - 1].id };
}

function smooth(spec: GraphSpec): boolean {
  const values = plainValues(spec);
  const of = (a: string | number) => (typeof a === 'number' ? a : values.get(a)!);
  return spec.nodes.every((node) => {
    const v = values.get(node.id)!;
    if (!Number.isFinite(v) || Math.abs(v) > 1e3) return false;
    if (!('op' in node)) return true;
    const x = of(node.args[0]);
    if (node.op === 'relu') return Math.abs(x) > 1e-2;
    if (node.op === 'div') return Math.abs(of(node.args[1])) > 0.1;
    if (node.op === 'pow') return x > 0.1 || (Number.isInteger(of(node.args[1])) && Math.abs(x) > 0.1);
    return true;
  });
}

/** `count` smooth graphs with bonus ops, drawn from consecutive seeds. */
export function bonusGraphs(count: number, firstSeed = 1): GraphSpec[] {
  const graphs: GraphSpec[] = [];
  for (let seed = firstSeed; graphs.length < count; seed++) {
    const spec = draw(seed, 6 + (seed % 12));
    if (smooth(spec) && spec.nodes.some((n) => 'op' in n && !['add', 'mul', 'tanh'].includes(n.op))) graphs.push(spec);
  }
  return graphs;
}
