/**
 * Names the misconception behind a submission's wrong gradients by finding
 * the mutant whose gradients equal the student's on every case. Runs in the
 * trusted process on numbers already returned by the sandbox.
 */
import type { CaseDef } from '../cases/case-list.ts';
import type { Judgement } from '../04-compare/compare.ts';
import type { NodeArrays } from '../04-compare/reference.ts';
import { close, type Tolerance } from '../04-compare/tolerance.ts';
import { mutantNodes, pairCandidates, singleCandidates, type Candidate } from './candidates.ts';
import { explainCase, type CaseNote } from './notes.ts';

export interface Diagnosis {
  /** Misconception ids, in catalogue order. */
  ids: string[];
  /** True when one set of mistakes explains every compared case. */
  explainsAll: boolean;
  perCase: Map<string, CaseNote>;
}

type StudentNumbers = { data: Array<number | string>; grad: Array<number | string> };

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
  const compared = cases.filter((c) => c.graph && judged.get(c.id)?.student);
  const failing = compared.filter((c) => judged.get(c.id)!.status === 'fail');
  const perCase = new Map<string, CaseNote>();
  if (failing.length === 0) return { ids: [], explainsAll: true, perCase };
  // Failing cases first: most candidates are ruled out by the first of them.
  const bySize = (a: CaseDef, b: CaseDef) => size(a) - size(b);
  const ordered = [
    ...failing.sort(bySize),
    ...compared.filter((c) => judged.get(c.id)!.status !== 'fail').sort(bySize),
  ];
  const explains = (cand: Candidate) =>
    ordered.every((c) => sameAs(judged.get(c.id)!.student!, mutantNodes(cand, c), tol));
  const found = singleCandidates().filter(explains);
  const pair = found.length > 0 ? undefined : pairCandidates().find(explains);
  const best = pair ? [pair] : found;
  if (best.length > 0) {
    const winner = best[0];
    for (const c of failing) perCase.set(c.id, explainCase(c, winner, judged.get(c.id)!, tol));
    return { ids: orderIds(best.flatMap((b) => b.ids)), explainsAll: true, perCase };
  }
  // No single story fits everything: explain case by case where one mistake
  // matches exactly, and say plainly where none does.
  const ids: string[] = [];
  for (const c of failing) {
    const match = singleCandidates().find((cand) => sameAs(judged.get(c.id)!.student!, mutantNodes(cand, c), tol));
    const note = explainCase(c, match, judged.get(c.id)!, tol);
    perCase.set(c.id, note);
    ids.push(...note.ids);
  }
  return { ids: orderIds(ids), explainsAll: false, perCase };
}

function size(c: CaseDef): number {
  return c.graph!.nodes.length;
}

function orderIds(ids: string[]): string[] {
  const order = singleCandidates().map((c) => c.ids[0]);
  return [...new Set(ids)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
