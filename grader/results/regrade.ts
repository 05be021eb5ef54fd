/**
 * `grader grade ... --only alice bob`: re-grades a few submissions into an
 * output folder that already holds a class's results. The other submissions'
 * results are taken from its results.json as they are (so they stay
 * byte-identical), the re-graded ones replace theirs, and every class
 * aggregate is rebuilt from the whole. Anything that makes that unsafe (no
 * results.json, one that fails its schema or comes from another results
 * format) is refused rather than guessed at.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SubmissionSource } from '../01-discover/discover.ts';
import { GraderError } from '../errors.ts';
import { closest } from '../suggest.ts';
import { readShardOutput } from './merge.ts';
import { RESULTS_VERSION, type Results, type SubmissionResult } from './types.ts';

/** The sources named by --only; an id no submission has is an error with a suggestion. */
export function selectOnly(sources: SubmissionSource[], only: string[]): SubmissionSource[] {
  const ids = new Set(sources.map((s) => s.id));
  const unknown = only.filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new GraderError(
      'E_USAGE',
      `--only: no submission has the id ${unknown
        .map((id) => {
          const guess = closest(id, ids);
          return `'${id}'${guess ? ` (did you mean '${guess}'?)` : ''}`;
        })
        .join(', ')}`,
    );
  }
  const wanted = new Set(only);
  return sources.filter((s) => wanted.has(s.id));
}

/** The earlier run in `outDir`, which --only updates. */
export function readPreviousRun(outDir: string): Results {
  const file = path.join(outDir, 'results.json');
  if (!existsSync(file))
    throw new GraderError(
      'E_NOT_FOUND',
      `--only updates an earlier run, but ${file} does not exist: grade the whole class into ${outDir} first`,
    );
  const { results } = readShardOutput(outDir);
  if (results.version !== RESULTS_VERSION)
    throw new GraderError(
      'E_SCHEMA',
      `${file} is results format ${results.version}, this grader writes ${RESULTS_VERSION}: grade the whole class again`,
    );
  return results;
}

/** The earlier submissions, with the re-graded ones in place of theirs (or added, if new). */
export function replaceSubmissions(previous: Results, fresh: SubmissionResult[]): SubmissionResult[] {
  const byId = new Map(fresh.map((s) => [s.id, s]));
  const kept = previous.submissions.map((s) => byId.get(s.id) ?? s);
  const known = new Set(previous.submissions.map((s) => s.id));
  return [...kept, ...fresh.filter((s) => !known.has(s.id))];
}
