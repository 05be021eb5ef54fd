/**
 * The outputs of `grader gradescope run` as reporters (see
 * ./submission-reporter.ts): Gradescope's results.json, checked against its
 * schema, and the log on the autograder's stdout, which Gradescope shows to
 * instructors only (stdout_visibility is hidden), so it holds every failing
 * case's full detail.
 */
import { GraderError, locatedMessage } from '../errors.ts';
import { check } from '../schema.ts';
import { terminalText } from '../terminal-text.ts';
import { renderGradescope, type GradescopeOptions } from './gradescope-results.ts';
import { defineSubmissionReporter } from './submission-reporter.ts';

export const gradescopeReporter = defineSubmissionReporter<GradescopeOptions>({
  name: 'gradescope',
  description: "Gradescope's results.json (the autograder specification's format)",
  render: ({ submission }, options) => {
    const output = renderGradescope(submission, options);
    const problems = check('gradescope-results', output, 'results.json: $');
    if (problems.length > 0)
      throw new GraderError('E_SCHEMA', 'the Gradescope results do not match their schema (a grader bug)', {
        details: problems.slice(0, 10),
      });
    return `${JSON.stringify(output, null, 2)}\n`;
  },
});

export const gradescopeLogReporter = defineSubmissionReporter<Record<string, never>>({
  name: 'gradescope-log',
  description: "The autograder's stdout on Gradescope, for instructors: the score and every failing case in full",
  render: ({ submission: s }) => {
    const lines = [`${terminalText(s.id)}: ${s.status}, ${s.score}/${s.maxScore}, bonus ${s.bonus}/${s.maxBonus}`];
    for (const e of s.errors) lines.push(`  ${e.code}: ${terminalText(locatedMessage(e))}`);
    for (const t of s.tests.filter((x) => x.status !== 'pass' && x.status !== 'not-attempted'))
      lines.push(`  ${t.status} ${terminalText(t.id)}: ${terminalText(t.detail ?? '')}`);
    return lines.map((line) => `${line}\n`).join('');
  },
});
