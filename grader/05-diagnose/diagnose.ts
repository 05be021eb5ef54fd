/**
 * Names the misconception behind a submission's wrong gradients by finding
 * the mutants whose gradients equal the student's on every case of their own
 * rule (./naming-rule.ts); failing cases none explains are described by what
 * they have in common (./common-ground.ts), never by a guess. Runs in the
 * trusted process on numbers already returned by the sandbox. Two mistakes
 * no mutant can reproduce are found first and set aside: plain numbers used
 * as Values (./number-operands.ts) and wrong forward values (./forward-values.ts);
 * so is a recursion that overflows the call stack on a long chain (./recursion-depth.ts).
 */
import type { CaseDef } from '../cases/case-list.ts';
import type { Judgement } from '../04-compare/compare.ts';
import type { NodeArrays } from '../04-compare/reference.ts';
import { close, type Tolerance } from '../04-compare/tolerance.ts';
import { mutantNodes, pairCandidates, singleCandidates, type Candidate } from './candidates.ts';
import { forwardValueNote, hasWrongValue, WRONG_FORWARD_VALUE } from './forward-values.ts';
import { MISCONCEPTIONS } from './misconceptions.ts';
import { explainCase, unexplainedNote, type CaseNote } from './notes.ts';
import { commonGround, commonGroundNote } from './common-ground.ts';
import { fitsItsRule } from './naming-rule.ts';
import { failsOnNumbers, NUMBER_OPERAND, numberOperandNote, crashesOnlyWithNumbers } from './number-operands.ts';
import { overflowsOnDepth, RECURSION_TOO_DEEP, recursionNote } from './recursion-depth.ts';

export interface Diagnosis {
  /** Misconception ids, in catalogue order. */
  ids: string[];
  /** True when the named mistakes explain every failing case. */
  explainsAll: boolean;
  perCase: Map<string, CaseNote>;
}

type StudentNumbers = { data: Array<number | string>; grad: Array<number | string> };
type Item = {
  c: CaseDef;
  j: Judgement;
  student: StudentNumbers;
  /** Whether each candidate asked so far reproduces this case: the naming rule asks, then matching each failing case asks again. */
  matched: Map<Candidate, boolean>;
};

// The sandbox sends non-finite numbers as 'NaN', 'Infinity' or '-Infinity'
// (JSON has no such numbers), so a mutant's overflow is matched by name; what
// is no number at all ('not a number (undefined)', a grad never set) is NaN
// to a mutant, whose numbers are read with Number().
const eq = (a: number | string, b: number, tol: Tolerance) =>
  Number.isFinite(b)
    ? close(a, b, tol)
    : a === String(b) || (Number.isNaN(b) && typeof a === 'string' && a.startsWith('not a number'));

function sameAs(student: StudentNumbers, mutant: NodeArrays | null, tol: Tolerance): boolean {
  if (!mutant) return false;
  for (let i = 0; i < mutant.data.length; i++) {
    if (!eq(student.data[i], mutant.data[i], tol) || !eq(student.grad[i], mutant.grad[i], tol)) return false;
  }
  return true;
}

export function diagnose(cases: CaseDef[], judged: Map<string, Judgement>, tol: Tolerance): Diagnosis {
  const perCase = new Map<string, CaseNote>();
  const found = new Set<string>();
  const items: Item[] = [];
  const cleanRun = crashesOnlyWithNumbers(cases, judged);
  for (const c of cases) {
    const j = judged.get(c.id)!;
    if (overflowsOnDepth(c, cases, judged)) {
      perCase.set(c.id, recursionNote());
      found.add(RECURSION_TOO_DEEP);
    } else if (failsOnNumbers(c, j, cleanRun, tol)) {
      // Set aside: what else is wrong shows in the cases a plain number does not spoil.
      perCase.set(c.id, numberOperandNote(j));
      found.add(NUMBER_OPERAND);
    } else if (c.graph && j.student) items.push({ c, j, student: j.student, matched: new Map() });
  }
  const failing: Item[] = [];
  for (const item of items.filter((i) => i.j.status === 'fail')) {
    if (!hasWrongValue(item.j, tol)) failing.push(item);
    else {
      found.add(WRONG_FORWARD_VALUE);
      if (!perCase.has(item.c.id)) perCase.set(item.c.id, forwardValueNote(item.c, item.j, tol));
    }
  }
  const isFailing = new Set(failing);
  const compared = items.filter((i) => i.j.status !== 'fail' || isFailing.has(i));
  if (failing.length === 0) return { ids: orderIds([...found]), explainsAll: true, perCase };
  // Failing cases first: most candidates are ruled out by the first of them.
  const bySize = (a: Item, b: Item) => a.c.graph!.nodes.length - b.c.graph!.nodes.length;
  const ordered = [...failing.sort(bySize), ...compared.filter((i) => !isFailing.has(i)).sort(bySize)];
  const matches = (cand: Candidate, i: Item) => {
    let same = i.matched.get(cand);
    if (same === undefined) i.matched.set(cand, (same = sameAs(i.student, mutantNodes(cand, i.c), tol)));
    return same;
  };
  const ruleCases = ordered.map((i) => ({ item: i, graph: i.c.graph!, failing: isFailing.has(i) }));
  // The naming rule (./naming-rule.ts): a mistake is named only when it explains every case of its own rule.
  const fits = (cand: Candidate) => fitsItsRule(cand.flaws, ruleCases, (rc) => matches(cand, rc.item));
  const named: Candidate[] = singleCandidates().filter(fits);
  const matchedBy = (i: Item) => named.find((cand) => matches(cand, i));
  if (failing.some((i) => !matchedBy(i))) {
    // Two mistakes at once: a pair may explain what no single one does.
    const pair = pairCandidates().find((cand) => !cand.members.every((m) => named.includes(m)) && fits(cand));
    if (pair) named.unshift(pair);
  }
  const unexplained = failing.filter((i) => !matchedBy(i));
  for (const i of failing) {
    const match = matchedBy(i);
    if (match) perCase.set(i.c.id, explainCase(i.c, match, i.j, tol));
  }
  if (unexplained.length > 0) {
    const passing = compared.filter((i) => !isFailing.has(i)).map((i) => i.c.graph!);
    const note = commonGroundNote(
      commonGround(
        unexplained.map((i) => i.c.graph!),
        passing,
      ),
      unexplained.length < failing.length,
    );
    for (const i of unexplained) perCase.set(i.c.id, unexplainedNote(i.c, i.j, note));
  }
  const ids = [...found, ...named.flatMap((cand) => cand.ids)];
  return { ids: orderIds(ids), explainsAll: unexplained.length === 0, perCase };
}

function orderIds(ids: string[]): string[] {
  const order = MISCONCEPTIONS.map((m) => m.id);
  const rank = (id: string) => order.indexOf(id);
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b));
}
