/**
 * The `html` reporter: teaching feedback as self-contained HTML pages (inline
 * CSS and SVG, no network, readable without JavaScript).
 *
 * Layout of the output folder:
 *   --audience instructor (default)
 *     index.html                  class overview, linking every submission page
 *     submissions/<name>.html     the full report: hidden values, node tables, graphs
 *     feedback/<name>.html        what the student may see, ready to hand out
 *   --audience student
 *     feedback/<name>.html        only these: no index (it would list the whole
 *                                 class) and no instructor pages, so the folder
 *                                 can be published or mailed out page by page
 *
 * <name> is a slug of the submission id plus a short hash (grader/results/page-names.ts).
 */
import type { ResultsHeader, SubmissionResult } from '../../results/types.ts';
import { timeStage } from '../../stage-clock.ts';
import { defineReporter } from '../define-reporter.ts';
import type { ClassResults, OutputFile, RenderContext } from '../reporter.ts';
import { drawCase } from './graph-render.ts';
import { overviewOf } from './overview-view.ts';
import { feedbackPath, submissionPath } from '../../results/page-names.ts';
import { buildSubmission, type Drawings } from './submission-view.ts';
import { templates } from './templates.ts';
import { concealsDetails } from '../visibility.ts';

/** Nothing may be fetched and nothing may run, except the one hashed sorting script on the overview. */
export function contentSecurityPolicy(scriptSource = "'none'"): string {
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptSource}; base-uri 'none'; form-action 'none'`;
}

/** Draws every failed graph case of one submission that its pages will show, each once. */
async function drawings(s: SubmissionResult, run: ResultsHeader, context: RenderContext): Promise<Drawings> {
  const drawn: Drawings = new Map();
  for (const test of s.tests) {
    if (test.status === 'pass' || !test.nodes?.length) continue;
    // In a student-only run, a hidden case's values are not even laid out.
    if (concealsDetails(test, run, context)) continue;
    drawn.set(test, await drawCase(test.nodes, run.config.tolerance, test.nodesOmitted ?? 0));
  }
  return drawn;
}

/** One submission's pages, written as its result arrives; its drawings are dropped with it. */
async function submissionPages(s: SubmissionResult, run: ResultsHeader, context: RenderContext): Promise<OutputFile[]> {
  const t = await templates();
  const drawn = await drawings(s, run, context);
  // Timed here for the stage profile: the part that runs once the drawings are in (see ../class-output.ts).
  return timeStage('write', () => {
    const noScript = contentSecurityPolicy();
    const student: RenderContext = { audience: 'student', now: context.now };
    const files: OutputFile[] = [];
    if (context.audience === 'instructor')
      files.push({
        path: submissionPath(s.id),
        content: t.submission({ ...buildSubmission(run, s, context, drawn), csp: noScript }),
      });
    files.push({
      path: feedbackPath(s.id),
      content: t.submission({ ...buildSubmission(run, s, student, drawn), csp: noScript }),
    });
    return files;
  });
}

/** The class overview, from the summaries; a student-only run has none (it would list the whole class). */
async function overviewPage(run: ClassResults, context: RenderContext): Promise<OutputFile[]> {
  if (context.audience !== 'instructor') return [];
  const t = await templates();
  return [
    { path: 'index.html', content: t.overview({ ...overviewOf(run), csp: contentSecurityPolicy(t.sortScriptHash) }) },
  ];
}

export const htmlReporter = defineReporter({
  name: 'html',
  description: 'index.html class overview, a report page per submission, and student feedback pages',
  submission: submissionPages,
  finish: overviewPage,
});

export const renderHtml = htmlReporter.render;
