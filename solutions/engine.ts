/**
 * A scalar-valued autograd engine, after micrograd's engine.py.
 *
 * Each Value remembers the Values it was computed from and a small closure,
 * `_backward`, that knows how to push this node's gradient one step further
 * back. `backward()` walks the graph from the output and calls those closures
 * in reverse topological order, so by the time a node pushes its gradient on,
 * every path that leads through it has already contributed.
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
      // d(x+y)/dx = 1. `+=` because `this` may be used elsewhere too (even as `o`).
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: Value | number): Value {
    const o = asValue(other);
    const out = new Value(this.data * o.data, [this, o], '*');
    out._backward = () => {
      // Each factor's gradient is the *other* factor, times the gradient from above.
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this], 'tanh');
    out._backward = () => {
      // tanh' is cheapest in terms of the output t, not the input.
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  // ---- bonus ops -------------------------------------------------------

  neg(): Value {
    return this.mul(-1);
  }

  sub(other: Value | number): Value {
    return this.add(asValue(other).neg());
  }

  pow(n: number): Value {
    const out = new Value(this.data ** n, [this], `**${n}`);
    out._backward = () => {
      // The exponent is a plain number, so only the base receives gradient.
      this.grad += n * this.data ** (n - 1) * out.grad;
    };
    return out;
  }

  exp(): Value {
    const e = Math.exp(this.data);
    const out = new Value(e, [this], 'exp');
    out._backward = () => {
      this.grad += e * out.grad;
    };
    return out;
  }

  div(other: Value | number): Value {
    return this.mul(asValue(other).pow(-1));
  }

  relu(): Value {
    const out = new Value(this.data < 0 ? 0 : this.data, [this], 'relu');
    out._backward = () => {
      // The indicator of the input being positive, not the output's value.
      this.grad += (out.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  // ---- backpropagation -------------------------------------------------

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
