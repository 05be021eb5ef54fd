/**
 * The instructor's term applied to one graded result, in a fixed order:
 * test overrides, then the late penalty, then adjustments of the total, then
 * a clamp to [0, maxScore]. Pure: the graded (possibly cached) result is not
 * changed, a new one is returned. `autoScore` keeps what the grader gave.
 */
import type { LatePolicy } from '../config/types.ts';
import { round2 } from '../results/points.ts';
import type { AppliedOverride, SubmissionResult } from '../results/types.ts';
import { lateness } from './late.ts';
import type { Override } from './overrides.ts';
import type { SubmissionTime } from './submitted-at.ts';

export interface TermInputs {
  time: SubmissionTime;
  /** The student's due date (an extension, or the config's), when there is one. */
  due?: string;
  late?: LatePolicy;
  overrides: Override[];
}

export interface Applied {
  result: SubmissionResult;
  /** Things the instructor should know, each naming the submission. */
  warnings: string[];
}

export function applyTerm(graded: SubmissionResult, inputs: TermInputs): Applied {
  const warnings: string[] = [];
  const applied: AppliedOverride[] = [];
  const byTest = new Map(inputs.overrides.filter((o) => o.test !== null).map((o) => [o.test!, o]));
  const tests = graded.tests.map((t) => {
    const o = byTest.get(t.id);
    if (!o) return t;
    byTest.delete(t.id);
    if (o.points > t.maxPoints)
      warnings.push(
        `${graded.id}: override on line ${o.line} gives ${t.id} ${o.points} points, above its ${t.maxPoints}`,
      );
    applied.push({ line: o.line, test: t.id, points: o.points, previousPoints: t.points, comment: o.comment });
    return { ...t, points: o.points, override: { previousPoints: t.points, comment: o.comment } };
  });
  for (const o of byTest.values())
    warnings.push(`${graded.id}: override on line ${o.line} names test ${o.test}, which this submission did not run`);
  const sum = (kind: 'required' | 'bonus') =>
    round2(tests.filter((t) => t.kind === kind).reduce((s, t) => s + t.points, 0));
  const changedTests = applied.length > 0;
  let score = changedTests ? sum('required') : graded.score;
  const bonus = changedTests ? sum('bonus') : graded.bonus;

  const late = inputs.late && inputs.due ? lateness(inputs.time.submittedAt, inputs.due, inputs.late, score) : null;
  if (late) score = round2(score - late.penaltyPoints);

  for (const o of inputs.overrides.filter((x) => x.test === null)) {
    applied.push({ line: o.line, test: null, points: o.points, comment: o.comment });
    score = round2(score + o.points);
  }
  score = Math.min(Math.max(score, 0), graded.maxScore);
  return {
    result: {
      ...graded,
      score,
      bonus,
      tests,
      autoScore: graded.score,
      submittedAt: inputs.time.submittedAt,
      submittedFrom: inputs.time.submittedFrom,
      late,
      overrides: applied,
    },
    warnings,
  };
}
