/**
 * canvas-grades.csv, in the shape Canvas's gradebook import reads: the five
 * identity columns Canvas exports (Student, ID, SIS User ID, SIS Login ID,
 * Section), then one column per assignment named `Name (assignment id)`, and
 * a "Points Possible" row under the header as Canvas's own export has.
 *
 * Canvas matches rows to students by its identity columns, so the values
 * come from the roster (see docs/lms.md for the mapping). Without a roster,
 * or for a submission the roster does not list, the row carries only the
 * submission id as the name, and Canvas will report it as unmatched rather
 * than credit the wrong student. Roster students without a submission get no
 * row, so the import leaves their grade as it is.
 */
import { round2 } from '../results/points.ts';
import type { Results } from '../results/types.ts';
import { studentFor } from '../roster/match.ts';
import { csvCell } from './csv-reporter.ts';
import { defineReporter, inMemoryClass } from './define-reporter.ts';
import type { ClassResults } from './reporter.ts';

export const CANVAS_IDENTITY_COLUMNS = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'] as const;
export const DEFAULT_ASSIGNMENT_NAME = 'Backpropagation autograder';

/** `Backprop (1234)` when the Canvas assignment id is known; a bare name makes Canvas create a new column. */
export function canvasAssignmentHeader(assignment: { name: string; id?: string } | undefined): string {
  const name = (assignment?.name ?? DEFAULT_ASSIGNMENT_NAME).trim() || DEFAULT_ASSIGNMENT_NAME;
  return assignment?.id ? `${name} (${assignment.id})` : name;
}

/** Points for the gradebook: the required score plus any bonus, so extra credit reaches the LMS. */
export function canvasPoints(s: { score: number; bonus: number }): number {
  return round2(s.score + s.bonus);
}

export function canvasRows(
  results: Results,
  assignment?: { name: string; id?: string },
): Array<Array<string | number>> {
  return [...canvasRowsOf(inMemoryClass(results), assignment)];
}

function* canvasRowsOf(
  run: ClassResults,
  assignment?: { name: string; id?: string },
): Generator<Array<string | number>> {
  let possible = 0;
  for (const s of run.summaries()) possible = Math.max(possible, s.maxScore);
  yield [...CANVAS_IDENTITY_COLUMNS, canvasAssignmentHeader(assignment)];
  yield ['Points Possible', '', '', '', '', possible];
  for (const s of run.summaries()) {
    const student = studentFor(run.roster, s.id);
    yield student
      ? [
          student.name,
          student.canvasId ?? '',
          student.studentId,
          student.email ?? '',
          student.section ?? '',
          canvasPoints(s),
        ]
      : [s.id, '', '', '', '', canvasPoints(s)];
  }
}

function* canvasLines(run: ClassResults, assignment?: { name: string; id?: string }): Generator<string> {
  for (const row of canvasRowsOf(run, assignment)) yield `${row.map(csvCell).join(',')}\n`;
}

export const canvasReporter = defineReporter({
  name: 'canvas',
  description: 'canvas-grades.csv, for Canvas gradebook import (names and ids from --roster)',
  finish: (run, context) => [{ path: 'canvas-grades.csv', content: canvasLines(run, context.assignment) }],
});
