/**
 * `grader grade`: grades every submission named, writes the reports.
 */
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { discoverAll } from '../../01-discover/discover-all.ts';
import { inShard, parseShard } from '../../01-discover/shard.ts';
import { gradeWithCache } from '../../cache/cached-grade.ts';
import { DEFAULT_CACHE_DIR } from '../../cache/store.ts';
import { requireConfig } from '../../config/load.ts';
import { buildResults } from '../../results/build.ts';
import { DEFAULT_REPORTERS, REPORTER_NAMES } from '../../07-render/registry.ts';
import { checkReporterNames, writeOutputs } from '../../07-render/write-outputs.ts';
import { writeFileAtomic } from '../../write-atomic.ts';
import { SHARD_FILE, shardManifest } from '../../results/merge.ts';
import { GraderError } from '../../errors.ts';
import { assignmentFor, attachRoster, readRosterOption, withLmsReporters } from '../../roster/apply-lms-options.ts';
import { readPreviousRun, replaceSubmissions, selectOnly } from '../../results/regrade.ts';
import { applyTermToRun, readTerm } from '../../term/apply-term-options.ts';
import { describeWritten } from '../describe-written.ts';
import { LMS_OPTIONS } from '../lms-options.ts';
import { ASSIGNMENT_OPTION } from '../assignment-option.ts';
import { createProgress } from '../progress.ts';

interface GradeArgs {
  inputs: string[];
  out: string;
  config?: string;
  reporter?: string[];
  concurrency?: number;
  audience: 'instructor' | 'student';
  shard?: string;
  stripPrefix?: string;
  cache: boolean;
  cacheDir: string;
  roster?: string;
  assignmentName?: string;
  assignmentId?: string;
  submittedAt?: string;
  extensions?: string;
  overrides?: string;
  only?: string[];
  assignment?: string;
}

