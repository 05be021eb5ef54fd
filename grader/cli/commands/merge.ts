/**
 * `grader merge`: joins the outputs of `grader grade --shard K/N` into one
 * set of reports, identical (timings aside) to an unsharded run's: the same
 * submissions are passed, one at a time, through the same output writer.
 */
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { reportersFor } from '../../07-render/audience.ts';
import { openClassOutput } from '../../07-render/write-outputs.ts';
import { checkMergeable, mergedSubmissions, readShardOutput } from '../../runs/merge.ts';
import {
  assignmentFor,
  readRosterOption,
  rosterFor,
  withLmsReporters,
  type LmsOptions,
} from '../../roster/apply-lms-options.ts';
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
    const reporters = reportersFor(args.audience, args.reporter);
    const roster = readRosterOption(args);
    const shards = await Promise.all(args.shards.map(readShardOutput));
    const header = await checkMergeable(shards);
    const output = openClassOutput(args.out, header, withLmsReporters(reporters, args), {
      audience: args.audience,
      now: new Date(),
      assignment: assignmentFor(args),
    });
    try {
      for await (const full of mergedSubmissions(shards)) await output.add(full);
    } catch (error) {
      output.abandon();
      throw error;
    }
    // The roster is matched against the whole class, not shard by shard.
    const { extra, warnings } = rosterFor(output.ids(), roster);
    for (const text of warnings) printNotice({ kind: 'warning', text });
    const count = output.count;
    const written = await output.finish(extra);
    process.stdout.write(`merged ${args.shards.length} shard(s): ${count} submission(s)\n`);
    process.stdout.write(`${describeWritten(args.out, written)}\n`);
  },
};
