/**
 * An evaluator for case graphs that knows nothing about autograd: every node
 * is a plain number, and gradients come from central finite differences. It
 * shares no code with the engines it checks (not even grader/cases/graph.ts's
 * evaluator), so a bug there cannot hide a bug here.
 */
import type { GraphNode, GraphSpec } from '../../../grader/cases/graph.ts';

type Plain = (x: number, y: number) => number;

const PLAIN_OPS: Record<string, Plain> = {
  add: (x, y) => x + y,
  mul: (x, y) => x * y,
  sub: (x, y) => x - y,
  div: (x, y) => x / y,
  pow: (x, n) => x ** n,
  tanh: (x) => Math.tanh(x),
  neg: (x) => -x,
  exp: (x) => Math.exp(x),
  relu: (x) => (x > 0 ? x : 0),
};

const isLeafNode = (node: GraphNode): node is { id: string; value: number } => 'value' in node;

/**
 * Every node's value. `pinned` holds one node at a given value whatever its
 * inputs are, so the output can be differentiated with respect to inner
 * nodes too, not only leaves.
 */
export function plainValues(spec: GraphSpec, pinned?: { id: string; value: number }): Map<string, number> {
  const values = new Map<string, number>();
  for (const node of spec.nodes) {
    if (pinned?.id === node.id) values.set(node.id, pinned.value);
    else if (isLeafNode(node)) values.set(node.id, node.value);
    else {
      const [x, y] = node.args.map((a) => (typeof a === 'number' ? a : values.get(a)!));
      values.set(node.id, PLAIN_OPS[node.op](x, y));
    }
  }
  return values;
}

/** d(output)/d(node) for every node, by (f(v + h) - f(v - h)) / 2h. */
export function finiteDifferenceGrads(spec: GraphSpec): Map<string, number> {
  const base = plainValues(spec);
  const grads = new Map<string, number>();
  for (const node of spec.nodes) {
    const v = base.get(node.id)!;
    const h = 1e-6 * Math.max(1, Math.abs(v));
    const up = plainValues(spec, { id: node.id, value: v + h }).get(spec.output)!;
    const down = plainValues(spec, { id: node.id, value: v - h }).get(spec.output)!;
    grads.set(node.id, (up - down) / (2 * h));
  }
  return grads;
}

export interface EngineValue {
  data: number;
  grad: number;
  backward(): void;
}

/** Builds the graph with an engine's Value class and runs backward() from the output. */
export function engineValues(
  Value: new (data: number) => EngineValue,
  spec: GraphSpec,
): Map<string, { data: number; grad: number }> {
  const built = new Map<string, EngineValue>();
  for (const node of spec.nodes) {
    if (isLeafNode(node)) {
      built.set(node.id, new Value(node.value));
      continue;
    }
    const self = built.get(node.args[0] as string) as unknown as Record<string, (...args: unknown[]) => EngineValue>;
    const rest = node.args.slice(1).map((a) => (typeof a === 'number' ? a : built.get(a)));
    built.set(node.id, self[node.op](...rest));
  }
  built.get(spec.output)!.backward();
  return new Map([...built].map(([id, v]) => [id, { data: v.data, grad: v.grad }]));
}

/** numpy's allclose for one pair. */
export function near(actual: number, expected: number, rtol: number, atol: number): boolean {
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}
