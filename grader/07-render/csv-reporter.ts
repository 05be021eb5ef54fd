/**
 * grades.csv: one row per submission with stable columns, for spreadsheets
 * and learning management systems. Cells are quoted as RFC 4180 asks, and a
 * leading = + - @ is defused so that a spreadsheet never runs a formula from
 * a student-chosen folder name.
 */
import { scorePercent } from '../results/points.ts';
import type { Results, SubmissionResult } from '../results/types.ts';
import { studentFor } from '../roster/match.ts';
import { defineReporter } from './define-reporter.ts';
import type { ClassResults } from './reporter.ts';
import { scoreNote } from './score-reasons.ts';

export const CSV_COLUMNS = [
  'id',
  'status',
  'score',
  'max_score',
  'percent',
  'bonus',
  'max_bonus',
  'misconceptions',
  'errors',
] as const;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(s: SubmissionResult): Array<string | number> {
  return [
    s.id,
    s.status,
    s.score,
    s.maxScore,
    scorePercent(s.score, s.maxScore),
    s.bonus,
    s.maxBonus,
    s.misconceptions.join(' '),
    s.errors.map((e) => e.code).join(' '),
  ];
}

export function csvRows(results: Results): Array<Array<string | number>> {
  return results.submissions.map(csvRow);
}

/**
 * The instructor's term, after the other columns: the grader's own score, when the submission was
 * handed in (and by whose record), the late penalty, and why `score` differs from `auto_score`.
 */
export const TERM_COLUMNS = ['auto_score', 'submitted_at', 'submitted_from', 'late_penalty', 'score_note'] as const;

function termCells(s: SubmissionResult): Array<string | number> {
  return [s.autoScore ?? s.score, s.submittedAt ?? '', s.submittedFrom ?? '', s.late?.penaltyPoints ?? 0, scoreNote(s)];
}

/** Only with a roster: appended after the stable columns, so scripts reading those by position keep working. */
export const ROSTER_COLUMNS = ['student_id', 'name'] as const;

function* csvLines(run: ClassResults): Generator<string> {
  const header = [...CSV_COLUMNS, ...(run.roster ? ROSTER_COLUMNS : []), ...TERM_COLUMNS];
  yield `${header.join(',')}\n`;
  for (const s of run.summaries()) {
    const row = csvRow(s);
    if (run.roster) {
      const student = studentFor(run.roster, s.id);
      row.push(student?.studentId ?? '', student?.name ?? '');
    }
    row.push(...termCells(s));
    yield `${row.map(csvCell).join(',')}\n`;
  }
}

export const csvReporter = defineReporter({
  name: 'csv',
  description: 'grades.csv, one row per submission',
  finish: (run) => [{ path: 'grades.csv', content: csvLines(run) }],
});
