/**
 * The feedback for one failing case: which mistake explains it, and whether
 * the case really fails because of an earlier rule (a tanh case broken only
 * by a wrong mul rule is a mul problem, and is reported as one).
 */
import type { CaseDef } from '../cases/case-list.ts';
import type { GraphSpec } from '../cases/graph.ts';
import type { Judgement } from '../04-compare/compare.ts';
import { referenceGraph } from '../04-compare/reference.ts';
import { close, type Tolerance } from '../04-compare/tolerance.ts';
import { mutantNodes, type Candidate } from './candidates.ts';
import { MISCONCEPTION_BY_ID, type Misconception } from './misconceptions.ts';

export interface CaseNote {
  ids: string[];
  kind: 'explained' | 'prerequisite' | 'unexplained';
  /** Safe for students whatever the case's visibility. */
  note: string;
  hints: string[];
}

/** The exercise in which each rule is written; null for rules every exercise relies on. */
const EXERCISE_OF_RULE: Record<Misconception['rule'], string | null> = {
  add: 'add',
  mul: 'mul',
  tanh: 'tanh',
  accumulation: 'accumulate',
  'chain rule': null,
  backward: null,
  operands: null,
  initialization: null,
  forward: null,
  neg: 'bonus-ops',
  sub: 'bonus-ops',
  pow: 'bonus-ops',
  exp: 'bonus-ops',
  relu: 'bonus-ops',
  // The second assignment's; its cases are explained in ./training-diagnose.ts.
  'training loop': null,
  parameters: null,
  loss: null,
};

const changes = new WeakMap<Tolerance, WeakMap<GraphSpec, Map<Candidate, boolean>>>();

/** Whether the member's mistake changes the case's numbers at all; the same for every submission with that graph. */
function changesCase(member: Candidate, c: CaseDef, tol: Tolerance): boolean {
  let byGraph = changes.get(tol);
  if (!byGraph) changes.set(tol, (byGraph = new WeakMap()));
  let byMember = byGraph.get(c.graph!);
  if (!byMember) byGraph.set(c.graph!, (byMember = new Map()));
  let changed = byMember.get(member);
  if (changed === undefined) byMember.set(member, (changed = differs(member, c, tol)));
  return changed;
}

function differs(member: Candidate, c: CaseDef, tol: Tolerance): boolean {
  const mutant = mutantNodes(member, c);
  const reference = referenceGraph(c);
  if (!mutant) return true;
  return reference.grad.some(
    (g, i) => !close(mutant.grad[i], g, tol) || !close(mutant.data[i], reference.data[i], tol),
  );
}

/** A failing case no named mistake explains; `common`: what the unexplained cases share (./common-ground.ts). */
export function unexplainedNote(c: CaseDef, judgement: Judgement, common: string): CaseNote {
  const where = c.visibility === 'visible' ? firstWrongNode(judgement) : '';
  return { ids: [], kind: 'unexplained', note: `${where}${common}`, hints: [] };
}

export function explainCase(c: CaseDef, candidate: Candidate, judgement: Judgement, tol: Tolerance): CaseNote {
  const responsible = candidate.members
    .filter((m) => changesCase(m, c, tol))
    .map((m) => MISCONCEPTION_BY_ID.get(m.ids[0])!);
  const causes = responsible.length > 0 ? responsible : candidate.ids.map((id) => MISCONCEPTION_BY_ID.get(id)!);
  const ownRule = causes.some((m) => EXERCISE_OF_RULE[m.rule] === c.exercise || EXERCISE_OF_RULE[m.rule] === null);
  const ids = causes.map((m) => m.id);
  const hints = causes.map((m) => m.hint);
  if (!ownRule) {
    const rules = [...new Set(causes.map((m) => m.rule))].join(' and ');
    return {
      ids,
      kind: 'prerequisite',
      note: `This ${c.exercise} case fails only because of your ${rules} rule (${ids.join(', ')}), not because of ${c.exercise}: fix ${rules} first.`,
      hints,
    };
  }
  return { ids, kind: 'explained', note: `Likely cause: ${causes.map((m) => m.title).join('; and ')}.`, hints };
}

function firstWrongNode(judgement: Judgement): string {
  const node = judgement.nodes?.find((n) => !n.ok && n.divergence) ?? judgement.nodes?.find((n) => !n.ok);
  return node ? `The first wrong gradient is at ${node.id}${node.op === 'leaf' ? '' : ` (${node.op})`}. ` : '';
}
