/**
 * The reference engine with switchable mistakes. Each flag reproduces one
 * wrong local rule exactly as students write it, so that running a case
 * through a mutant predicts the gradients such a student would get.
 * With no flags it must agree with solutions/engine.ts (a test checks this).
 */
import type { ValueClass } from '../cases/graph.ts';

export type Rule = 'add' | 'mul' | 'tanh' | 'exp' | 'pow' | 'relu';

export interface Flaws {
  /** Rules that assign `x.grad = ...` instead of accumulating. */
  overwrite?: Rule[];
  /** Of a two-operand rule, only this operand's line assigns (`this.grad = ...; o.grad += ...`). */
  overwriteOnly?: 'this' | 'other';
  /** Rules that forget to multiply by out.grad. */
  noUpstream?: Rule[];
  mulOwn?: boolean;
  tanhInput?: boolean;
  tanhNoSquare?: boolean;
  addSplit?: boolean;
  /**
   * How backward() orders the rules. 'forward': creation order; 'repeat': a
   * topological sort without its visited set, so shared nodes run once per
   * path; 'descend': a recursive walk that runs each rule as it reaches the
   * node, once per path; 'bfs-repeat': a breadth-first queue without a
   * visited set (once per path); 'bfs': breadth-first, each node once;
   * 'preorder': depth first with a visited set, each rule run once, on the
   * node's first visit (so sometimes before its last user has run);
   * 'preorder-stack': the same with an explicit stack, marked when pushed and
   * its children taken last first.
   */
  order?: 'forward' | 'repeat' | 'descend' | 'bfs-repeat' | 'bfs' | 'preorder' | 'preorder-stack';
  /** Children kept in a Set, as many ports do: b + b lists b once, so a per-path walk reaches it once from there. */
  uniqueChildren?: boolean;
  unseeded?: boolean;
  /** A new Value's grad is left undefined (`grad!: number`), so every sum with it is NaN. */
  gradUndefined?: boolean;
  /** add's rule loops over a Set of its children: in a + a, a is in the Set once and receives out.grad once. */
  addOverChildSet?: boolean;
  negDetached?: boolean;
  subWrongSign?: boolean;
  reluOutput?: boolean;
  powWrtExponent?: boolean;
  /** pow's derivative as n * out / x: right except at x = 0, where it is 0 / 0. */
  powDividesByBase?: boolean;
}

/** A per-path walk visits a node once per path to it; past this many visits it is no answer (the student's would time out). */
const MAX_VISITS = 200_000;

