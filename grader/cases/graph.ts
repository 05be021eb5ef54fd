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
 * output, and reads back every node's data and grad. Written without any
 * outside import because it is also bundled into the sandbox.
 */
export function evaluateGraph(Value: ValueClass, spec: GraphSpec): Record<string, NodeValues> {
  const built: Record<string, ValueLike> = {};
  const arg = (a: Arg): unknown => (typeof a === 'number' ? a : built[a]);
  for (const node of spec.nodes) {
    if (isLeaf(node)) {
      built[node.id] = new Value(node.value);
      continue;
    }
    const self = built[node.args[0] as string];
    const method = self[node.op];
    if (typeof method !== 'function') throw new TypeError(`Value has no method ${node.op}()`);
    built[node.id] = method.apply(self, node.args.slice(1).map(arg)) as ValueLike;
  }
  built[spec.output].backward();
  const out: Record<string, NodeValues> = {};
  for (const node of spec.nodes) out[node.id] = { data: Number(built[node.id].data), grad: Number(built[node.id].grad) };
  return out;
}
