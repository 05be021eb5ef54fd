/**
 * Exercise: a neural network on top of your engine, and the loop that trains it.
 *
 * This file builds on `exercises/engine.ts`: every number here is a Value,
 * so once your backward rules are right, gradients flow through a whole
 * network for free. That is why this assignment comes second.
 *
 * `Neuron` is written for you: read it first, it is the pattern for the rest.
 * Your job, in order (the hints in HINTS.md say more):
 *  1. `Layer`: nout neurons that read the same inputs.
 *  2. `MLP`: layers in a row, e.g. new MLP(3, [4, 4, 1]), 41 parameters.
 *  3. `loss`: the sum of squared errors, built from Values.
 *  4. `zeroGrad`: every parameter's grad back to 0. Remember b = a + a:
 *     gradients accumulate (+=), so a second backward() adds to the first.
 *  5. `trainStep`: zeroGrad, forward, loss, backward, update.
 * Run `npm test` (or `npm run test:watch`) after each one.
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
  constructor(nin: number, nout: number) {
    // TODO(layer): make nout Neurons, each with nin inputs.
    todo('Layer', nin, nout);
  }

  forward(x: Array<Value | number>): Value[] {
    // TODO(layer): every neuron's output, in order.
    return todo('Layer.forward', x);
  }

  parameters(): Value[] {
    // TODO(layer): every neuron's parameters, one neuron after the other.
    return todo('Layer.parameters');
  }
}

/** Layers in a row: the outputs of each are the inputs of the next. */
export class MLP {
  constructor(nin: number, nouts: number[]) {
    // TODO(mlp): one Layer per entry of nouts; each layer's nin is the size of the one before.
    todo('MLP', nin, nouts);
  }

  forward(x: Array<Value | number>): Value[] {
    // TODO(mlp): pass x through every layer in turn.
    return todo('MLP.forward', x);
  }

  parameters(): Value[] {
    // TODO(mlp): every layer's parameters, in order (41 for MLP(3, [4, 4, 1])).
    return todo('MLP.parameters');
  }

  zeroGrad(): void {
    // TODO(zero-grad): set every parameter's grad back to 0.
    // Why? In b = a + a, a.grad became 2 because backward rules add (+=).
    // For the same reason a second backward() adds to the gradients of the
    // first: without this, the last step's gradient leaks into the next one.
    todo('MLP.zeroGrad');
  }
}

/** The sum of squared errors: (pred - target)² added up over every example. */
export function loss(preds: Value[], targets: number[]): Value {
  // TODO(loss): build it from Values (add, mul), so that backward() reaches the parameters.
  return todo('loss', preds, targets);
}

/** One step of gradient descent; returns the loss from before the update. */
export function trainStep(model: MLP, xs: number[][], ys: number[], lr: number): number {
  // TODO(train-step): zeroGrad, forward every x, loss, backward, then
  // p.data -= lr * p.grad for every parameter. Return the loss's data.
  return todo('trainStep', model, xs, ys, lr);
}

function todo(what: string, ..._args: unknown[]): never {
  const error = new Error(`TODO: ${what} is not written yet (exercises/nn.ts)`);
  // Drop this helper's own frame: the failure then points at the line where the code goes.
  Error.captureStackTrace?.(error, todo);
  throw error;
}
