/**
 * results.json and the per-submission detail files, each checked against its
 * published schema before it is written.
 *
 *   results.json            the run's header and every submission's summary
 *                           (its tests without `nodes`), one line each, with
 *                           `detail` naming its detail file
 *   details/<name>.json     { version, submission }: the full result, every
 *                           node of every failed case included
 *
 * results.json is written as a sequence of chunks, one summary at a time, so
 * no string ever holds the class.
 */
import { GraderError } from '../errors.ts';
import { detailPath, withoutPointer } from '../results/summary.ts';
import { RESULTS_VERSION, type SubmissionResult } from '../results/types.ts';
import { check } from '../schema.ts';
import { defineReporter } from './define-reporter.ts';
import type { ClassResults } from './reporter.ts';

function refuse(what: string, problems: string[]): void {
  if (problems.length > 0)
    throw new GraderError('E_SCHEMA', `${what} does not match its schema (a grader bug)`, {
      details: problems.slice(0, 10),
    });
}

/** `  "key": value` at the top level of a two-space-indented document. */
function member(key: string, value: unknown): string {
  return `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
}

function* resultsChunks(run: ClassResults): Generator<string> {
  const head = {
    version: run.version,
    ...(run.assignment ? { assignment: run.assignment } : {}),
    grader: run.grader,
    generatedAt: run.generatedAt,
    config: run.config,
  };
  const tail = run.roster ? { roster: run.roster } : {};
  refuse('results.json', check('results', { ...head, submissions: [], ...tail }, 'results.json: $'));
  yield `{\n${Object.entries(head)
    .map(([k, v]) => member(k, v))
    .join(',\n')},\n  "submissions": [`;
  let index = 0;
  for (const summary of run.summaries()) {
    refuse('results.json', check('submission-summary', summary, `results.json: $.submissions[${index}]`));
    yield `${index++ === 0 ? '' : ','}\n    ${JSON.stringify(summary)}`;
  }
  yield index === 0 ? ']' : '\n  ]';
  for (const [k, v] of Object.entries(tail)) yield `,\n${member(k, v)}`;
  yield '\n}\n';
}

function detailFile(full: SubmissionResult): { path: string; content: string } {
  const detail = { version: RESULTS_VERSION, submission: withoutPointer(full) };
  const path = detailPath(full.id);
  refuse(path, check('submission-detail', detail, `${path}: $`));
  return { path, content: `${JSON.stringify(detail)}\n` };
}

export const jsonReporter = defineReporter({
  name: 'json',
  description:
    'results.json (schemas/results.schema.json) and details/<name>.json (schemas/submission-detail.schema.json)',
  submission: (full) => [detailFile(full)],
  finish: (run) => [{ path: 'results.json', content: resultsChunks(run) }],
});
