/**
 * The words of the training diagnosis that depend on the case: which
 * parameters a read-off mutant is about (by role, "the 9 biases"), and,
 * when no mutant explains the numbers, what the failing cases have in
 * common instead of a name: the first stage at which they all go wrong.
 */
import type { CaseDef } from '../cases/case-list.ts';
import type { LoopFlaws } from '../cases/training/reference-training.ts';
import type { TrainingRecord } from '../cases/training/training-record.ts';
import { andList, describeParameters } from '../cases/training/parameter-roles.ts';
import { parameterShape, STAGES, type Stage } from '../cases/training/training-spec.ts';
import type { Judgement } from '../04-compare/compare.ts';
import { isInOrder } from '../04-compare/parameter-order.ts';
import { compareStages, STAGE_NAMES } from '../04-compare/training-judge.ts';
import { show, type Tolerance } from '../04-compare/tolerance.ts';

/** Which parameters the mistake touches in this case, when it touches only some. */
export function whichParameters(c: CaseDef, flaws: LoopFlaws): string | undefined {
  const { nin, nouts } = c.training!;
  const { count } = parameterShape(nin, nouts);
  const others = (picked: number[]) => {
    const set = new Set(picked);
    return Array.from({ length: count }, (_, k) => k).filter((k) => !set.has(k));
  };
  if (flaws.clears && flaws.clears.length > 0 && flaws.clears.length < count) {
    const leak = others(flaws.clears);
    return `zeroGrad() clears only ${describeParameters(nin, nouts, flaws.clears)}; the other ${leak.length} of ${count} gradients leak into the next step: ${describeParameters(nin, nouts, leak)}.`;
  }
  if (flaws.uphill && flaws.uphill.length > 0 && flaws.uphill.length < count) {
    const rest = others(flaws.uphill);
    return `Only ${describeParameters(nin, nouts, flaws.uphill)} step uphill (p.data += lr * p.grad); the other ${rest.length} of ${count} parameters step downhill, as they should.`;
  }
  if (flaws.order && !isInOrder(flaws.order))
    return 'Every number set through parameters() lands in another place, and the reference network set in your order reproduces every number of yours: the forward pass itself is right.';
  return undefined;
}

/**
 * What in the student's numbers shows the mistake, beyond the mutant that
 * matches them. Numbers are named only for a visible case: a hidden one's
 * values never reach the student.
 */
export function evidence(c: CaseDef, flaws: LoopFlaws, record: TrainingRecord): string | undefined {
  const visible = c.visibility === 'visible';
  const n = c.training!.xs.length;
  if (flaws.lossIsMean)
    return visible
      ? `Your loss is exactly 1/${n} of the sum of squared errors on these ${n} examples: their mean.`
      : 'Your loss is exactly the sum of squared errors divided by the number of examples: their mean.';
  if (flaws.linearOutput) {
    const outside = (record.forward ?? []).find((v) => typeof v === 'number' && Math.abs(v) >= 1);
    const shown = outside === undefined ? undefined : visible ? `An output of ${show(outside)}` : 'An output of yours';
    return `${shown ? `${shown} lies outside (-1, 1), which no tanh can give. ` : ''}The same network without a tanh on its last layer reproduces every number of yours.`;
  }
  if (flaws.stepBeforeBackward === 'frozen')
    return "No parameter ever moves, although p.grad holds this step's gradients once trainStep returns: the update read p.grad before loss.backward() filled it.";
  if (flaws.stepBeforeBackward)
    return 'The first trainStep moves nothing, and every later step moves by the gradient of the step before: the update runs before loss.backward().';
  return undefined;
}

function firstWrong(c: CaseDef, judged: Map<string, Judgement>, tol: Tolerance): Stage | undefined {
  const results = compareStages(c.training!, judged.get(c.id)!.record!, tol);
  return STAGES.find((s) => !results[s].ok);
}

const NO_NAME = 'No common mistake of the training loop matches your numbers here';

/** What every failing case shares, when no misconception explains them. */
export function inCommon(failing: CaseDef[], judged: Map<string, Judgement>, tol: Tolerance): string {
  const firsts = new Set(failing.map((c) => firstWrong(c, judged, tol)));
  const [first] = firsts;
  if (firsts.size !== 1 || first === undefined)
    return `${NO_NAME}, so compare each stage with the lecture: forward, loss, zeroGrad, backward, update.`;
  const before = STAGES.slice(0, STAGES.indexOf(first));
  const right = before.length > 0 ? `: ${andList(before.map((s) => STAGE_NAMES[s]))} match the reference` : '';
  const where =
    failing.length > 1
      ? `Every failing case first goes wrong at ${STAGE_NAMES[first]}`
      : `This case first goes wrong at ${STAGE_NAMES[first]}`;
  return `${where}${right}. ${NO_NAME}, so look there first.`;
}
