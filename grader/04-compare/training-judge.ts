/**
 * Judges one training case: validates the record the sandbox sent back, then
 * compares each stage the case names with the reference run from the same
 * parameters (../cases/training/reference-training.ts), number by number. Step by
 * step, not "did the loss go down": a loop that never zeroes its gradients
 * can lower the lecture's loss faster than a correct one.
 */
import type { CaseDef } from '../cases/case-list.ts';
import { referenceFor } from '../cases/training/reference-training.ts';
import type { TrainingRecord, TrainingView } from '../cases/training/training-record.ts';
import { STAGES, type Stage, type TrainingSpec } from '../cases/training/training-spec.ts';
import type { CaseOutcome } from '../03-sandbox/run-submission.ts';
import { andList, parameterName } from '../cases/training/parameter-roles.ts';
import { judge, type Judgement } from './compare.ts';
import { decodeOrder, describeOrder, isInOrder } from './parameter-order.ts';
import { asRecord } from './training-record-check.ts';
import { close, show, type Tolerance } from './tolerance.ts';

type Num = number | string;

export interface StageResult {
  ok: boolean;
  /** Names values: for visible cases and instructors. */
  detail: string;
}

export const STAGE_NAMES: Record<Stage, string> = {
  parameters: 'parameters()',
  forward: 'the forward pass',
  loss: 'the loss',
  backward: 'the gradients',
  step: 'the first trainStep',
  training: 'the further training steps',
};

/** What runs in each stage, for "... threw TypeError". */
const RUNS: Record<Stage, string> = {
  parameters: 'new MLP(...) or parameters()',
  forward: 'the forward pass',
  loss: 'loss()',
  backward: 'loss.backward()',
  step: 'the first trainStep',
  training: 'a further training step',
};

/** The stages whose name is plural, for the verb that follows it. */
const PLURAL = new Set<Stage>(['backward', 'training']);

export function judgeTraining(c: CaseDef, outcome: CaseOutcome, tol: Tolerance): Judgement {
  if (outcome.kind !== 'reply') return judge(c, outcome, tol);
  const reply = outcome.reply as { ok?: unknown; training?: unknown; error?: { name?: unknown; message?: unknown } };
  if (reply?.ok === false) {
    // The message is the student's own text: withheld from students of a hidden case (see compare.ts).
    const name = String(reply.error?.name);
    return {
      status: 'error',
      summary: `Your code threw ${name}. Its message is not shown, because this case is hidden.`,
      detail: `Your code threw ${name}: ${String(reply.error?.message)}`,
    };
  }
  const record = asRecord(reply?.training);
  if (!record) {
    const text = 'Your code sent back a malformed result.';
    return { status: 'error', summary: text, detail: text };
  }
  const spec = c.training!;
  const results = compareStages(spec, record, tol);
  const own = spec.stages.map((stage) => results[stage]);
  const okCount = own.filter((r) => r.ok).length;
  const view = trainingView(spec, record, tol);
  if (okCount === own.length)
    return {
      status: 'pass',
      summary: 'Every stage matches the reference.',
      detail: 'Every stage matches the reference.',
      record,
    };
  const wrong = spec.stages.filter((stage) => !results[stage].ok);
  const thrown =
    record.error && wrong.includes(record.failedAt!) ? ` (${record.error.name} in ${RUNS[record.failedAt!]})` : '';
  return {
    status: 'fail',
    summary: `${capital(andList(wrong.map((s) => STAGE_NAMES[s])))} ${wrong.length > 1 || PLURAL.has(wrong[0]) ? 'differ' : 'differs'} from the reference${thrown}.`,
    // With no parameter set, every later stage says only "not compared": the count is the whole story.
    detail:
      results.parameters.ok || record.count === spec.params.length
        ? wrong.map((s) => results[s].detail).join(' ')
        : `${results.parameters.detail} Nothing else is compared until it ${record.failedAt === 'parameters' ? 'runs' : 'returns them all'}.`,
    record,
    // A run through every stage (the random datasets) earns a share per stage right; a lecture case is one stage.
    ...(spec.stages.length === STAGES.length ? { fraction: okCount / own.length } : {}),
    ...(view && (wrong.includes('step') || wrong.includes('training')) ? { training: view } : {}),
  };
}

