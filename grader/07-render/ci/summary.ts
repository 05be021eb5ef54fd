/**
 * The Markdown job summary for one submission, appended to the file named by
 * $GITHUB_STEP_SUMMARY. It is read by whoever can see the workflow run, which
 * on a student's pull request means the student: hidden cases (and
 * after_due_date cases before the due date) show only their name, outcome,
 * points and the student-safe message, never the instructor's detail or the
 * per-case note.
 */
import type { ResultsHeader, SubmissionResult, TestResult } from '../../results/types.ts';
import { concealedFromStudents } from '../visibility.ts';
import { plural } from '../view-format.ts';
import { errorList, hintList, mdCell, mdText, scoreLine, statusIcon, statusWord } from './markdown.ts';

const STATUS_LINE: Record<SubmissionResult['status'], string> = {
  graded: 'graded',
  error: '⚠️ some files could not be loaded, so the cases that need them did not run',
  timeout: '⏱️ stopped: it ran out of time',
};

export function renderJobSummary(results: ResultsHeader, submission: SubmissionResult, now: Date): string {
  const lines = [
    `## gradelab: ${mdText(submission.id)}`,
    '',
    `Score: ${scoreLine(submission)}  `,
    `Status: ${STATUS_LINE[submission.status]}`,
    '',
  ];
  if (submission.errors.length > 0) lines.push('### Problems loading your files', '', ...errorList(submission), '');
  if (submission.diagnoses.length > 0) lines.push('### Likely misconceptions', '', ...hintList(submission), '');
  const required = submission.tests.filter((t) => t.kind === 'required');
  const bonus = submission.tests.filter((t) => t.kind === 'bonus');
  if (required.length > 0)
    lines.push(
      `### Cases (${countPassed(required)} of ${required.length} passed)`,
      '',
      ...caseTable(required, results, now),
      '',
    );
  if (bonus.length > 0)
    lines.push(
      `### Bonus cases (${countPassed(bonus)} of ${bonus.length} passed)`,
      '',
      ...caseTable(bonus, results, now),
      '',
    );
  const concealed = submission.tests.filter((t) => concealedFromStudents(t, results, now)).length;
  const footer =
    concealed > 0
      ? `🔒 ${plural(concealed, 'hidden case')} ${concealed === 1 ? 'shows' : 'show'} only ${concealed === 1 ? 'its' : 'their'} outcome and a short message. `
      : '';
  lines.push(`<sub>${footer}${mdText(results.grader.name)} ${mdText(results.grader.version)}</sub>`, '');
  return lines.join('\n');
}

function countPassed(tests: TestResult[]): number {
  return tests.filter((t) => t.status === 'pass').length;
}

function caseTable(tests: TestResult[], results: ResultsHeader, now: Date): string[] {
  const rows = tests.map((t) => {
    const concealed = concealedFromStudents(t, results, now);
    const name = `${concealed ? '🔒 ' : ''}${mdCell(t.name)}`;
    const note = !concealed && t.note && t.status !== 'pass' ? `<br>*${mdCell(t.note)}*` : '';
    return `| ${statusIcon(t)} ${statusWord(t)} | ${name} | ${t.points} / ${t.maxPoints} | ${mdCell(t.message)}${note} |`;
  });
  return ['| Result | Case | Points | Message |', '| --- | --- | ---: | --- |', ...rows];
}
