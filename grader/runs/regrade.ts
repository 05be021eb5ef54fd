/**
 * `grader grade ... --only alice bob`: re-grades a few submissions into an
 * output folder that already holds a class's results. The other submissions'
 * summaries are taken from its results.json as they are (so they, their
 * detail files and their pages stay byte-identical), the re-graded ones
 * replace theirs, and every class-wide file is rebuilt from the whole. Anything that makes that unsafe (no
 * results.json, one that fails its schema or comes from another results
 * format) is refused rather than guessed at.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SubmissionSource } from '../01-discover/discover.ts';
import { GraderError } from '../errors.ts';
import { closest } from '../suggest.ts';
import { readShardOutput, type ShardOutput } from './merge.ts';

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

/**
 * The earlier run in `outDir`, which --only updates: read as a stream of
 * summaries, like a shard, so a large class is never held whole.
 */
export async function readPreviousRun(outDir: string): Promise<ShardOutput> {
  const file = path.join(outDir, 'results.json');
  if (!existsSync(file))
    throw new GraderError(
      'E_NOT_FOUND',
      `--only updates an earlier run, but ${file} does not exist: grade the whole class into ${outDir} first`,
    );
  return readShardOutput(outDir);
}

/** The earlier run's warnings about everyone --only does not re-grade (each names its submission first). */
export function keptWarnings(previous: ShardOutput | undefined, regraded: Set<string>): string[] {
  return (previous?.header.warnings ?? []).filter((w) => !regraded.has(w.slice(0, w.indexOf(':'))));
}