/** The first letter up, unless the sentence starts with code (parameters()), which keeps its spelling. */
function capital(text: string): string {
  return /^\w+\(\)/.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every stage's verdict; a stage after a wrong parameter count is not compared, since no parameter could be set. */
export function compareStages(spec: TrainingSpec, record: TrainingRecord, tol: Tolerance): Record<Stage, StageResult> {
  const expected = referenceFor(spec);
  const out = {} as Record<Stage, StageResult>;
  const countOk = record.count === expected.count;
  // The order is judged only when the probe could read it back; a doubt is not a failure.
  const order = countOk ? decodeOrder(spec.nin, spec.nouts, record.order) : undefined;
  out.parameters =
    record.failedAt === 'parameters' && record.error
      ? { ok: false, detail: `${RUNS.parameters} threw ${record.error.name}: ${record.error.message}.` }
      : !countOk
        ? {
            ok: false,
            detail: `parameters() returns ${describeCount(record.count)} but MLP(${spec.nin}, [${spec.nouts.join(', ')}]) has ${expected.count}.`,
          }
        : order && !isInOrder(order)
          ? { ok: false, detail: describeOrder(spec.nin, spec.nouts, order) }
          : { ok: true, detail: `parameters() returns all ${expected.count} Values${order ? ', in order' : ''}.` };
  for (const stage of STAGES.slice(1)) {
    if (!countOk)
      out[stage] = { ok: false, detail: `Not compared: the grader could not set the network's parameters.` };
    else if (record.failedAt === stage)
      out[stage] = {
        ok: false,
        detail: `${capital(RUNS[stage])} threw ${record.error!.name}: ${record.error!.message}.`,
      };
    else out[stage] = compareStage(stage, spec, record, expected, tol);
  }
  return out;
}

function describeCount(count: number | string): string {
  return typeof count === 'number' ? `${count} Value${count === 1 ? '' : 's'}` : `a value that is ${count}`;
}

function firstOff(student: Num[] | undefined, reference: number[], tol: Tolerance): number {
  if (!student || student.length !== reference.length) return student ? Math.min(student.length, reference.length) : 0;
  return reference.findIndex((r, i) => !close(student[i], r, tol));
}

function compareStage(
  stage: Stage,
  spec: TrainingSpec,
  s: TrainingRecord,
  r: TrainingRecord,
  tol: Tolerance,
): StageResult {
  const ok = { ok: true, detail: `${capital(STAGE_NAMES[stage])} ${PLURAL.has(stage) ? 'match' : 'matches'}.` };
  const name = (i: number) => parameterName(spec.nin, spec.nouts, i);
  const at = (list: Num[] | undefined, i: number) => show(list?.[i] ?? 'missing');
  switch (stage) {
    case 'forward': {
      const i = firstOff(s.forward, r.forward as number[], tol);
      return i < 0
        ? ok
        : { ok: false, detail: `The output for xs[${i}] is ${at(s.forward, i)} but should be ${show(r.forward![i])}.` };
    }
    case 'loss':
      return close(s.loss ?? 'missing', r.loss as number, tol)
        ? ok
        : { ok: false, detail: `The loss is ${show(s.loss ?? 'missing')} but should be ${show(r.loss as number)}.` };
    case 'backward': {
      const i = firstOff(s.grads, r.grads as number[], tol);
      return i < 0
        ? ok
        : {
            ok: false,
            detail: `After loss.backward(), the grad of ${name(i)} is ${at(s.grads, i)} but should be ${show(r.grads![i] as number)}.`,
          };
    }
    case 'step': {
      if (!close(s.step?.returned ?? 'missing', r.step!.returned as number, tol))
        return {
          ok: false,
          detail: `The first trainStep returned ${show(s.step?.returned ?? 'missing')} but should return ${show(r.step!.returned as number)}.`,
        };
      const i = firstOff(s.step?.params, r.step!.params as number[], tol);
      return i < 0
        ? ok
        : {
            ok: false,
            detail: `After the first trainStep, ${name(i)} is ${at(s.step?.params, i)} but should be ${show(r.step!.params[i] as number)}.`,
          };
    }
    case 'training': {
      for (let k = 0; k < r.losses!.length; k++) {
        const i = firstOff(s.trajectory?.[k], r.trajectory![k] as number[], tol);
        const lossOk = close(s.losses?.[k] ?? 'missing', r.losses![k] as number, tol);
        if (lossOk && i < 0) continue;
        return {
          ok: false,
          detail: lossOk
            ? `After training step ${k + 2}, ${name(i)} is ${at(s.trajectory?.[k], i)} but should be ${show(r.trajectory![k][i] as number)}.`
            : `Training step ${k + 2} returned the loss ${at(s.losses, k)} but should return ${show(r.losses![k] as number)}.`,
        };
      }
      return ok;
    }
    default:
      return ok;
  }
}

/** The loss per step and where the runs first part, when the student's run got as far as a trainStep. */
export function trainingView(spec: TrainingSpec, s: TrainingRecord, tol: Tolerance): TrainingView | undefined {
  if (s.count !== spec.params.length || !s.step) return undefined;
  const r = referenceFor(spec);
  const studentSteps = [s.step.params, ...(s.trajectory ?? [])];
  const referenceSteps = [r.step!.params, ...r.trajectory!] as number[][];
  const view: TrainingView = {
    losses: {
      student: [s.step.returned, ...(s.losses ?? [])],
      reference: [r.step!.returned as number, ...(r.losses as number[])],
    },
  };
  for (let k = 0; k < studentSteps.length; k++) {
    const i = firstOff(studentSteps[k], referenceSteps[k], tol);
    if (i >= 0) {
      view.parts = {
        step: k + 1,
        parameter: i,
        role: parameterName(spec.nin, spec.nouts, i),
        student: studentSteps[k][i] ?? 'missing',
        expected: referenceSteps[k][i],
      };
      break;
    }
  }
  return view;
}
