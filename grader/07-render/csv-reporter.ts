/**
 * grades.csv: one row per submission with stable columns, for spreadsheets
 * and learning management systems. Cells are quoted as RFC 4180 asks, and a
 * leading = + - @ is defused so that a spreadsheet never runs a formula from
 * a student-chosen folder name.
 */
import { scorePercent } from '../results/points.ts';
import type { Results, SubmissionResult } from '../results/types.ts';
import { studentFor } from '../roster/match.ts';
import type { Reporter } from './reporter.ts';
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

export function csvRows(results: Results): Array<Array<string | number>> {
  return results.submissions.map((s) => [
    s.id,
    s.status,
    s.score,
    s.maxScore,
    scorePercent(s.score, s.maxScore),
    s.bonus,
    s.maxBonus,
    s.misconceptions.join(' '),
    s.errors.map((e) => e.code).join(' '),
  ]);
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

function withRoster(results: Results, rows: Array<Array<string | number>>): Array<Array<string | number>> {
  if (!results.roster) return rows;
  return rows.map((row, i) => {
    const student = studentFor(results.roster, results.submissions[i].id);
    return [...row, student?.studentId ?? '', student?.name ?? ''];
  });
}

export const csvReporter: Reporter = {
  name: 'csv',
  description: 'grades.csv, one row per submission',
  render(results: Results) {
    const header = [...CSV_COLUMNS, ...(results.roster ? ROSTER_COLUMNS : []), ...TERM_COLUMNS];
    const rows = withRoster(results, csvRows(results)).map((row, i) => [...row, ...termCells(results.submissions[i])]);
    const lines = [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))];
    return [{ path: 'grades.csv', content: `${lines.join('\n')}\n` }];
  },
};
