/**
 * Why a final score differs from the grader's own (autoScore): the late
 * penalty and each manual override, in the order they were applied. One
 * wording for grades.csv, the Gradescope output and the HTML report, so they
 * agree.
 */
import { round2 } from '../results/points.ts';
import type { SubmissionResult } from '../results/types.ts';

const signed = (x: number) => (x >= 0 ? `+${round2(x)}` : `−${round2(-x)}`);
const withComment = (comment: string) => (comment ? `: ${comment}` : '');

/** "2 days late" style duration for the late line. */
export function lateDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = minutes / 60;
  if (hours < 48) return `${round2(hours)} hour${hours === 1 ? '' : 's'}`;
  return `${round2(hours / 24)} days`;
}

export interface ScoreReason {
  /** Points it changed the score by (test overrides: the test's change). */
  delta: number;
  text: string;
}

export function scoreReasons(s: SubmissionResult): ScoreReason[] {
  const reasons: ScoreReason[] = [];
  for (const o of s.overrides ?? []) {
    if (o.test === null) continue;
    const delta = o.points - (o.previousPoints ?? 0);
    reasons.push({
      delta,
      text: `override of ${o.test}, ${round2(o.previousPoints ?? 0)} → ${round2(o.points)} points (${signed(delta)})${withComment(o.comment)}`,
    });
  }
  if (s.late) {
    const due = s.late.due.replace(/:00(\.000)?Z$/, 'Z');
    reasons.push({
      delta: -s.late.penaltyPoints,
      text: `late: ${lateDuration(s.late.minutes)} after the due date ${due}, ${s.late.days} day${s.late.days === 1 ? '' : 's'} charged, ${s.late.percent}% off (${signed(-s.late.penaltyPoints)})`,
    });
  }
  for (const o of s.overrides ?? []) {
    if (o.test !== null) continue;
    reasons.push({ delta: o.points, text: `adjustment (${signed(o.points)})${withComment(o.comment)}` });
  }
  const unclamped = round2((s.autoScore ?? s.score) + reasons.reduce((sum, r) => sum + r.delta, 0));
  if (reasons.length > 0 && unclamped !== s.score)
    reasons.push({ delta: s.score - unclamped, text: `kept within 0 to ${round2(s.maxScore)} points` });
  return reasons;
}

/** One line for a CSV cell: the reasons joined, or empty when the score is the grader's own. */
export function scoreNote(s: SubmissionResult): string {
  return scoreReasons(s)
    .map((r) => r.text)
    .join('; ');
}
