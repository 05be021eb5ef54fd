/**
 * A test case's computation graph, as plain data. The same description is
 * built with the student's Value inside the sandbox and with the reference
 * Value in the trusted process, so expected numbers never have to cross into
 * the sandbox.
 */
import {
  NO_OPERAND,
  NODE_OPERAND,
  NUMBER_OPERAND,
  OP_CODES,
  runProgram,
  type Program,
  type ProgramValue,
  type ProgramValueClass,
} from './program.ts';

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

/** Anything with the Value surface the contract fixes: a student's, the reference, a mutant. */
export type ValueLike = ProgramValue;
export type ValueClass = ProgramValueClass;

export const UNARY_OPS: ReadonlySet<OpName> = new Set(['tanh', 'neg', 'exp', 'relu']);

export function isLeaf(node: GraphNode): node is LeafNode {
  return 'value' in node;
}

const programs = new WeakMap<GraphSpec, Program>();

/** The graph as the flat program the sandbox runs; cached per graph. */
export function toProgram(spec: GraphSpec): Program {
  let program = programs.get(spec);
  if (program) return program;
  const index = new Map<string, number>();
  const code: number[] = [];
  const constants: number[] = [];
  const constant = (value: number) => constants.push(value) - 1;
  spec.nodes.forEach((node, i) => {
    index.set(node.id, i);
    if (isLeaf(node)) {
      code.push(0, constant(node.value), 0, NO_OPERAND);
      return;
    }
    const [first, second] = node.args;
    const kind = second === undefined ? NO_OPERAND : typeof second === 'number' ? NUMBER_OPERAND : NODE_OPERAND;
    const y = second === undefined ? 0 : typeof second === 'number' ? constant(second) : index.get(second)!;
    code.push(OP_CODES.indexOf(node.op), index.get(first as string)!, y, kind);
  });
  program = { code, constants, output: index.get(spec.output)! };
  programs.set(spec, program);
  return program;
}

/**
 * Builds the graph with the given Value class, runs backward() from the
 * output, and reads back every node's data and grad, in node order: the
 * same code the sandbox runs on a student's Value.
 */
export function runGraph(Value: ValueClass, spec: GraphSpec): { data: unknown[]; grad: unknown[] } {
  return runProgram(Value, toProgram(spec));
}
