/**
 * The second assignment's oracle: the same network with plain numbers, and
 * its gradients by finite differences. No autograd engine is involved, so a
 * test built on it can never share a bug with the code it checks.
 *
 * Parameters are one flat array in `parameters()` order: for each layer, for
 * each neuron, its weights and then its bias.
 */
import { derivative } from './finite-diff';

/** The lecture's four examples and their targets. */
export const LECTURE = {
  xs: [
    [2, 3, -1],
    [3, -1, 0.5],
    [0.5, 1, 1],
    [1, 1, -1],
  ],
  ys: [1, -1, -1, 1],
};

/** How many parameters MLP(nin, nouts) has: a weight per input and a bias, per neuron. */
export function parameterCount(nin: number, nouts: number[]): number {
  const widths = [nin, ...nouts];
  return nouts.reduce((sum, nout, i) => sum + nout * (widths[i] + 1), 0);
}

/** Fixed, varied starting values in [-0.9, 0.9], so tests need no random numbers. */
export function startingParameters(count: number): number[] {
  return Array.from({ length: count }, (_, i) => 0.9 * Math.sin(1.7 * i + 0.3));
}

/** The network's outputs for one input, every layer with tanh. */
export function plainForward(params: number[], nin: number, nouts: number[], x: number[]): number[] {
  let at = 0;
  let input = x;
  for (const nout of nouts) {
    const out: number[] = [];
    for (let n = 0; n < nout; n++) {
      let act = 0;
      for (const xi of input) act += params[at++] * xi;
      act += params[at++];
      out.push(Math.tanh(act));
    }
    input = out;
  }
  return input;
}

/** The sum of squared errors of the first output over every example. */
export function plainLoss(params: number[], nin: number, nouts: number[], xs: number[][], ys: number[]): number {
  return xs.reduce((sum, x, i) => sum + (plainForward(params, nin, nouts, x)[0] - ys[i]) ** 2, 0);
}

/** dLoss/dp for every parameter, by central differences. */
export function plainGradient(params: number[], nin: number, nouts: number[], xs: number[][], ys: number[]): number[] {
  return params.map((p, i) =>
    derivative((v) => {
      const moved = params.slice();
      moved[i] = v;
      return plainLoss(moved, nin, nouts, xs, ys);
    }, p),
  );
}

/**
 * Parameters after each of `steps` steps of gradient descent. `leak` keeps
 * the gradients of earlier steps and adds the new ones to them, which is
 * exactly what a loop that never zeroes its gradients does.
 */
export function plainTraining(
  start: number[],
  nin: number,
  nouts: number[],
  data: { xs: number[][]; ys: number[] },
  lr: number,
  steps: number,
  leak = false,
): { params: number[][]; losses: number[] } {
  let params = start.slice();
  let held = params.map(() => 0);
  const out = { params: [] as number[][], losses: [] as number[] };
  for (let s = 0; s < steps; s++) {
    out.losses.push(plainLoss(params, nin, nouts, data.xs, data.ys));
    const g = plainGradient(params, nin, nouts, data.xs, data.ys);
    held = leak ? held.map((h, i) => h + g[i]) : g;
    params = params.map((p, i) => p - lr * held[i]);
    out.params.push(params);
  }
  return out;
}

/** Sets each parameter's data, in order, as the grader does before it compares anything. */
export function setParameters(params: Array<{ data: number }>, values: number[]): void {
  params.forEach((p, i) => (p.data = values[i]));
}

/** The index where two lists of numbers differ most: the place a test looks at. */
export function mostDifferent(a: number[], b: number[]): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (Math.abs(a[i] - b[i]) > Math.abs(a[best] - b[best])) best = i;
  return best;
}

/** What parameters()[k] is in that order: "layer 0, neuron 1, bias" or "layer 0, neuron 1, weight 2". */
export function roleName(k: number, nin: number, nouts: number[]): string {
  const widths = [nin, ...nouts];
  for (const [layer, nout] of nouts.entries()) {
    const size = widths[layer] + 1;
    if (k < nout * size) {
      const neuron = Math.floor(k / size);
      const i = k % size;
      return `layer ${layer}, neuron ${neuron}, ${i === widths[layer] ? 'bias' : `weight ${i}`}`;
    }
    k -= nout * size;
  }
  return 'no parameter';
}

/** "parameter 3 (layer 0, neuron 0, bias)": the place a student can count to, and what it holds. */
export function parameterName(k: number, nin: number, nouts: number[]): string {
  return `parameter ${k} (${roleName(k, nin, nouts)})`;
}

/**
 * Reads a one-layer network's parameters back through its forward pass, in
 * parameters() order: at x = 0 output n is tanh(b), at the unit vector e_i
 * it is tanh(w_i + b). What comes back is each neuron's [...w, b] as the
 * forward pass uses them, to compare with the values set through parameters().
 */
export function readBack(forward: (x: number[]) => Array<{ data: number }>, nin: number, nout: number): number[] {
  const at = (x: number[]) => forward(x).map((v) => Math.atanh(v.data));
  const zero = at(Array.from({ length: nin }, () => 0));
  const unit = Array.from({ length: nin }, (_, i) => at(Array.from({ length: nin }, (_, j) => (j === i ? 1 : 0))));
  return Array.from({ length: nout }, (_, n) => [...unit.map((u) => u[n] - zero[n]), zero[n]]).flat();
}
