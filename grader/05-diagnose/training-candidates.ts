/**
 * The loop mutants a student's training record is matched against: every
 * misconception's fixed variants, alone and in pairs, and three read off the
 * student's own numbers, case by case:
 *  - a partial zeroGrad: after step 2 each parameter is either the
 *    reference's (its grad was cleared) or the never-zeroed loop's (it leaked);
 *  - a partial wrong sign: after step 1 each parameter moved either downhill
 *    or uphill by the same lr * grad;
 *  - parameters() in another order: the order probe's reading.
 * A read-off mutant is still only a guess until the diagnosis plays it and it
 * reproduces the whole record of every case (./training-diagnose.ts).
 */
import type { CaseDef } from '../cases/case-list.ts';
import { referenceFor, type LoopFlaws } from '../cases/training/reference-training.ts';
import type { TrainingRecord } from '../cases/training/training-record.ts';
import { decodeOrder } from '../04-compare/parameter-order.ts';
import { close, type Tolerance } from '../04-compare/tolerance.ts';
import { TRAINING_MISCONCEPTIONS } from './training-misconceptions.ts';

type Num = number | string;

export interface Candidate {
  ids: string[];
  /** The mutant for one case, or undefined when the case's numbers do not fit this shape of mistake. */
  flawsFor(c: CaseDef, record: TrainingRecord, tol: Tolerance): LoopFlaws | undefined;
}

/**
 * Which of two mutants each parameter follows: the indices that follow `other`,
 * or undefined if some parameter follows neither. A parameter that fits both
 * (its grad is about 0) counts as right.
 */
function split(student: Num[] | undefined, right: Num[], other: Num[], tol: Tolerance): number[] | undefined {
  if (!student || student.length !== right.length) return undefined;
  const picked: number[] = [];
  for (let k = 0; k < right.length; k++) {
    if (close(student[k], right[k] as number, tol)) continue;
    if (!close(student[k], other[k] as number, tol)) return undefined;
    picked.push(k);
  }
  return picked;
}

const partialZeroGrad: Candidate = {
  ids: ['forgot-zero-grad'],
  flawsFor(c, record, tol) {
    const right = referenceFor(c.training!).trajectory?.[0];
    const leaky = referenceFor(c.training!, { forgotZeroGrad: true }).trajectory?.[0];
    if (!right || !leaky) return undefined;
    const leaks = split(record.trajectory?.[0], right, leaky, tol);
    if (!leaks) return undefined;
    const leaking = new Set(leaks);
    return { clears: right.map((_, k) => k).filter((k) => !leaking.has(k)) };
  },
};

const partialWrongSign: Candidate = {
  ids: ['step-wrong-sign'],
  flawsFor(c, record, tol) {
    const right = referenceFor(c.training!).step!.params;
    const uphill = split(
      record.step?.params,
      right,
      referenceFor(c.training!, { stepWrongSign: true }).step!.params,
      tol,
    );
    return uphill ? { uphill } : undefined;
  },
};

const fixed = (ids: string[], flaws: LoopFlaws): Candidate => ({ ids, flawsFor: () => flaws });

const wrongOrder: Candidate = {
  ids: ['parameters-wrong-order'],
  flawsFor(c, record) {
    const order = decodeOrder(c.training!.nin, c.training!.nouts, record.order);
    return order ? { order } : undefined;
  },
};

function pair(a: Candidate, b: Candidate): Candidate {
  return {
    ids: [...a.ids, ...b.ids],
    flawsFor(c, record, tol) {
      const x = a.flawsFor(c, record, tol);
      const y = b.flawsFor(c, record, tol);
      return x && y ? { ...x, ...y } : undefined;
    },
  };
}

let candidates: Candidate[] | undefined;

/**
 * Every fixed variant alone, then the read-off ones, then every pair of
 * different mistakes (a loop can be wrong twice). The read-off partial ones
 * assume the rest of the loop is right, so they are never paired.
 */
export function loopCandidates(): Candidate[] {
  if (candidates) return candidates;
  const singles = TRAINING_MISCONCEPTIONS.flatMap((m) => m.variants.map((v) => fixed([m.id], v)));
  const pairable = [...singles, wrongOrder];
  const pairs: Candidate[] = [];
  for (let i = 0; i < pairable.length; i++)
    for (let j = i + 1; j < pairable.length; j++)
      if (pairable[i].ids[0] !== pairable[j].ids[0]) pairs.push(pair(pairable[i], pairable[j]));
  return (candidates = [...singles, wrongOrder, partialZeroGrad, partialWrongSign, ...pairs]);
}
