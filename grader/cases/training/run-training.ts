/**
 * Runs inside the sandbox, on the student's own code: builds their MLP, sets
 * every parameter's data in parameters() order, then one forward pass, the
 * loss, one backward pass, one trainStep and the further steps, recording
 * the numbers after each. Nothing here knows the expected values: they are
 * computed by the reference outside (./reference-training.ts) and compared
 * in the trusted process. A stage that throws ends the record there, so the
 * stages before it still count.
 */
import type { TrainingRecord, TrainingRequest } from './training-record.ts';
import { prng } from '../prng.ts';
import { probeOrder } from './order-probe.ts';

type Num = number | string;
type Param = { data: unknown; grad: unknown };
type Model = { forward(x: number[]): unknown; parameters(): unknown };

const isFiniteNumber = Number.isFinite;
const isArray = Array.isArray;

function num(value: unknown): Num {
  if (typeof value === 'number') return isFiniteNumber(value) ? value : String(value);
  return `not a number (${typeof value})`;
}

/** The first output: forward returns an array, but micrograd's returns a lone Value for one neuron. */
function firstOutput(out: unknown): unknown {
  return isArray(out) ? out[0] : out;
}

/** A number, or a Value holding one: trainStep may return the loss Value itself, as a Python port often does. */
function lossNumber(value: unknown): Num {
  if (value !== null && typeof value === 'object' && typeof (value as Param).data === 'number')
    return num((value as Param).data);
  return num(value);
}

function field(p: unknown, name: 'data' | 'grad'): Num {
  return p !== null && typeof p === 'object' ? num((p as Param)[name]) : `not a Value (${typeof p})`;
}

export function runTraining(mod: Record<string, unknown>, request: TrainingRequest): TrainingRecord {
  // The trusted side's generator, so the student's Math.random draws what the reference's did.
  Math.random = prng(request.seed);
  const record: TrainingRecord = { count: 'not run' };
  let stage: TrainingRecord['failedAt'] = 'parameters';
  try {
    const { MLP, loss, trainStep } = mod as {
      MLP: new (nin: number, nouts: number[]) => Model;
      loss: (preds: unknown[], ys: number[]) => Param & { backward(): void };
      trainStep: (model: Model, xs: number[][], ys: number[], lr: number) => unknown;
    };
    const model = new MLP(request.nin, request.nouts.slice());
    const listed = model.parameters();
    if (!isArray(listed)) {
      record.count = `not an array (${typeof listed})`;
      return record;
    }
    const params = listed as unknown[];
    record.count = params.length;
    if (params.length !== request.params.length) return record;
    for (let i = 0; i < params.length; i++) (params[i] as Param).data = request.params[i];
    stage = 'forward';
    const xs = request.xs.map((x) => x.slice());
    const preds = xs.map((x) => firstOutput(model.forward(x)));
    record.forward = preds.map((p) => field(p, 'data'));
    stage = 'loss';
    const L = loss(preds, request.ys.slice());
    record.loss = field(L, 'data');
    stage = 'backward';
    L.backward();
    record.grads = params.map((p) => field(p, 'grad'));
    // Cleared by the grader, so that trainStep starts as it would in a loop of
    // the student's own: a loop that zeroes at the end of each step is right too.
    for (const p of params) (p as Param).grad = 0;
    stage = 'step';
    const returned = trainStep(model, xs, request.ys.slice(), request.lr);
    record.step = {
      returned: lossNumber(returned),
      params: params.map((p) => field(p, 'data')),
      grads: params.map((p) => field(p, 'grad')),
    };
    stage = 'training';
    record.losses = [];
    record.trajectory = [];
    for (let s = 0; s < request.steps; s++) {
      record.losses.push(lossNumber(trainStep(model, xs, request.ys.slice(), request.lr)));
      record.trajectory.push(params.map((p) => field(p, 'data')));
    }
    stage = undefined;
  } catch (error) {
    record.failedAt = stage;
    record.error = describe(error);
  }
  // Last, so that it draws no Math.random the run would have drawn.
  if (typeof mod.MLP === 'function')
    record.order = probeOrder(mod.MLP as Parameters<typeof probeOrder>[0], request.nin, request.nouts);
  return record;
}

function describe(error: unknown): { name: string; message: string } {
  try {
    if (error instanceof Error) return { name: String(error.name), message: String(error.message) };
    return { name: 'thrown value', message: String(error) };
  } catch {
    return { name: 'thrown value', message: '[unprintable]' };
  }
}
