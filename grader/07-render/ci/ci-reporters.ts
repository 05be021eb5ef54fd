/**
 * The outputs of `grader ci` as reporters (see ../submission-reporter.ts):
 * GitHub's job summary, GitHub's annotations on the student's files, and the
 * report for a person at a terminal. Each wraps its renderer in this folder.
 */
import { defineSubmissionReporter } from '../submission-reporter.ts';
import { renderAnnotations, type AnnotationContext } from './annotations.ts';
import { renderConsoleReport } from './console.ts';
import { renderJobSummary } from './summary.ts';

export const githubSummaryReporter = defineSubmissionReporter<{ now: Date }>({
  name: 'github-summary',
  description: "GitHub Actions' job summary, in Markdown (appended to $GITHUB_STEP_SUMMARY)",
  render: ({ results, submission }, { now }) => renderJobSummary(results, submission, now),
});

export const githubAnnotationsReporter = defineSubmissionReporter<AnnotationContext>({
  name: 'github-annotations',
  description: "GitHub Actions' workflow commands that annotate the student's files, one a line",
  render: ({ results, submission }, context) =>
    renderAnnotations(results, submission, context)
      .map((line) => `${line}\n`)
      .join(''),
});

export const consoleReporter = defineSubmissionReporter<{ now: Date }>({
  name: 'console',
  description: 'The report for a person at a terminal: score, problems, hints, each case that did not pass',
  render: ({ results, submission }, { now }) => renderConsoleReport(results, submission, now),
});
