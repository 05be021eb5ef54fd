/**
 * `grader merge`: joins the outputs of `grader grade --shard K/N` into one
 * set of reports, identical (timings aside) to an unsharded run's: the same
 * results are passed through the same reporters and writeOutputs.
 */
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { reportersFor } from '../../07-render/audience.ts';
import { DEFAULT_REPORTERS, REPORTER_NAMES } from '../../07-render/registry.ts';
import { writeOutputs } from '../../07-render/write-outputs.ts';
import { mergeResults, readShardOutput } from '../../results/merge.ts';
import {
  assignmentFor,
  attachRoster,
  readRosterOption,
  withLmsReporters,
  type LmsOptions,
} from '../../roster/apply-lms-options.ts';
import { describeWritten } from '../describe-written.ts';
import { printNotice } from '../exit-and-notices.ts';
import { LMS_OPTIONS } from '../lms-options.ts';

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
      .option('reporter', {
        type: 'string',
        array: true,
        describe: `Reporters to run (${REPORTER_NAMES.join(', ')}); default ${DEFAULT_REPORTERS.join(' ')}, or html alone for --audience student`,
      })
      .option('audience', {
        choices: ['instructor', 'student'] as const,
        default: 'instructor' as const,
        describe: 'Who the HTML pages are for: students see no hidden values',
      })
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
    // The roster is matched against the whole class, not shard by shard.
    const { results, warnings } = attachRoster(mergeResults(args.shards.map(readShardOutput)), roster);
    for (const text of warnings) printNotice({ kind: 'warning', text });
    const written = await writeOutputs(args.out, results, withLmsReporters(reporters, args), {
      audience: args.audience,
      now: new Date(),
      assignment: assignmentFor(args),
    });
    process.stdout.write(`merged ${args.shards.length} shard(s): ${results.submissions.length} submission(s)\n`);
    process.stdout.write(`${describeWritten(args.out, written)}\n`);
  },
};
