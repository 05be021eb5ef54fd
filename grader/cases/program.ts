/**
 * A graph as a flat list of small integers, for the trip into the sandbox:
 * four per node (op code, first operand, second operand, and what that
 * second operand is), where operands are node positions or, for leaf values
 * and number operands, positions in a separate table of constants. Walking
 * integers by index costs a fraction of doing the same with named node
 * objects, which matters on the 5,000-node chain every submission runs; and
 * integers, unlike fractional numbers, are read from a typed array without
 * allocating (the sandbox runs without the optimising compiler).
 * Bundled into the sandbox, so it imports only the student contract, which
 * itself imports nothing.
 */
import { BONUS_METHODS } from '../course/student-contract.ts';

export const OP_CODES = ['leaf', 'add', 'mul', 'tanh', 'neg', 'sub', 'pow', 'exp', 'div', 'relu'] as const;

export const NO_OPERAND = 0;
export const NODE_OPERAND = 1;
export const NUMBER_OPERAND = 2;

export interface Program {
  /** [op, x, y, kindOfY] per node, in node order; a leaf's x is its value's position in `constants`. */
  code: ArrayLike<number>;
  /** Leaf values and number operands. */
  constants: ArrayLike<number>;
  output: number;
}

export interface ProgramValue {
  data: unknown;
  grad: unknown;
  backward(): void;
  [op: string]: unknown;
}

export type ProgramValueClass = new (data: number) => ProgramValue;

/** Builds the graph with `Value`, runs backward() from the output, reads every node back. */
export function runProgram(Value: ProgramValueClass, program: Program): { data: unknown[]; grad: unknown[] } {
  const built = buildAndBackward(Value, program);
  const data: unknown[] = [];
  const grad: unknown[] = [];
  for (let i = 0; i < built.length; i++) {
    data.push(built[i].data);
    grad.push(built[i].grad);
  }
  return { data, grad };
}

/**
 * Where a graph's run is: the op being called (`mul`), `Value` while a leaf
 * is made, or `backward`. Kept up to date as the graph is built, so that an
 * error can name the operation it came from without its message.
 */
export interface RunPhase {
  op: string;
}

/** Builds the graph with `Value` and runs backward() from the output; returns every node. */
export function buildAndBackward(
  Value: ProgramValueClass,
  program: Program,
  phase: RunPhase = { op: '' },
): ProgramValue[] {
  phase.op = 'Value';
  // V8 stores small integers and doubles in fields differently. A grad that
  // starts at 0 and later holds 0.5 makes every node built so far migrate to
  // a new layout one by one, which costs more than the whole backward pass
  // on a long chain. One throwaway Value with fractional fields settles the
  // layout before the graph is built.
  const probe = new Value(0.5);
  try {
    probe.grad = 0.5;
  } catch {
    // A grad with a getter and no setter: the class keeps it to itself, which is its right.
  }
  const { code, constants } = program;
  // Sized up front: growing an array of thousands of nodes copies it again and again.
  const built: ProgramValue[] = new Array(code.length / 4);
  let count = 0;
  for (let at = 0; at < code.length; at += 4) {
    const op = code[at];
    if (op === 0) {
      phase.op = 'Value';
      built[count++] = new Value(constants[code[at + 1]]);
      continue;
    }
    const self = built[code[at + 1]];
    const name = OP_CODES[op];
    phase.op = name;
    const method = self[name];
    if (typeof method !== 'function') throw missing(name);
    const kind = code[at + 3];
    const result =
      kind === NO_OPERAND
        ? method.call(self)
        : method.call(self, kind === NODE_OPERAND ? built[code[at + 2]] : constants[code[at + 2]]);
    built[count++] = result as ProgramValue;
  }
  phase.op = 'backward';
  built[program.output].backward();
  return built;
}

/** How the lecture calls each op: tanh takes no operand, add and mul one. */
export function lectureCall(name: string): string {
  return name === 'tanh' || name === 'neg' || name === 'exp' || name === 'relu' ? `a.${name}()` : `a.${name}(b)`;
}

/**
 * A method the class does not have. A bonus op is then not attempted, named
 * as the stub's own bonus methods name it; a required op is missing, which
 * fails the cases that need it (or, where the class names it otherwise, is
 * reported at that line: grader/03-sandbox/confirm-form.ts).
 */
function missing(name: string): Error {
  const bonus = (BONUS_METHODS as readonly string[]).indexOf(name) >= 0;
  const error = new TypeError(
    bonus
      ? `bonus op ${name}() is not attempted (Value has no method ${name})`
      : `Value has no method ${name}(): write it as the lecture does (${lectureCall(name)})`,
  );
  error.name = bonus ? 'NotAttempted' : 'MissingMethod';
  return error;
}
