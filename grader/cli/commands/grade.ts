/**
 * `grader grade`: grades every submission named, writes the reports.
 */
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { parseShard } from '../../01-discover/shard.ts';
import { reportersFor } from '../../07-render/audience.ts';
import { DEFAULT_CACHE_DIR } from '../../cache/store.ts';
import { requireConfig } from '../../config/load.ts';
import { gradeClass, type ClassRun } from '../../runs/grade-class.ts';
import { describeWritten } from '../describe-written.ts';
import { printNotice } from '../exit-and-notices.ts';
import { ASSIGNMENT_OPTION, AUDIENCE_OPTION, CONFIG_OPTION, LMS_OPTIONS, REPORTER_OPTION } from '../shared-options.ts';
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
      .options(CONFIG_OPTION)
      .options(REPORTER_OPTION)
      .option('concurrency', { type: 'number', describe: 'Submissions graded at once (default from the config)' })
      .options(AUDIENCE_OPTION)
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
    for (const text of warnings) printNotice({ kind: 'warning', text });
    if (args.concurrency !== undefined) config.concurrency = Math.max(1, Math.floor(args.concurrency));
    const shard = args.shard === undefined ? undefined : parseShard(args.shard);
    let progress: ReturnType<typeof createProgress> | undefined;
    const run = await gradeClass({
      ...args,
      config,
      shard,
      // Before grading: a typo should not cost a whole class's grading time.
      reporters: reportersFor(args.audience, args.reporter),
      cacheDir: args.cache ? args.cacheDir : undefined,
      onNotice: (notice) => {
        progress?.stop();
        printNotice(notice);
      },
      onStart: (total) => (progress = createProgress(total)),
      onProgress: (event) => progress?.update(event),
    });
    progress?.stop();
    process.stdout.write(`${describeRun(run, args)}\n`);
    process.stdout.write(`${describeWritten(args.out, run.written, run.kept)}\n`);
  },
};

/** The one line that sums a run up: how many graded, with full marks, with errors, late, overridden; the cache. */
function describeRun({ tally, cache }: ClassRun, args: GradeArgs): string {
  const cacheNote = cache.enabled ? `; cache: ${cache.hits} hit(s), ${cache.misses} miss(es)` : '';
  const where = args.shard ? ` in shard ${args.shard}` : '';
  return `${args.only ? 're-graded' : 'graded'} ${tally.graded} submission(s)${where}: ${tally.full} with full marks, ${tally.errors} with errors or timeouts${tally.termNote()}${cacheNote}`;
}
