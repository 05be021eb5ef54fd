/**
 * `grader grade`: grades every submission named, writes the reports.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { discover } from '../../01-discover/discover.ts';
import { requireConfig } from '../../config/load.ts';
import { gradeAll } from '../../grade.ts';
import { buildResults } from '../../results/build.ts';
import { DEFAULT_REPORTERS, reporters } from '../../07-render/registry.ts';
import { writeOutputs } from '../../07-render/write-outputs.ts';
import { GraderError } from '../../errors.ts';
import { createProgress } from '../progress.ts';

interface GradeArgs {
  inputs: string[];
  out: string;
  config?: string;
  reporter: string[];
  concurrency?: number;
  audience: 'instructor' | 'student';
}

export const gradeCommand: CommandModule<object, GradeArgs> = {
  command: 'grade <inputs..>',
  describe: 'Grade submissions (folders, .zip files, or folders of them) and write results.json, grades.csv and the HTML report',
  builder: (y: Argv) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Submission folders or zips, or folders that hold them' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'Folder for results.json, grades.csv and index.html' })
      .option('config', { alias: 'c', type: 'string', describe: 'Grading config (JSON, see schemas/grading-config.schema.json)' })
      .option('reporter', { type: 'string', array: true, default: DEFAULT_REPORTERS, describe: `Reporters to run (${Object.keys(reporters).join(', ')})` })
      .option('concurrency', { type: 'number', describe: 'Submissions graded at once (default from the config)' })
      .option('audience', { choices: ['instructor', 'student'] as const, default: 'instructor' as const, describe: 'Who the HTML pages are for: students see no hidden values' })
      .example('$0 grade fixtures/submissions --out out', 'Grade every bundled example submission')
      .example('$0 grade class/*.zip --out out --config grading.json', 'Grade zips with a course config') as unknown as Argv<GradeArgs>,
  handler: async (args: ArgumentsCamelCase<GradeArgs>) => {
    const { value: config, warnings } = requireConfig(args.config);
    for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
    if (args.concurrency !== undefined) config.concurrency = Math.max(1, Math.floor(args.concurrency));
    const { submissions, skipped } = discover(args.inputs);
    for (const line of skipped) process.stderr.write(`skipped: ${line}\n`);
    if (submissions.length === 0) throw new GraderError('E_NOT_FOUND', 'no submissions found in the paths given');
    const progress = createProgress(submissions.length);
    const graded = await gradeAll(submissions, config, (event) => progress.update(event));
    progress.stop();
    const results = buildResults(graded, config);
    const written = await writeOutputs(args.out, results, args.reporter, { audience: args.audience, now: new Date() });
    const full = graded.filter((s) => s.score === s.maxScore).length;
    process.stdout.write(`graded ${graded.length} submission(s): ${full} with full marks, ${graded.filter((s) => s.status !== 'graded').length} with errors or timeouts\n`);
    process.stdout.write(`wrote ${written.map((f) => `${args.out}/${f}`).join(', ')}\n`);
  },
};
