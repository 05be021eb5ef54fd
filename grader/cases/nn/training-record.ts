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
  /** The first trainStep (right after that backward pass): what it returned, and the parameters after it. */
  step?: { returned: Num; params: Num[] };
  /** What each further trainStep returned, and the parameters after it. */
  losses?: Num[];
  trajectory?: Num[][];
  /** The stage that threw, and what. */
  failedAt?: Stage;
  error?: { name: string; message: string };
}

/** What a report shows of a failed training case: the losses step by step, and where the runs part. */
export interface TrainingView {
  /** The loss returned by each trainStep, the first one included: the student's and the reference's. */
  losses: { student: Num[]; reference: number[] };
  /** The first step (1 = the first trainStep) and the first parameter, in parameters() order, where they differ. */
  parts?: { step: number; parameter: number; student: Num; expected: number };
}
