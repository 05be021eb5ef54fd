/**
 * Names the mistake behind a submission's training cases. In order:
 *  1. the engine: when the student's own engine fails the first assignment's
 *     cases, every failing case of this one is put down to that, not to nn.ts;
 *  2. parameters(): when its count is wrong no parameter could be set, and
 *     the count says why (the weights alone: the biases are missing);
 *  3. the loop: the mutant (or pair of mutants, ./training-candidates.ts) whose
 *     whole record, stage by stage and step by step, equals the student's on
 *     every case; when none does, what the failing cases have in common.
 */
import type { CaseDef } from '../cases/case-list.ts';
import { referenceFor, type LoopFlaws } from '../cases/training/reference-training.ts';
import type { TrainingRecord } from '../cases/training/training-record.ts';
import { andList } from '../cases/training/parameter-roles.ts';
import { parameterShape } from '../cases/training/training-spec.ts';
import type { Judgement } from '../04-compare/compare.ts';
import { close, type Tolerance } from '../04-compare/tolerance.ts';
import type { Diagnosis } from './diagnose.ts';
import type { CaseNote } from './notes.ts';
import { TRAINING_MISCONCEPTION_BY_ID } from './training-misconceptions.ts';
import { loopCandidates } from './training-candidates.ts';
import { evidence, inCommon, whichParameters } from './training-notes.ts';

/** The student's engine fails the first assignment: which mistakes, in which rules. */
export interface EnginePrerequisite {
  ids: string[];
  rules: string[];
  hints: string[];
  /** The first assignment's exercises whose cases fail, when no mistake is named. */
  exercises: string[];
}

type Num = number | string;

const eq = (a: Num | undefined, b: Num | undefined, tol: Tolerance) =>
  typeof b === 'number' ? close(a ?? 'missing', b, tol) : a === b;
const eqAll = (a: Num[] | undefined, b: Num[] | undefined, tol: Tolerance) =>
  (a === undefined && b === undefined) ||
  (a !== undefined && b !== undefined && a.length === b.length && b.every((x, i) => eq(a[i], x, tol)));

/**
 * The student's record equals the mutant's at every stage. The grads left
 * after the first step are compared only when asked: they tell a loop that
 * clears the gradients after backward() from one that updates before it
 * (both move nothing), and a right loop may leave them either way.
 */
export function sameRecord(s: TrainingRecord, m: TrainingRecord, tol: Tolerance, gradsAfterStep = false): boolean {
  if (s.error || s.count !== m.count) return false;
  if (gradsAfterStep && !eqAll(s.step?.grads, m.step?.grads, tol)) return false;
  return (
    eqAll(s.forward, m.forward, tol) &&
    eq(s.loss, m.loss, tol) &&
    eqAll(s.grads, m.grads, tol) &&
    eq(s.step?.returned, m.step?.returned, tol) &&
    eqAll(s.step?.params, m.step?.params, tol) &&
    eqAll(s.losses, m.losses, tol) &&
    (s.trajectory ?? []).length === (m.trajectory ?? []).length &&
    (m.trajectory ?? []).every((t, k) => eqAll(s.trajectory?.[k], t, tol))
  );
}

/** What parameters() gave instead of the right count, in words. */
function miscount(
  got: number | string,
  record: TrainingRecord,
  net: string,
  shape: { count: number; weights: number; neurons: number },
): string {
  const cannot = 'the grader cannot set the network, so nothing else is compared';
  if (typeof got !== 'number' && record.error)
    return `new ${net} or its parameters() threw ${record.error.name}: until it runs, ${cannot}.`;
  const gave = typeof got === 'number' ? `${got} Value${got === 1 ? '' : 's'}` : `a value that is ${got}`;
  return `parameters() returns ${gave}, but ${net} has ${shape.count} (${shape.weights} weights and ${shape.neurons} biases, layer by layer, neuron by neuron). Until it returns them all, ${cannot}.`;
}

function note(ids: string[], kind: CaseNote['kind'], text: string): CaseNote {
  return { ids, kind, note: text, hints: ids.map((id) => TRAINING_MISCONCEPTION_BY_ID.get(id)!.hint) };
}

