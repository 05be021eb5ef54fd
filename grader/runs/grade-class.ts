/**
 * One grading of a class, everything `grader grade` does between parsing
 * its arguments and printing: discover → grade (with the cache) → apply the
 * term → write each result's detail and pages as it arrives → the class files,
 * the roster attached (and the shard manifest). Holds only counts in memory. Returns what happened; tells its notices through a callback and
 * never prints or exits.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { discoverAll } from '../01-discover/discover-all.ts';
import { inShard, type Shard } from '../01-discover/shard.ts';
import type { RenderContext } from '../07-render/reporter.ts';
import type { ReporterName } from '../07-render/registry.ts';
import { openClassOutput } from '../07-render/write-outputs.ts';
import { gradeEachWithCache, type CacheStats } from '../cache/cached-grade.ts';
import type { GradingConfig } from '../config/types.ts';
import { GraderError } from '../errors.ts';
import type { ProgressEvent } from '../grade.ts';
import { resultsHeader } from '../results/build.ts';
import { failedResult } from '../results/failed.ts';
import type { SubmissionResult } from '../results/types.ts';
import { SHARD_FILE, shardManifest } from './merge.ts';
import { keptWarnings, readPreviousRun, selectOnly } from './regrade.ts';
import {
  assignmentFor,
  readRosterOption,
  rosterFor,
  withLmsReporters,
  type LmsOptions,
} from '../roster/apply-lms-options.ts';
import { applyTermToOne, readTerm, type TermOptions } from '../term/apply-term-options.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import { tell, type OnNotice } from './notice.ts';
import { RunTally } from './run-tally.ts';
import { holdYoungGeneration } from './young-generation.ts';

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
  /** Counts of the submissions graded in this run, the term applied. */
  tally: RunTally;
  cache: CacheStats;
  /** Paths written, relative to `out`. */
  written: string[];
  /** Files of unchanged submissions left as an earlier run wrote them. */
  kept: number;
}

export async function gradeClass(options: GradeClassOptions): Promise<ClassRun> {
  const { config, shard, only, onNotice } = options;
  if (only && shard) throw new GraderError('E_USAGE', '--only and --shard cannot be combined');
  // Read before grading: a typo in the roster should fail in a second, not after an hour of grading.
  const roster = readRosterOption(options);
  const previous = only ? await readPreviousRun(options.out) : undefined;
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
    // Each result goes to disk (detail file, pages, summary spool) as it arrives; only counts stay here.
    const output = openClassOutput(
      options.out,
      resultsHeader(config, new Date()),
      withLmsReporters(options.reporters, options),
      {
        audience: options.audience,
        now: new Date(),
        assignment: assignmentFor(options),
      },
      options.cacheDir,
    );
    const tally = new RunTally(!!config.late);
    let cache: CacheStats;
    try {
      cache = await gradeEachWithCache(
        submissions,
        config,
        async (graded, index) => {
          // A boundary per submission: whatever throws here costs this one row, never the class.
          let applied: { result: SubmissionResult; warnings: string[] };
          try {
            applied = applyTermToOne(graded, submissions[index], term);
          } catch (error) {
            applied = { result: failedResult(graded.id, 'applying the term', error, graded), warnings: [] };
          }
          tally.add(await output.add(applied.result), index, applied.warnings);
          holdYoungGeneration();
        },
        { cacheDir: options.cacheDir, onProgress: options.onProgress },
      );
      // --only: everyone else as the earlier run wrote them; their own files stay untouched.
      const regraded = new Set(submissions.map((s) => s.id));
      if (previous) for await (const s of previous.summaries()) if (!regraded.has(s.id)) output.addSummary(s);
    } catch (error) {
      output.abandon();
      throw error;
    }
    const termWarnings = [...term.warnings, ...tally.termWarnings()];
    tell(onNotice, 'warning', termWarnings);
    tell(onNotice, 'zip refused', tally.zipRefused);
    tell(onNotice, 'warning', output.refusedWarnings());
    // A regrade keeps the earlier run's warnings about everyone it did not re-grade.
    const warnings = [...keptWarnings(previous, new Set(only ?? [])), ...termWarnings];
    const { extra, warnings: rosterWarnings } = rosterFor(output.ids(), roster);
    tell(onNotice, 'warning', rosterWarnings);
    const written = await output.finish({ ...(warnings.length > 0 ? { warnings } : {}), ...extra });
    if (shard) {
      writeFileAtomic(path.join(options.out, SHARD_FILE), shardManifest(shard, tally.graded));
      written.push(SHARD_FILE);
    } else {
      // A manifest left from an earlier sharded run into this folder would mislead `grader merge`.
      rmSync(path.join(options.out, SHARD_FILE), { force: true });
    }
    return { tally, cache, written, kept: output.kept };
  } finally {
    await discovery.cleanup();
  }
}
