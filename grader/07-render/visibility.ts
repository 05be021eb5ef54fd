/**
 * What a student may see of a case. Hidden cases, and after_due_date cases
 * before the due date, show only their outcome, points, the student-safe
 * message, the note and the hints: never `detail`, `nodes` or a drawing,
 * which name the case's inputs and expected values. With no due date in the
 * config an after_due_date case stays concealed (fail closed).
 */
import type { ResultsHeader, TestResult } from '../results/types.ts';
import type { RenderContext } from './reporter.ts';

export function concealsDetails(test: TestResult, results: ResultsHeader, context: RenderContext): boolean {
  if (context.audience === 'instructor') return false;
  return concealedFromStudents(test, results, context.now);
}

/** Whether students are kept from the case's details now, whoever is reading. */
export function concealedFromStudents(test: TestResult, results: ResultsHeader, now: Date): boolean {
  if (test.visibility === 'visible') return false;
  if (test.visibility === 'after_due_date') {
    const due = results.config.dueDate ? Date.parse(results.config.dueDate) : Number.NaN;
    return !(now.getTime() >= due);
  }
  return true;
}

export function visibilityLabel(test: TestResult, results: ResultsHeader, now: Date): string {
  if (test.visibility === 'hidden') return 'hidden from students';
  if (test.visibility === 'after_due_date')
    return concealedFromStudents(test, results, now)
      ? 'shown to students after the due date'
      : 'visible (due date passed)';
  return '';
}
