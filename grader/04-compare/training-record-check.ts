/**
 * Checks the record a training case sent back from the sandbox before
 * anything reads it: untrusted until here, so every field must have the shape
 * the sandbox promises (./training-judge.ts reads it afterwards). A malformed
 * order probe is dropped, not an error: the order is then not judged.
 */
import type { OrderProbe, TrainingRecord } from '../cases/training/training-record.ts';
import { STAGES, type Stage } from '../cases/training/training-spec.ts';

type Num = number | string;

const isNum = (v: unknown): v is Num => typeof v === 'number' || typeof v === 'string';
const isNums = (v: unknown, max = 10_000): v is Num[] => Array.isArray(v) && v.length <= max && v.every(isNum);

/** The record, if it has the shape the sandbox promises; untrusted until here. */
export function asRecord(value: unknown): TrainingRecord | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (!isNum(v.count)) return undefined;
  if (v.forward !== undefined && !isNums(v.forward)) return undefined;
  if (v.loss !== undefined && !isNum(v.loss)) return undefined;
  if (v.grads !== undefined && !isNums(v.grads)) return undefined;
  const step = v.step as { returned?: unknown; params?: unknown; grads?: unknown } | undefined;
  if (step !== undefined && (typeof step !== 'object' || !isNum(step?.returned) || !isNums(step?.params)))
    return undefined;
  if (step?.grads !== undefined && !isNums(step.grads)) return undefined;
  const order = asOrderProbe(v.order);
  if (v.losses !== undefined && !isNums(v.losses)) return undefined;
  if (
    v.trajectory !== undefined &&
    !(Array.isArray(v.trajectory) && v.trajectory.length <= 1000 && v.trajectory.every((t) => isNums(t)))
  )
    return undefined;
  if (v.failedAt !== undefined && !(STAGES as readonly unknown[]).includes(v.failedAt)) return undefined;
  const error = v.error as { name?: unknown; message?: unknown } | undefined;
  if (error !== undefined && (typeof error?.name !== 'string' || typeof error?.message !== 'string')) return undefined;
  return {
    count: v.count,
    ...(v.forward !== undefined ? { forward: v.forward as Num[] } : {}),
    ...(v.loss !== undefined ? { loss: v.loss as Num } : {}),
    ...(v.grads !== undefined ? { grads: v.grads as Num[] } : {}),
    ...(step !== undefined
      ? {
          step: {
            returned: step.returned as Num,
            params: step.params as Num[],
            ...(step.grads !== undefined ? { grads: step.grads as Num[] } : {}),
          },
        }
      : {}),
    ...(v.losses !== undefined ? { losses: v.losses as Num[] } : {}),
    ...(v.trajectory !== undefined ? { trajectory: v.trajectory as Num[][] } : {}),
    ...(order ? { order } : {}),
    ...(v.failedAt !== undefined ? { failedAt: v.failedAt as Stage } : {}),
    ...(error !== undefined
      ? { error: { name: String(error.name).slice(0, 200), message: String(error.message).slice(0, 1000) } }
      : {}),
  };
}

/** The order probe, if well formed; a malformed one is dropped (the order is then not judged), not an error. */
function asOrderProbe(value: unknown): OrderProbe | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as { layers?: unknown; lastBiases?: unknown };
  if (!Array.isArray(v.layers) || v.layers.length > 100) return undefined;
  const layers: OrderProbe['layers'] = [];
  for (const l of v.layers as Array<Record<string, unknown>>) {
    if (l === null || typeof l !== 'object' || typeof l.nin !== 'number' || typeof l.nout !== 'number')
      return undefined;
    if (!isNum(l.count)) return undefined;
    if (
      l.outputs !== undefined &&
      !(Array.isArray(l.outputs) && l.outputs.length <= 100 && l.outputs.every((o) => isNums(o)))
    )
      return undefined;
    layers.push({ nin: l.nin, nout: l.nout, count: l.count, ...(l.outputs ? { outputs: l.outputs as Num[][] } : {}) });
  }
  const biases = v.lastBiases;
  if (biases !== undefined && !(isNums(biases) && biases.every((k) => typeof k === 'number'))) return undefined;
  return { layers, ...(biases !== undefined ? { lastBiases: biases as number[] } : {}) };
}
