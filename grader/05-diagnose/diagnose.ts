/**
 * Names the misconception behind a submission's wrong gradients by finding
 * the mutant whose gradients equal the student's on every case. Runs in the
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
import { explainCase, type CaseNote } from './notes.ts';
import { failsOnNumbers, NUMBER_OPERAND, numberOperandNote, crashesOnlyWithNumbers } from './number-operands.ts';
import { overflowsOnDepth, RECURSION_TOO_DEEP, recursionNote } from './recursion-depth.ts';

export interface Diagnosis {
  /** Misconception ids, in catalogue order. */
  ids: string[];
  /** True when one set of mistakes explains every compared case. */
  explainsAll: boolean;
  perCase: Map<string, CaseNote>;
}

type StudentNumbers = { data: Array<number | string>; grad: Array<number | string> };
type Item = { c: CaseDef; j: Judgement; student: StudentNumbers };

// The sandbox sends non-finite numbers as 'NaN', 'Infinity' or '-Infinity'
// (JSON has no such numbers), so a mutant's overflow is matched by name.
const eq = (a: number | string, b: number, tol: Tolerance) => (Number.isFinite(b) ? close(a, b, tol) : a === String(b));

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
    } else if (c.graph && j.student) items.push({ c, j, student: j.student });
  }
  const failing: Item[] = [];
  for (const item of items.filter((i) => i.j.status === 'fail')) {
    if (!hasWrongValue(item.j, tol)) failing.push(item);
    else {
      found.add(WRONG_FORWARD_VALUE);
      if (!perCase.has(item.c.id)) perCase.set(item.c.id, forwardValueNote(item.c, item.j, tol));
    }
  }
  const compared = items.filter((i) => i.j.status !== 'fail' || failing.includes(i));
  if (failing.length === 0) return { ids: orderIds([...found]), explainsAll: true, perCase };
  // Failing cases first: most candidates are ruled out by the first of them.
  const bySize = (a: Item, b: Item) => a.c.graph!.nodes.length - b.c.graph!.nodes.length;
  const ordered = [...failing.sort(bySize), ...compared.filter((i) => !failing.includes(i)).sort(bySize)];
  const explains = (cand: Candidate) => ordered.every((i) => sameAs(i.student, mutantNodes(cand, i.c), tol));
  const singles = singleCandidates().filter(explains);
  const pair = singles.length > 0 ? undefined : pairCandidates().find(explains);
  const best = pair ? [pair] : singles;
  const noteFor = (i: Item, note: CaseNote) => perCase.set(i.c.id, note);
  if (best.length > 0) {
    for (const i of failing) noteFor(i, explainCase(i.c, best[0], i.j, tol));
    return { ids: orderIds([...found, ...best.flatMap((b) => b.ids)]), explainsAll: true, perCase };
  }
  // No single story fits everything: explain case by case where one mistake
  // matches exactly, and say plainly where none does.
  const ids = [...found];
  for (const i of failing) {
    const match = singleCandidates().find((cand) => sameAs(i.student, mutantNodes(cand, i.c), tol));
    const note = explainCase(i.c, match, i.j, tol);
    noteFor(i, note);
    ids.push(...note.ids);
  }
  return { ids: orderIds(ids), explainsAll: false, perCase };
}

function orderIds(ids: string[]): string[] {
  const order = MISCONCEPTIONS.map((m) => m.id);
  const rank = (id: string) => order.indexOf(id);
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b));
}
