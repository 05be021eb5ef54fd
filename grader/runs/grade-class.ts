/**
 * One grading of a class, everything `grader grade` does between parsing
 * its arguments and printing: discover → grade (with the cache) → apply the
 * term → build results → attach the roster → write the outputs (and the shard
 * manifest). Returns what happened; tells its notices through a callback and
 * never prints or exits.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { discoverAll } from '../01-discover/discover-all.ts';
import { inShard, type Shard } from '../01-discover/shard.ts';
import type { RenderContext } from '../07-render/reporter.ts';
import type { ReporterName } from '../07-render/registry.ts';
import { writeOutputs } from '../07-render/write-outputs.ts';
import { gradeWithCache, type CacheStats } from '../cache/cached-grade.ts';
import type { GradingConfig } from '../config/types.ts';
import { GraderError } from '../errors.ts';
import type { ProgressEvent } from '../grade.ts';
import { buildResults } from '../results/build.ts';
import { SHARD_FILE, shardManifest } from '../results/merge.ts';
import { readPreviousRun, replaceSubmissions, selectOnly } from '../results/regrade.ts';
import type { SubmissionResult } from '../results/types.ts';
import {
  assignmentFor,
  attachRoster,
  readRosterOption,
  withLmsReporters,
  type LmsOptions,
} from '../roster/apply-lms-options.ts';
import { applyTermToRun, readTerm, type TermOptions } from '../term/apply-term-options.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import { tell, type OnNotice } from './notice.ts';

export interface GradeClassOptions extends LmsOptions, TermOptions {
  inputs: string[];
  out: string;
  config: GradingConfig;
  /** Already checked against the audience (07-render/audience.ts). */
  reporters: ReporterName[];
  audience: RenderContext['audience'];
  shard?: Shard;
  /** Re-grade only these ids, keeping everyone else's results from `out`. */
  only?: string[];
  stripPrefix?: string;
  /** Where cached results live; none: grade everything afresh. */
  cacheDir?: string;
  onNotice: OnNotice;
  /** Once, before the first submission, with how many will be graded. */
  onStart?: (total: number) => void;
  onProgress?: (event: ProgressEvent) => void;
}

export interface ClassRun {
  /** The submissions graded in this run, the term applied. */
  graded: SubmissionResult[];
  cache: CacheStats;
  /** Paths written, relative to `out`. */
  written: string[];
}

export async function gradeClass(options: GradeClassOptions): Promise<ClassRun> {
  const { config, shard, only, onNotice } = options;
  if (only && shard) throw new GraderError('E_USAGE', '--only and --shard cannot be combined');
  // Read before grading: a typo in the roster should fail in a second, not after an hour of grading.
  const roster = readRosterOption(options);
  const previous = only ? readPreviousRun(options.out) : undefined;
  const discovery = await discoverAll(options.inputs, { stripPrefix: options.stripPrefix });
  try {
    tell(onNotice, 'skipped', discovery.skipped);
    if (discovery.submissions.length === 0)
      throw new GraderError('E_NOT_FOUND', 'no submissions found in the paths given');
    // Before grading, like the roster: a bad id in a term CSV fails in a second.
    const term = readTerm(options, discovery.submissions, config);
    // An empty shard still writes its (empty) results, so that `grader merge` sees every shard.
    const submissions = only
      ? selectOnly(discovery.submissions, only)
      : shard
        ? inShard(discovery.submissions, shard)
        : discovery.submissions;
    options.onStart?.(submissions.length);
    const { results: graded, cache } = await gradeWithCache(submissions, config, {
      cacheDir: options.cacheDir,
      onProgress: options.onProgress,
    });
    const adjusted = applyTermToRun(graded, submissions, term);
    const termWarnings = [...term.warnings, ...adjusted.warnings];
    tell(onNotice, 'warning', termWarnings);
    for (const s of graded)
      tell(
        onNotice,
        'zip refused',
        s.errors.filter((e) => e.code === 'E_ZIP').map((e) => `${s.id}: ${e.message}`),
      );
    const all = previous ? replaceSubmissions(previous, adjusted.results) : adjusted.results;
    const built = buildResults(all, config);
    // A regrade keeps the earlier run's warnings about everyone it did not re-grade.
    const regraded = new Set(only ?? []);
    const kept = (previous?.warnings ?? []).filter((w) => !regraded.has(w.slice(0, w.indexOf(':'))));
    if (kept.length + termWarnings.length > 0) built.warnings = [...kept, ...termWarnings];
    const { results, warnings: rosterWarnings } = attachRoster(built, roster);
    tell(onNotice, 'warning', rosterWarnings);
    const written = await writeOutputs(
      options.out,
      results,
      withLmsReporters(options.reporters, options),
      { audience: options.audience, now: new Date(), assignment: assignmentFor(options) },
      only ? { only: new Set(only) } : {},
    );
    if (shard) {
      writeFileAtomic(path.join(options.out, SHARD_FILE), shardManifest(shard, graded.length));
      written.push(SHARD_FILE);
    } else {
      // A manifest left from an earlier sharded run into this folder would mislead `grader merge`.
      rmSync(path.join(options.out, SHARD_FILE), { force: true });
    }
    return { graded: adjusted.results, cache, written };
  } finally {
    await discovery.cleanup();
  }
}
