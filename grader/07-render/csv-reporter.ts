/**
 * grades.csv: one row per submission with stable columns, for spreadsheets
 * and learning management systems. Cells are quoted as RFC 4180 asks (and
 * also when they hold `;` or a tab), and = + - @ is defused wherever a
 * spreadsheet splitting at `,`, `;` or a tab would start a cell, so that none
 * runs a formula from a student-chosen folder name or profile name.
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

/**
 * Wherever a spreadsheet might start a cell: the cell's start, and after any
 * separator a locale may split at (`,` `;` a tab) or a line break, past spaces
 * and quotes. A formula character there gets a `'` in front.
 */
const CELL_START = /(^|[,;\t\r\n])([ "]*)(?=[=+\-@\t\r])/g;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string') text = text.replace(CELL_START, "$1$2'");
  // Quoted when it holds any separator, so that a reader splitting at `;` or a tab keeps it whole too.
  return /[",;\t\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
