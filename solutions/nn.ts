/**
 * A small neural network on top of the engine, after micrograd's nn.py: a
 * neuron, a layer of neurons, a multi-layer perceptron, the squared-error
 * loss and one step of gradient descent.
 *
 * Gradients accumulate (`+=`), so every training step starts by setting them
 * back to zero; otherwise the last step's gradient leaks into this one.
 */
import { Value } from './engine';

// ---- given: identical in the stub and the solution ----------------------

/** One neuron: tanh(w · x + b), with a weight per input and one bias. */
export class Neuron {
  readonly w: Value[];
  readonly b: Value;

  constructor(nin: number) {
    // Random starting weights, as in the lecture; the grader sets its own.
    this.w = Array.from({ length: nin }, () => new Value(Math.random() * 2 - 1));
    this.b = new Value(Math.random() * 2 - 1);
  }

  forward(x: Array<Value | number>): Value {
    let act = this.b;
    for (let i = 0; i < this.w.length; i++) act = act.add(this.w[i].mul(x[i]));
    return act.tanh();
  }

  parameters(): Value[] {
    return [...this.w, this.b];
  }
}

// ---- end of given code ---------------------------------------------------

/** nout neurons that all read the same inputs. */
export class Layer {
  readonly neurons: Neuron[];

  constructor(nin: number, nout: number) {
    this.neurons = Array.from({ length: nout }, () => new Neuron(nin));
  }

  forward(x: Array<Value | number>): Value[] {
    return this.neurons.map((neuron) => neuron.forward(x));
  }

  parameters(): Value[] {
    return this.neurons.flatMap((neuron) => neuron.parameters());
  }
}

/** Layers in a row: the outputs of each are the inputs of the next. */
export class MLP {
  readonly layers: Layer[];

  constructor(nin: number, nouts: number[]) {
    const sizes = [nin, ...nouts];
    this.layers = nouts.map((nout, i) => new Layer(sizes[i], nout));
  }

  forward(x: Array<Value | number>): Value[] {
    let out: Array<Value | number> = x;
    for (const layer of this.layers) out = layer.forward(out);
    return out as Value[];
  }

  parameters(): Value[] {
    return this.layers.flatMap((layer) => layer.parameters());
  }

  zeroGrad(): void {
    // backward() adds to .grad, so the last step's gradients must go first.
    for (const p of this.parameters()) p.grad = 0;
  }
}

/** The sum of squared errors: (pred - target)² added up over every example. */
export function loss(preds: Value[], targets: number[]): Value {
  let total = new Value(0);
  for (let i = 0; i < preds.length; i++) {
    const diff = preds[i].add(-targets[i]);
    total = total.add(diff.mul(diff));
  }
  return total;
}

/** One step of gradient descent; returns the loss from before the update. */
export function trainStep(net: MLP, xs: number[][], ys: number[], lr: number): number {
  net.zeroGrad();
  const preds = xs.map((x) => net.forward(x)[0]);
  const total = loss(preds, ys);
  total.backward();
  // The gradient points uphill; step against it.
  for (const p of net.parameters()) p.data -= lr * p.grad;
  return total.data;
}
