/**
 * Exercise: the backward rules of a tiny autograd engine.
 *
 * A Value wraps one number. Every operation makes a new Value that remembers
 * where it came from (`_prev`) and gets a small closure, `_backward`, whose job
 * is to push the new node's gradient (`out.grad`) one step back to its inputs.
 *
 * The forward computations and `backward()` are written for you. Your job is
 * the three `_backward` closures marked TODO, in `add`, `mul` and `tanh`.
 *
 * Three things to keep in mind (the hints in HINTS.md say more):
 *  1. Chain rule: a local derivative is always multiplied by `out.grad`.
 *  2. Accumulate: a Value used twice (b = a + a) receives gradient from both
 *     uses, so write `x.grad += ...`, never `x.grad = ...`.
 *  3. Run `npm test` (or `npm run test:watch`) after each rule.
 */
export class Value {
  data: number;
  grad: number;
  label: string;
  readonly _op: string;
  readonly _prev: Value[];
  _backward: () => void;

  constructor(data: number, children: Value[] = [], op = '', label = '') {
    this.data = data;
    this.grad = 0;
    this._prev = children;
    this._op = op;
    this.label = label;
    // A leaf has nothing to pass its gradient on to.
    this._backward = noop;
  }

  add(other: Value | number): Value {
    const o = asValue(other);
    const out = new Value(this.data + o.data, [this, o], '+');
    out._backward = () => {
      // TODO(add): push out.grad back to `this` and to `o`.
      // What is d(this + o)/d(this)? And what if `this` and `o` are the same Value?
      todo('add');
    };
    return out;
  }

  mul(other: Value | number): Value {
    const o = asValue(other);
    const out = new Value(this.data * o.data, [this, o], '*');
    out._backward = () => {
      // TODO(mul): push out.grad back to `this` and to `o`.
      // What is d(this * o)/d(this)? It involves one of the two factors: which?
      todo('mul');
    };
    return out;
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this], 'tanh');
    out._backward = () => {
      // TODO(tanh): push out.grad back to `this`.
      // d tanh(x)/dx = 1 - tanh(x)^2, and tanh(x) is already computed: it is `t`.
      todo('tanh');
    };
    return out;
  }

  // ---- bonus ops (optional: they earn bonus points, never cost any) -----
  // Each one returns a new Value, just like add, mul and tanh. Replace the
  // `notAttempted(...)` line with your code. Some are easiest to build from
  // the ops you already have (micrograd writes sub as a + (-b)).

  neg(): Value {
    return notAttempted('neg');
  }

  sub(_other: Value | number): Value {
    return notAttempted('sub');
  }

  pow(_n: number): Value {
    return notAttempted('pow');
  }

  exp(): Value {
    return notAttempted('exp');
  }

  div(_other: Value | number): Value {
    return notAttempted('div');
  }

  relu(): Value {
    return notAttempted('relu');
  }

  // ---- backpropagation (given) -------------------------------------------

  backward(): void {
    // Topological order by an iterative depth-first search: a recursive one
    // overflows the call stack on long chains of thousands of nodes. A node
    // goes on the stack twice: first to visit its children, then (marked
    // `done`) to be placed in the order after all of them.
    const topo: Value[] = [];
    const visited = new Set<Value>();
    const stack: Value[] = [this];
    const done: boolean[] = [false];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (done.pop()) {
        topo.push(node);
        continue;
      }
      if (visited.has(node)) continue;
      visited.add(node);
      stack.push(node);
      done.push(true);
      for (const child of node._prev) {
        if (visited.has(child)) continue;
        stack.push(child);
        done.push(false);
      }
    }
    // dL/dL = 1; every other gradient follows from it by the chain rule.
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) topo[i]._backward();
  }
}

function noop(): void {}

function asValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x);
}

function todo(rule: string): never {
  const error = new Error(`TODO: the backward rule of ${rule} is not written yet (exercises/engine.ts)`);
  // Drop this helper's own frame: the failure then points at the line where the rule goes.
  Error.captureStackTrace?.(error, todo);
  throw error;
}

/** Bonus ops you have not tried yet throw this; tests and grader treat it as "not attempted". */
function notAttempted(op: string): never {
  const error = new Error(`bonus op ${op}() is not attempted yet (optional)`);
  error.name = 'NotAttempted';
  throw error;
}