export function diagnoseTraining(
  cases: CaseDef[],
  judged: Map<string, Judgement>,
  tol: Tolerance,
  engine?: EnginePrerequisite,
): Diagnosis {
  const perCase = new Map<string, CaseNote>();
  const failing = cases.filter((c) => ['fail', 'error'].includes(judged.get(c.id)!.status) && judged.get(c.id)!.record);
  if (failing.length === 0) return { ids: [], explainsAll: true, perCase };

  if (engine) {
    const what =
      engine.rules.length > 0
        ? `your engine's ${andList(engine.rules)} rule${engine.rules.length > 1 ? 's are' : ' is'} wrong${engine.ids.length > 0 ? ` (${engine.ids.join(', ')})` : ''}`
        : `your engine still fails the first assignment's ${andList(engine.exercises)} cases`;
    const text = `These fail because ${what}; fix the first assignment first. Your nn.ts runs on your own engine, so no network can train right until it does.`;
    for (const c of failing)
      perCase.set(c.id, { ids: engine.ids, kind: 'prerequisite', note: text, hints: engine.hints });
    return { ids: engine.ids, explainsAll: engine.ids.length > 0, perCase };
  }

  const miscounted = failing.filter(
    (c) => judged.get(c.id)!.record!.count !== parameterShape(c.training!.nin, c.training!.nouts).count,
  );
  if (miscounted.length > 0) {
    let named = false;
    for (const c of miscounted) {
      const { count, weights, neurons } = parameterShape(c.training!.nin, c.training!.nouts);
      const got = judged.get(c.id)!.record!.count;
      const net = `MLP(${c.training!.nin}, [${c.training!.nouts.join(', ')}])`;
      if (got === weights) {
        named = true;
        perCase.set(
          c.id,
          note(
            ['parameters-missing-bias'],
            'explained',
            `parameters() returns ${got} Values, but ${net} has ${count}: the ${neurons} biases, one per neuron, are missing. Until it returns them all, the grader cannot set the network, so nothing else is compared.`,
          ),
        );
      } else {
        perCase.set(
          c.id,
          note(
            [],
            'unexplained',
            miscount(got, judged.get(c.id)!.record!, net, parameterShape(c.training!.nin, c.training!.nouts)),
          ),
        );
      }
    }
    return {
      ids: named ? ['parameters-missing-bias'] : [],
      explainsAll: miscounted.length === failing.length,
      perCase,
    };
  }

  const compared = cases.filter((c) => judged.get(c.id)!.record);
  const found = explaining(compared, judged, tol);
  if (found) {
    const titles = found.ids.map((id) => TRAINING_MISCONCEPTION_BY_ID.get(id)!.title).join('; and ');
    for (const c of failing) {
      const flaws = found.flaws.get(c.id)!;
      const more = [whichParameters(c, flaws), evidence(c, flaws, judged.get(c.id)!.record!)].filter(Boolean);
      perCase.set(c.id, note(found.ids, 'explained', [`Likely cause: ${titles}.`, ...more].join(' ')));
    }
    return { ids: found.ids, explainsAll: true, perCase };
  }
  const text = inCommon(failing, judged, tol);
  for (const c of failing) perCase.set(c.id, note([], 'unexplained', text));
  return { ids: [], explainsAll: false, perCase };
}

/** The first candidate whose mutant, case by case, reproduces every compared record whole. */
function explaining(
  compared: CaseDef[],
  judged: Map<string, Judgement>,
  tol: Tolerance,
): { ids: string[]; flaws: Map<string, LoopFlaws> } | undefined {
  for (const cand of loopCandidates()) {
    const flaws = new Map<string, LoopFlaws>();
    const fits = compared.every((c) => {
      const record = judged.get(c.id)!.record!;
      const f = cand.flawsFor(c, record, tol);
      if (!f) return false;
      flaws.set(c.id, f);
      const afterStep = f.zeroGradAfterBackward === true || f.stepBeforeBackward === 'frozen';
      return sameRecord(record, referenceFor(c.training!, f), tol, afterStep);
    });
    if (fits) return { ids: cand.ids, flaws };
  }
  return undefined;
}