export const gradeCommand: CommandBody<GradeArgs> = {
  builder: (y: Argv) =>
    y
      .positional('inputs', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Submission folders or zips, or folders that hold them',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        demandOption: true,
        describe: 'Folder for results.json, grades.csv and index.html',
      })
      .option('config', {
        alias: 'c',
        type: 'string',
        describe: 'Grading config (JSON, see schemas/grading-config.schema.json)',
      })
      .option('reporter', {
        type: 'string',
        array: true,
        describe: `Reporters to run (${REPORTER_NAMES.join(', ')}); default ${DEFAULT_REPORTERS.join(' ')}, or html alone for --audience student`,
      })
      .option('concurrency', { type: 'number', describe: 'Submissions graded at once (default from the config)' })
      .option('audience', {
        choices: ['instructor', 'student'] as const,
        default: 'instructor' as const,
        describe: 'Who the HTML pages are for: students see no hidden values',
      })
      .option('shard', {
        type: 'string',
        describe: 'Grade only shard K of N (e.g. 2/3), chosen by a hash of each id; combine shards with `grader merge`',
      })
      .option('strip-prefix', {
        type: 'string',
        describe: 'Drop this prefix from every id (e.g. assignment- for GitHub Classroom clones)',
      })
      .option('cache', {
        type: 'boolean',
        default: true,
        describe: 'Reuse results of unchanged submissions (--no-cache grades everything afresh)',
      })
      .option('cache-dir', {
        type: 'string',
        default: DEFAULT_CACHE_DIR,
        describe: 'Folder for cached results, one file per graded submission',
      })
      .option('submitted-at', {
        type: 'string',
        describe: 'CSV id,submitted_at (ISO 8601): when each submission was handed in, from the platform',
      })
      .option('extensions', {
        type: 'string',
        describe: "CSV id,due (ISO 8601): a student's own due date for the late policy",
      })
      .option('overrides', {
        type: 'string',
        describe: 'CSV id,test,points,comment: manual points for a test, or (empty test) added to the total',
      })
      .option('only', {
        type: 'string',
        array: true,
        describe: 'Re-grade only these submission ids into the existing --out folder, updating the class files',
      })
      .options(ASSIGNMENT_OPTION)
      .example('$0 grade fixtures/submissions --out out', 'Grade every bundled example submission')
      .example('$0 grade fixtures/nn --assignment nn --out out-nn', 'Grade the second assignment (the network)')
      .example('$0 grade class/*.zip --out out --config grading.json', 'Grade zips with a course config')
      .example('$0 grade moodle-download.zip --out out', 'Grade an LMS bulk download, one row per student')
      .example(
        '$0 grade class --out out --config grading.json --submitted-at times.csv --extensions ext.csv --overrides overrides.csv',
        'Late penalties, extensions and manual overrides (see the README)',
      )
      .example(
        '$0 grade class --out out --only alice',
        "Re-grade alice after a fix; everyone else's results stay as they are",
      )
      .options(LMS_OPTIONS)
      .example('$0 grade class --shard 1/3 --out shard-1', 'Grade a third of the class (see `grader merge`)')
      .example(
        '$0 grade class --out out --roster roster.csv --assignment-name Backprop --assignment-id 1234',
        'Grades with student ids, plus a Canvas import file',
      ) as unknown as Argv<GradeArgs>,
  handler: async (args: ArgumentsCamelCase<GradeArgs>) => {
    const { value: config, warnings } = requireConfig(args.config, args.assignment);
    for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
    if (args.concurrency !== undefined) config.concurrency = Math.max(1, Math.floor(args.concurrency));
    const shard = args.shard === undefined ? undefined : parseShard(args.shard);
    const roster = readRosterOption(args);
    // Students' output must not carry hidden values, and results.json does.
    const reporterNames = args.reporter ?? (args.audience === 'student' ? ['html'] : DEFAULT_REPORTERS);
    // Before grading: a typo should not cost a whole class's grading time.
    checkReporterNames(reporterNames);
    if (args.audience === 'student' && reporterNames.some((name) => name !== 'html')) {
      throw new GraderError(
        'E_USAGE',
        `--audience student writes only student pages (reporter html); ${reporterNames.filter((n) => n !== 'html').join(', ')} would include hidden values`,
      );
    }
    if (args.only && shard) throw new GraderError('E_USAGE', '--only and --shard cannot be combined');
    // Before grading, like the roster: a bad id in a term CSV fails in a second.
    const previous = args.only ? readPreviousRun(args.out) : undefined;
    const discovery = await discoverAll(args.inputs, { stripPrefix: args.stripPrefix });
    try {
      for (const line of discovery.skipped) process.stderr.write(`skipped: ${line}\n`);
      if (discovery.submissions.length === 0)
        throw new GraderError('E_NOT_FOUND', 'no submissions found in the paths given');
      const term = readTerm(args, discovery.submissions, config);
      // An empty shard still writes its (empty) results, so that `grader merge` sees every shard.
      const submissions = args.only
        ? selectOnly(discovery.submissions, args.only)
        : shard
          ? inShard(discovery.submissions, shard)
          : discovery.submissions;
      const progress = createProgress(submissions.length);
      const { results: graded, cache } = await gradeWithCache(submissions, config, {
        cacheDir: args.cache ? args.cacheDir : undefined,
        onProgress: (event) => progress.update(event),
      });
      progress.stop();
      const adjusted = applyTermToRun(graded, submissions, term);
      const termWarnings = [...term.warnings, ...adjusted.warnings];
      for (const line of termWarnings) process.stderr.write(`warning: ${line}\n`);
      for (const s of graded)
        for (const e of s.errors.filter((x) => x.code === 'E_ZIP'))
          process.stderr.write(`zip refused: ${s.id}: ${e.message}\n`);
      const all = previous ? replaceSubmissions(previous, adjusted.results) : adjusted.results;
      const built = buildResults(all, config);
      // A regrade keeps the earlier run's warnings about everyone it did not re-grade.
      const regraded = new Set(args.only ?? []);
      const kept = (previous?.warnings ?? []).filter((w) => !regraded.has(w.slice(0, w.indexOf(':'))));
      if (kept.length + termWarnings.length > 0) built.warnings = [...kept, ...termWarnings];
      const { results, warnings: rosterWarnings } = attachRoster(built, roster);
      for (const line of rosterWarnings) process.stderr.write(`warning: ${line}\n`);
      const written = await writeOutputs(
        args.out,
        results,
        withLmsReporters(reporterNames, args),
        {
          audience: args.audience,
          now: new Date(),
          assignment: assignmentFor(args),
        },
        args.only ? { only: new Set(args.only) } : {},
      );
      if (shard) {
        writeFileAtomic(path.join(args.out, SHARD_FILE), shardManifest(shard, graded.length));
        written.push(SHARD_FILE);
      } else {
        // A manifest left from an earlier sharded run into this folder would mislead `grader merge`.
        rmSync(path.join(args.out, SHARD_FILE), { force: true });
      }
      const full = adjusted.results.filter((s) => s.score === s.maxScore).length;
      const late = adjusted.results.filter((s) => s.late && s.late.penaltyPoints > 0).length;
      const overridden = adjusted.results.filter((s) => (s.overrides ?? []).length > 0).length;
      const untimed = config.late ? adjusted.results.filter((s) => s.submittedAt === null).length : 0;
      const termNote = [
        late > 0 ? `${late} with a late penalty` : '',
        overridden > 0 ? `${overridden} with overrides` : '',
        untimed > 0 ? `${untimed} with no known submission time (no penalty; see the warnings)` : '',
      ]
        .filter(Boolean)
        .map((x) => `, ${x}`)
        .join('');
      const cacheNote = cache.enabled ? `; cache: ${cache.hits} hit(s), ${cache.misses} miss(es)` : '';
      process.stdout.write(
        `${args.only ? 're-graded' : 'graded'} ${graded.length} submission(s)${shard ? ` in shard ${args.shard}` : ''}: ${full} with full marks, ${graded.filter((s) => s.status !== 'graded').length} with errors or timeouts${termNote}${cacheNote}\n`,
      );
      process.stdout.write(`${describeWritten(args.out, written)}\n`);
    } finally {
      await discovery.cleanup();
    }
  },
};
