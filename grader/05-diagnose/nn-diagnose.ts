/**
 * Names the mistake behind a submission's training cases. In order:
 *  1. the engine: when the student's own engine fails the first assignment's
 *     cases, every failing case of this one is put down to that, not to nn.ts;
 *  2. parameters(): when its count is wrong no parameter could be set, and
 *     the count says why (the weights alone: the biases are missing);
 *  3. the loop: the mutant (or pair of mutants) whose whole record, stage by
 *     stage and step by step, equals the student's on every case.
 */
import type { CaseDef } from '../cases/case-list.ts';
import { referenceFor, type LoopFlaws } from '../cases/nn/reference-training.ts';
import type { TrainingRecord } from '../cases/nn/training-record.ts';
import { parameterShape } from '../cases/nn/training-spec.ts';
import type { Judgement } from '../04-compare/compare.ts';
import { close, type Tolerance } from '../04-compare/tolerance.ts';
import type { Diagnosis } from './diagnose.ts';
import type { CaseNote } from './notes.ts';
import { TRAINING_MISCONCEPTIONS, TRAINING_MISCONCEPTION_BY_ID } from './nn-misconceptions.ts';

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

/** The student's record equals the mutant's at every stage. */
export function sameRecord(s: TrainingRecord, m: TrainingRecord, tol: Tolerance): boolean {
  if (s.error || s.count !== m.count) return false;
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

interface Candidate {
  ids: string[];
  flaws: LoopFlaws;
}

let candidates: Candidate[] | undefined;

/** Every loop mistake alone, then every pair (a loop can be wrong twice). */
function loopCandidates(): Candidate[] {
  if (candidates) return candidates;
  const singles = TRAINING_MISCONCEPTIONS.filter((m) => m.flaws).map((m) => ({ ids: [m.id], flaws: m.flaws! }));
  const pairs: Candidate[] = [];
  for (let i = 0; i < singles.length; i++)
    for (let j = i + 1; j < singles.length; j++)
      pairs.push({ ids: [...singles[i].ids, ...singles[j].ids], flaws: { ...singles[i].flaws, ...singles[j].flaws } });
  return (candidates = [...singles, ...pairs]);
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
        ? `your engine's ${engine.rules.join(' and ')} rule${engine.rules.length > 1 ? 's are' : ' is'} wrong${engine.ids.length > 0 ? ` (${engine.ids.join(', ')})` : ''}`
        : `your engine still fails the first assignment's ${engine.exercises.join(', ')} cases`;
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
            `parameters() returns ${typeof got === 'number' ? `${got} Values` : got}, but ${net} has ${count} (${weights} weights and ${neurons} biases, layer by layer, neuron by neuron). Until it returns them all, the grader cannot set the network, so nothing else is compared.`,
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
  const explains = (cand: Candidate) =>
    compared.every((c) => sameRecord(judged.get(c.id)!.record!, referenceFor(c.training!, cand.flaws), tol));
  const found = loopCandidates().find(explains);
  if (found) {
    const titles = found.ids.map((id) => TRAINING_MISCONCEPTION_BY_ID.get(id)!.title).join('; and ');
    for (const c of failing) perCase.set(c.id, note(found.ids, 'explained', `Likely cause: ${titles}.`));
    return { ids: found.ids, explainsAll: true, perCase };
  }
  for (const c of failing)
    perCase.set(
      c.id,
      note(
        [],
        'unexplained',
        'No common mistake of the training loop matches your numbers here, so compare each stage with the lecture: forward, loss, zeroGrad, backward, update.',
      ),
    );
  return { ids: [], explainsAll: false, perCase };
}
