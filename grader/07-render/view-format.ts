/**
 * Number and label formatting shared by the view models (the report's pages,
 * and any other output that shows a value to a person), so that every page
 * prints a value the same way and templates never format anything.
 */
import { show } from '../04-compare/tolerance.ts';
import { MISCONCEPTION_BY_ID } from '../05-diagnose/misconceptions.ts';
import { round2 } from '../results/points.ts';
import type { SubmissionResult, SubmissionStatus, TestStatus } from '../results/types.ts';

/** A student or reference value as the grader's messages print it (never rounds 1.9999 to 2). */
export function num(value: number | string): string {
  return show(value);
}

/** Whole percent, as people read a grade; 0 when nothing could be earned. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}

/** Points can be fractional (partial credit); show at most two decimals. */
export function points(value: number): string {
  return String(round2(value));
}

export interface StatusBadge {
  /** The word, so that status never depends on colour alone. */
  label: string;
  icon: string;
  /** CSS class: st-pass | st-fail | st-error | st-timeout | st-partial. */
  css: string;
}

const TEST_BADGES: Record<TestStatus, StatusBadge> = {
  pass: { label: 'Passed', icon: '✓', css: 'st-pass' },
  fail: { label: 'Failed', icon: '✗', css: 'st-fail' },
  error: { label: 'Error', icon: '!', css: 'st-error' },
  timeout: { label: 'Timed out', icon: '◷', css: 'st-timeout' },
  'not-attempted': { label: 'Not attempted', icon: '–', css: 'st-skipped' },
};

export function testBadge(status: TestStatus, notAttempted = false): StatusBadge {
  return TEST_BADGES[notAttempted ? 'not-attempted' : status];
}

/** A graded submission is judged by its score; error and timeout by their status. */
export function submissionBadge(status: SubmissionStatus, score: number, maxScore: number): StatusBadge {
  if (status === 'error') return { label: 'Could not load', icon: '!', css: 'st-error' };
  if (status === 'timeout') return { label: 'Timed out', icon: '◷', css: 'st-timeout' };
  if (maxScore > 0 && score >= maxScore) return { label: 'Full marks', icon: '✓', css: 'st-pass' };
  if (score > 0) return { label: 'Partial', icon: '◐', css: 'st-partial' };
  return { label: 'No points', icon: '✗', css: 'st-fail' };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A misconception's title from the catalogue, or from a diagnosis that named it, or its id. */
export function misconceptionTitle(id: string, submissions: SubmissionResult[] = []): string {
  return (
    MISCONCEPTION_BY_ID.get(id)?.title ?? submissions.flatMap((s) => s.diagnoses).find((d) => d.id === id)?.title ?? id
  );
}

/** "2026-11-26 12:32 UTC": one unambiguous form, whatever the grading machine's locale. */
export function readableTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