export function mutantValueClass(flaws: Flaws): ValueClass {
  const overwrite = new Set(flaws.overwrite ?? []);
  const noUpstream = new Set(flaws.noUpstream ?? []);
  // How a rule hands `local` (the local derivative) to `node`.
  const give = (rule: Rule, node: M, local: number, upstream: number, operand: 'this' | 'other' = 'this') => {
    const amount = noUpstream.has(rule) ? local : local * upstream;
    const assigns = overwrite.has(rule) && (flaws.overwriteOnly === undefined || flaws.overwriteOnly === operand);
    node.grad = assigns ? amount : node.grad + amount;
  };
  const wrap = (x: M | number) => (x instanceof M ? x : new M(x));

  class M {
    grad: number = flaws.gradUndefined ? (undefined as unknown as number) : 0;
    _backward = () => {};
    constructor(
      public data: number,
      public _prev: M[] = [],
    ) {}

    add(other: M | number): M {
      const o = wrap(other);
      const out = new M(this.data + o.data, [this, o]);
      const share = flaws.addSplit ? 0.5 : 1;
      out._backward = () => {
        give('add', this, share, out.grad);
        if (!(flaws.addOverChildSet && o === this)) give('add', o, share, out.grad, 'other');
      };
      return out;
    }
    mul(other: M | number): M {
      const o = wrap(other);
      const out = new M(this.data * o.data, [this, o]);
      out._backward = () => {
        const [forThis, forO] = flaws.mulOwn ? [this.data, o.data] : [o.data, this.data];
        give('mul', this, forThis, out.grad);
        give('mul', o, forO, out.grad, 'other');
      };
      return out;
    }
    tanh(): M {
      const x = this.data;
      const t = Math.tanh(x);
      const out = new M(t, [this]);
      const base = flaws.tanhInput ? x : t;
      out._backward = () => give('tanh', this, flaws.tanhNoSquare ? 1 - base : 1 - base * base, out.grad);
      return out;
    }
    neg(): M {
      return flaws.negDetached ? new M(-this.data) : this.mul(-1);
    }
    sub(other: M | number): M {
      const o = wrap(other);
      if (!flaws.subWrongSign) return this.add(o.neg());
      const out = new M(this.data - o.data, [this, o]);
      out._backward = () => {
        this.grad += out.grad;
        o.grad += out.grad;
      };
      return out;
    }
    pow(n: number): M {
      const out = new M(this.data ** n, [this]);
      const local = () =>
        flaws.powWrtExponent
          ? this.data ** n * Math.log(this.data)
          : flaws.powDividesByBase
            ? (n * out.data) / this.data
            : n * this.data ** (n - 1);
      out._backward = () => give('pow', this, local(), out.grad);
      return out;
    }
    exp(): M {
      const out = new M(Math.exp(this.data), [this]);
      out._backward = () => give('exp', this, out.data, out.grad);
      return out;
    }
    div(other: M | number): M {
      return this.mul(wrap(other).pow(-1));
    }
    relu(): M {
      const out = new M(this.data < 0 ? 0 : this.data, [this]);
      out._backward = () => give('relu', this, flaws.reluOutput ? out.data : out.data > 0 ? 1 : 0, out.grad);
      return out;
    }
    backward(): void {
      if (!flaws.unseeded) this.grad = 1;
      for (const node of order(this)) node._backward();
    }
  }

  function order(root: M): M[] {
    if (flaws.order === 'descend' || flaws.order === 'bfs-repeat' || flaws.order === 'bfs') return walk(root);
    if (flaws.order === 'preorder' || flaws.order === 'preorder-stack') return preorder(root);
    if (flaws.order === 'repeat') {
      // micrograd's build_topo without its visited set: a node reached along
      // two paths is listed, and run, twice. Iterative, as the long chain needs.
      const seq: M[] = [];
      const stack: Array<[M, boolean]> = [[root, false]];
      while (stack.length > 0) {
        const [n, expanded] = stack.pop()!;
        if (expanded) {
          if (seq.push(n) > MAX_VISITS) throw new RangeError('too many visits');
          continue;
        }
        stack.push([n, true]);
        const kids = children(n);
        for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
      }
      return seq.reverse();
    }
    const topo: M[] = [];
    const seen = new Set<M>();
    const stack: Array<[M, boolean]> = [[root, false]];
    while (stack.length > 0) {
      const [n, done] = stack.pop()!;
      if (done) {
        topo.push(n);
        continue;
      }
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push([n, true]);
      for (const c of n._prev) if (!seen.has(c)) stack.push([c, false]);
    }
    return flaws.order === 'forward' ? topo : topo.reverse();
  }

  function children(n: M): M[] {
    return flaws.uniqueChildren ? [...new Set(n._prev)] : n._prev;
  }

  /** Each node once, in the order a depth-first walk with a visited set first reaches it. */
  function preorder(root: M): M[] {
    const seq: M[] = [];
    const seen = new Set<M>();
    if (flaws.order === 'preorder') {
      // A recursive visit(n): if seen, return; mark; run n's rule; visit each child in turn.
      const stack = [root];
      while (stack.length > 0) {
        const n = stack.pop()!;
        if (seen.has(n)) continue;
        seen.add(n);
        seq.push(n);
        for (let i = n._prev.length - 1; i >= 0; i--) stack.push(n._prev[i]);
      }
      return seq;
    }
    // stack.push(...n._prev) with a node marked as it is pushed: the last child is popped first.
    const stack = [root];
    seen.add(root);
    while (stack.length > 0) {
      const n = stack.pop()!;
      seq.push(n);
      for (const c of n._prev)
        if (!seen.has(c)) {
          seen.add(c);
          stack.push(c);
        }
    }
    return seq;
  }

  /** The nodes in the order a walk from the output reaches them, each time it does (see Flaws.order). */
  function walk(root: M): M[] {
    const seq: M[] = [];
    if (flaws.order === 'descend') {
      // Depth first, each rule run on arrival: the order of a recursive walk, without its depth.
      const stack = [root];
      while (stack.length > 0) {
        const n = stack.pop()!;
        if (seq.push(n) > MAX_VISITS) throw new RangeError('too many visits');
        const kids = children(n);
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      }
      return seq;
    }
    const seen = new Set<M>([root]);
    for (let queue = [root], at = 0; at < queue.length; at++) {
      if (seq.push(queue[at]) > MAX_VISITS) throw new RangeError('too many visits');
      for (const c of children(queue[at])) {
        if (flaws.order === 'bfs' && seen.has(c)) continue;
        seen.add(c);
        queue.push(c);
      }
    }
    return seq;
  }

  return M as unknown as ValueClass;
}
