/**
 * A test case's computation graph, as plain data. The same description is
 * built with the student's Value inside the sandbox and with the reference
 * Value in the trusted process, so expected numbers never have to cross into
 * the sandbox.
 */
export type OpName = 'add' | 'mul' | 'tanh' | 'neg' | 'sub' | 'pow' | 'exp' | 'div' | 'relu';

/** A node id, or a plain number passed to the op as a constant. */
export type Arg = string | number;

export interface LeafNode {
  id: string;
  value: number;
}

export interface OpNode {
  id: string;
  op: OpName;
  args: Arg[];
}

export type GraphNode = LeafNode | OpNode;

export interface GraphSpec {
  nodes: GraphNode[];
  output: string;
}

export interface ValueLike {
  data: number;
  grad: number;
  backward(): void;
  [op: string]: unknown;
}

export type ValueClass = new (data: number) => ValueLike;

export interface NodeValues {
  data: number;
  grad: number;
}

export const UNARY_OPS: ReadonlySet<OpName> = new Set(['tanh', 'neg', 'exp', 'relu']);

export function isLeaf(node: GraphNode): node is LeafNode {
  return 'value' in node;
}

/**
 * Builds the graph with the given Value class, runs backward() from the
 * output, and reads back every node's data and grad, in node order. Written
 * without any outside import because it is also bundled into the sandbox.
 */
export function runGraph(Value: ValueClass, spec: GraphSpec): { data: unknown[]; grad: unknown[] } {
  // V8 stores small integers and doubles in fields differently. A grad that
  // starts at 0 and later holds 0.5 makes every node built so far migrate to
  // a new layout one by one, which costs more than the whole backward pass
  // on a long chain. One throwaway Value with fractional fields settles the
  // layout before the graph is built.
  const probe = new Value(0.5);
  probe.grad = 0.5;
  const index = new Map<string, number>();
  const built: ValueLike[] = [];
  const operand = (a: Arg): unknown => (typeof a === 'number' ? a : built[index.get(a)!]);
  const nodes = spec.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    index.set(node.id, i);
    if (isLeaf(node)) {
      built.push(new Value(node.value));
      continue;
    }
    const self = built[index.get(node.args[0] as string)!];
    const method = self[node.op];
    if (typeof method !== 'function') throw new TypeError(`Value has no method ${node.op}()`);
    built.push((node.args.length === 1 ? method.call(self) : method.call(self, operand(node.args[1]))) as ValueLike);
  }
  built[index.get(spec.output)!].backward();
  const data: unknown[] = [];
  const grad: unknown[] = [];
  for (let i = 0; i < built.length; i++) {
    data.push(built[i].data);
    grad.push(built[i].grad);
  }
  return { data, grad };
}

/** The same, keyed by node id: for the trusted side. */
export function evaluateGraph(Value: ValueClass, spec: GraphSpec): Record<string, NodeValues> {
  const { data, grad } = runGraph(Value, spec);
  const out: Record<string, NodeValues> = {};
  spec.nodes.forEach((node, i) => {
    out[node.id] = { data: Number(data[i]), grad: Number(grad[i]) };
  });
  return out;
}
