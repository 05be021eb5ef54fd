/**
 * The oracle of the training assignment, and its mutants: the same MLP and
 * the same stages as ./run-training.ts, on the reference engine, in the
 * trusted process. With no flaws it must agree with solutions/nn.ts (a test
 * checks this); each flaw reproduces one of the assignment's misconceptions
 * exactly as students write it, so that a student's trajectory can be
 * matched against the mutants' step by step.
 */
import { Value } from '../../../solutions/engine.ts';
import type { TrainingRecord } from './training-record.ts';
import type { TrainingSpec } from './training-spec.ts';

export interface LoopFlaws {
  /** trainStep never zeroes the gradients: each step's add to the last's. */
  forgotZeroGrad?: boolean;
  /** p.data += lr * p.grad. */
  stepWrongSign?: boolean;
  /** The gradients are cleared between backward and the update, so nothing moves. */
  zeroGradAfterBackward?: boolean;
  /** The loss adds up the differences, not their squares. */
  lossNotSquared?: boolean;
  /** zeroGrad clears only these parameters (indices in parameters() order); the others leak. */
  clears?: number[];
  /** Only these parameters step uphill (p.data += lr * p.grad); the others step right. */
  uphill?: number[];
  /** The loss is the mean of the squared errors, not their sum. */
  lossIsMean?: boolean;
  /** The last layer has no tanh: its output is w · x + b itself. */
  linearOutput?: boolean;
  /** parameters()[k] is the Value in place order[k] of the contract's order ([...w, b], neuron by neuron, layer by layer). */
  order?: number[];
  /**
   * The update runs before this step's backward pass: `lagging` updates after
   * the loss and then zeroes and runs backward, `update-first` updates before
   * the forward pass, `frozen` zeroes first and so always updates by zero.
   */
  stepBeforeBackward?: 'lagging' | 'update-first' | 'frozen';
  /** loss.backward() runs twice in one step. */
  backwardTwice?: boolean;
}

interface Neuron {
  w: Value[];
  b: Value;
}

function build(spec: TrainingSpec, flaws: LoopFlaws): { layers: Neuron[][]; params: Value[] } {
  const sizes = [spec.nin, ...spec.nouts];
  const layers = spec.nouts.map((nout, l) =>
    Array.from({ length: nout }, () => ({
      w: Array.from({ length: sizes[l] }, () => new Value(0)),
      b: new Value(0),
    })),
  );
  const inOrder = layers.flatMap((layer) => layer.flatMap((n) => [...n.w, n.b]));
  const params = flaws.order ? flaws.order.map((k) => inOrder[k]) : inOrder;
  params.forEach((p, i) => (p.data = spec.params[i]));
  return { layers, params };
}

function forward(layers: Neuron[][], x: number[], flaws: LoopFlaws): Value {
  let input: Array<Value | number> = x;
  for (const [l, layer] of layers.entries()) {
    input = layer.map((n) => {
      let act = n.b;
      for (let i = 0; i < n.w.length; i++) act = act.add(n.w[i].mul(input[i]));
      return flaws.linearOutput && l === layers.length - 1 ? act : act.tanh();
    });
  }
  return input[0] as Value;
}

function lossOf(preds: Value[], ys: number[], flaws: LoopFlaws): Value {
  let total = new Value(0);
  preds.forEach((p, i) => {
    const diff = p.add(-ys[i]);
    total = total.add(flaws.lossNotSquared ? diff : diff.mul(diff));
  });
  return flaws.lossIsMean ? total.mul(1 / preds.length) : total;
}

/** Runs every stage, as the sandbox does on the student's code. */
export function referenceTraining(spec: TrainingSpec, flaws: LoopFlaws = {}): TrainingRecord {
  const { layers, params } = build(spec, flaws);
  const zero = () => params.forEach((p) => (p.grad = 0));
  const uphill = new Set(flaws.uphill);
  const clears = flaws.clears && new Set(flaws.clears);
  // The student's zeroGrad(): all of it, part of it, or never called.
  const zeroGrad = () => {
    if (flaws.forgotZeroGrad) return;
    params.forEach((p, i) => {
      if (!clears || clears.has(i)) p.grad = 0;
    });
  };
  const update = () =>
    params.forEach((p, i) => (p.data += (flaws.stepWrongSign || uphill.has(i) ? 1 : -1) * spec.lr * p.grad));
  const early = flaws.stepBeforeBackward;
  const trainStep = (): number => {
    if (early === 'update-first') update();
    if (!flaws.zeroGradAfterBackward && early !== 'lagging') zeroGrad();
    const L = lossOf(
      spec.xs.map((x) => forward(layers, x, flaws)),
      spec.ys,
      flaws,
    );
    if (early === 'lagging') {
      update();
      zeroGrad();
    }
    if (early === 'frozen') update();
    L.backward();
    if (flaws.backwardTwice) L.backward();
    if (flaws.zeroGradAfterBackward) zeroGrad();
    if (!early) update();
    return L.data;
  };
  const preds = spec.xs.map((x) => forward(layers, x, flaws));
  const L = lossOf(preds, spec.ys, flaws);
  const record: TrainingRecord = { count: params.length, forward: preds.map((p) => p.data), loss: L.data };
  L.backward();
  record.grads = params.map((p) => p.grad);
  zero(); // as the sandbox does before the first trainStep
  const returned = trainStep();
  record.step = { returned, params: params.map((p) => p.data), grads: params.map((p) => p.grad) };
  record.losses = [];
  record.trajectory = [];
  for (let s = 0; s < spec.steps; s++) {
    record.losses.push(trainStep());
    record.trajectory.push(params.map((p) => p.data));
  }
  return record;
}

/**
 * Keyed by the spec's parameters: a fixed case's are drawn once per run
 * (./training-cases.ts), so its reference and fixed mutants are replayed once
 * for the class, not once per submission (whose specs differ only in the
 * sandbox's seed, which the oracle does not read); a random case's go with
 * its submission.
 */
const cache = new WeakMap<readonly number[], Map<string, TrainingRecord>>();

/** Flaws read off one student's numbers: played once, so not kept (that would grow with the class). */
const readOff = (flaws: LoopFlaws) =>
  flaws.clears !== undefined || flaws.uphill !== undefined || flaws.order !== undefined;

/** Each spec's reference and fixed mutants, computed once per set of parameters, rate and steps. */
export function referenceFor(spec: TrainingSpec, flaws: LoopFlaws = {}): TrainingRecord {
  if (readOff(flaws)) return referenceTraining(spec, flaws);
  let bySpec = cache.get(spec.params);
  if (!bySpec) cache.set(spec.params, (bySpec = new Map()));
  const key = `${spec.lr}:${spec.steps}:${JSON.stringify(flaws)}`;
  let record = bySpec.get(key);
  if (!record) bySpec.set(key, (record = referenceTraining(spec, flaws)));
  return record;
}
