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
 * <name> is a slug of the submission id plus a short hash (./safe-names.ts).
 */
import type { Results } from '../../results/types.ts';
import type { OutputFile, RenderContext, Reporter } from '../reporter.ts';
import { drawCase } from './graph-render.ts';
import { buildOverview } from './overview-view.ts';
import { feedbackPath, submissionPath } from './safe-names.ts';
import { buildSubmission, type Drawings } from './submission-view.ts';
import { templates } from './templates.ts';
import { concealsDetails } from '../visibility.ts';

/** Nothing may be fetched and nothing may run, except the one hashed sorting script on the overview. */
export function contentSecurityPolicy(scriptSource = "'none'"): string {
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptSource}; base-uri 'none'; form-action 'none'`;
}

/** Draws every failed graph case some page of this run will show, each once. */
async function drawings(results: Results, context: RenderContext): Promise<Drawings> {
  const drawn: Drawings = new Map();
  const tol = results.config.tolerance;
  for (const s of results.submissions) {
    for (const test of s.tests) {
      if (test.status === 'pass' || !test.nodes?.length) continue;
      // In a student-only run, a hidden case's values are not even laid out.
      if (concealsDetails(test, results, context)) continue;
      drawn.set(test, await drawCase(test.nodes, tol, test.nodesOmitted ?? 0));
    }
  }
  return drawn;
}

export async function renderHtml(results: Results, context: RenderContext): Promise<OutputFile[]> {
  const t = templates();
  const drawn = await drawings(results, context);
  const noScript = contentSecurityPolicy();
  const student: RenderContext = { audience: 'student', now: context.now };
  const files: OutputFile[] = [];
  if (context.audience === 'instructor') {
    files.push({
      path: 'index.html',
      content: t.overview({ ...buildOverview(results), csp: contentSecurityPolicy(t.sortScriptHash) }),
    });
    for (const s of results.submissions) {
      files.push({
        path: submissionPath(s.id),
        content: t.submission({ ...buildSubmission(results, s, context, drawn), csp: noScript }),
      });
    }
  }
  for (const s of results.submissions) {
    files.push({
      path: feedbackPath(s.id),
      content: t.submission({ ...buildSubmission(results, s, student, drawn), csp: noScript }),
    });
  }
  return files;
}

export const htmlReporter: Reporter = {
  name: 'html',
  description: 'index.html class overview, a report page per submission, and student feedback pages',
  render: renderHtml,
  filesOf: (id) => [submissionPath(id), feedbackPath(id)],
};
