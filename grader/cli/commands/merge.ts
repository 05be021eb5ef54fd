/**
 * `grader merge`: joins the outputs of `grader grade --shard K/N` into one
 * set of reports (grader/runs/merge-run.ts does the joining); prints what it
 * wrote.
 */
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { reportersFor } from '../../07-render/audience.ts';
import type { LmsOptions } from '../../roster/apply-lms-options.ts';
import { mergeShards } from '../../runs/merge-run.ts';
import { describeWritten } from '../describe-written.ts';
import { printNotice } from '../exit-and-notices.ts';
import { AUDIENCE_OPTION, LMS_OPTIONS, REPORTER_OPTION } from '../shared-options.ts';

interface MergeArgs extends LmsOptions {
  shards: string[];
  out: string;
  reporter?: string[];
  audience: 'instructor' | 'student';
}

export const mergeCommand: CommandBody<MergeArgs> = {
  builder: (y: Argv) =>
    y
      .positional('shards', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: "Each shard's output folder (or its results.json)",
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        demandOption: true,
        describe: 'Folder for the merged results.json, grades.csv and index.html',
      })
      .options(REPORTER_OPTION)
      .options(AUDIENCE_OPTION)
      .options(LMS_OPTIONS)
      .example('$0 merge shard-1 shard-2 shard-3 --out out', 'Combine three shards')
      .example(
        '$0 merge shard-* --out out --roster roster.csv --assignment-id 1234',
        'Combine shards and write the Canvas import for the whole class',
      ),
  handler: async (args: ArgumentsCamelCase<MergeArgs>) => {
    // The same policy as `grade`: students' pages only, for students.
    const run = await mergeShards({
      ...args,
      reporters: reportersFor(args.audience, args.reporter),
      onNotice: printNotice,
    });
    process.stdout.write(`merged ${args.shards.length} shard(s): ${run.count} submission(s)\n`);
    process.stdout.write(`${describeWritten(args.out, run.written)}\n`);
  },
};
