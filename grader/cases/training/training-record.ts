/**
 * What crosses the sandbox for a training case: the request (the network, the
 * data and the parameters to set; never an expected value) and the record of
 * what the student's code produced at each stage. The record comes back as
 * JSON and is validated before it is read (../../04-compare/training-judge.ts).
 */
import type { Stage } from './training-spec.ts';

export interface TrainingRequest {
  kind: 'training';
  nin: number;
  nouts: number[];
  xs: number[][];
  ys: number[];
  params: number[];
  lr: number;
  steps: number;
  seed: number;
}

type Num = number | string;

export interface TrainingRecord {
  /** parameters().length, or what it was instead of an array. */
  count: number | string;
  /** Each example's first output after the parameters were set. */
  forward?: Num[];
  loss?: Num;
  /** Every parameter's grad after loss.backward(). */
  grads?: Num[];
  /**
   * The first trainStep (right after that backward pass): what it returned,
   * the parameters after it, and their grads after it (zero when the loop
   * clears them after backward(), this step's own when backward() ran last).
   */
  step?: { returned: Num; params: Num[]; grads?: Num[] };
  /** What each further trainStep returned, and the parameters after it. */
  losses?: Num[];
  trajectory?: Num[][];
  /** parameters() of a one-layer MLP per layer of the network, read back through its forward pass (./order-probe.ts). */
  order?: OrderProbe;
  /** The stage that threw, and what. */
  failedAt?: Stage;
  error?: { name: string; message: string };
}

/** What the order probe saw; each part is missing when the student's code threw there. */
export interface OrderProbe {
  /**
   * Per layer of the network: MLP(nin, [nout]) with probeValue(k) set on its
   * parameters()[k], and its outputs for x = 0, then x = each unit vector.
   */
  layers: Array<{ nin: number; nout: number; count: Num; outputs?: Num[][] }>;
  /**
   * The whole network with one parameter at a time set to PROBE_VALUE and the
   * rest 0: the indices whose output is not 0. Only a last-layer bias moves it.
   */
  lastBiases?: number[];
}

/** A distinct value per place, small enough that tanh of a weight plus a bias stays far from ±1. */
export function probeValue(k: number): number {
  return 0.05 + 0.0137 * k;
}

export const PROBE_VALUE = 0.5;

/** What a report shows of a failed training case: the losses step by step, and where the runs part. */
export interface TrainingView {
  /** The loss returned by each trainStep, the first one included: the student's and the reference's. */
  losses: { student: Num[]; reference: number[] };
  /** The first step (1 = the first trainStep) and the first parameter, in parameters() order, where they differ. */
  parts?: { step: number; parameter: number; role?: string; student: Num; expected: number };
}
