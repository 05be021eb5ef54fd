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
  /** Rules that forget to multiply by out.grad. */
  noUpstream?: Rule[];
  mulOwn?: boolean;
  tanhInput?: boolean;
  tanhNoSquare?: boolean;
  addSplit?: boolean;
  /** 'forward': rules run in creation order; 'repeat': no visited set, so shared nodes run once per path. */
  order?: 'forward' | 'repeat';
  unseeded?: boolean;
  negDetached?: boolean;
  subWrongSign?: boolean;
  reluOutput?: boolean;
  powWrtExponent?: boolean;
}

export function mutantValueClass(flaws: Flaws): ValueClass {
  const overwrite = new Set(flaws.overwrite ?? []);
  const noUpstream = new Set(flaws.noUpstream ?? []);
  // How a rule hands `local` (the local derivative) to `node`.
  const give = (rule: Rule, node: M, local: number, upstream: number) => {
    const amount = noUpstream.has(rule) ? local : local * upstream;
    node.grad = overwrite.has(rule) ? amount : node.grad + amount;
  };
  const wrap = (x: M | number) => (x instanceof M ? x : new M(x));

  class M {
    grad = 0;
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
        give('add', o, share, out.grad);
      };
      return out;
    }
    mul(other: M | number): M {
      const o = wrap(other);
      const out = new M(this.data * o.data, [this, o]);
      out._backward = () => {
        const [forThis, forO] = flaws.mulOwn ? [this.data, o.data] : [o.data, this.data];
        give('mul', this, forThis, out.grad);
        give('mul', o, forO, out.grad);
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
      const local = () => (flaws.powWrtExponent ? this.data ** n * Math.log(this.data) : n * this.data ** (n - 1));
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
    if (flaws.order === 'repeat') {
      // micrograd's recursive build_topo without its visited set: a node
      // reached along two paths is listed, and run, twice.
      const seq: M[] = [];
      const walk = (n: M) => {
        n._prev.forEach(walk);
        seq.push(n);
      };
      walk(root);
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

  return M as unknown as ValueClass;
}
