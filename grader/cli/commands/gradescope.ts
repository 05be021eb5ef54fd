/**
 * `grader gradescope run` grades the one submission Gradescope hands the
 * autograder and writes Gradescope's results.json; `grader gradescope bundle`
 * builds the autograder zip to upload. A student's broken files are a graded
 * result (score 0, with the reason); only a failure of the grader itself
 * exits non-zero, which Gradescope shows as an autograder error.
 */
import path from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { requireConfig } from '../../config/load.ts';
import { ASSIGNMENT_OPTION, CONFIG_HELP, CONFIG_OPTION } from '../shared-options.ts';
import { GraderError, locatedMessage } from '../../errors.ts';
import { folderAsSubmission, gradeOne, graderFailure } from '../../runs/grade-one.ts';
import { printNotice } from '../exit-and-notices.ts';
import { buildAutograder, zipAutograder } from '../../gradescope/autograder.ts';
import { readSubmissionId } from '../../gradescope/metadata.ts';
import { renderGradescope, type GradescopeVisibility } from '../../07-render/gradescope-results.ts';
import { terminalText } from '../../terminal-text.ts';
import { writeFileAtomic } from '../../write-atomic.ts';
import { check } from '../../schema.ts';
import { PACKAGE_ROOT } from '../../course/catalogue.ts';

interface RunArgs {
  submission: string;
  results: string;
  config?: string;
  metadata?: string;
  visibility: GradescopeVisibility;
  assignment?: string;
}

interface BundleArgs {
  out: string;
  config?: string;
  zip: string | boolean;
  assignment?: string;
}

const runCommand: CommandModule<object, RunArgs> = {
  command: 'run',
  describe: "Grade Gradescope's submission folder and write its results.json",
  builder: (y: Argv) =>
    y
      .option('submission', {
        type: 'string',
        default: '/autograder/submission',
        describe: 'The student files Gradescope unpacked',
      })
      .option('results', {
        type: 'string',
        default: '/autograder/results/results.json',
        describe: 'Where Gradescope reads the results',
      })
      .options(CONFIG_OPTION)
      .options(ASSIGNMENT_OPTION)
      .option('metadata', {
        type: 'string',
        describe: "Gradescope's submission_metadata.json (gives each student their own random cases)",
      })
      .option('visibility', {
        choices: ['visible', 'hidden', 'after_due_date', 'after_published'] as const,
        default: 'visible' as const,
        describe: 'Visibility of the whole result',
      }),
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    const dir = path.resolve(args.submission);
    const { value: config, warnings } = requireConfig(args.config, args.assignment);
    const { id, warning } = readSubmissionId(args.metadata, path.basename(dir));
    for (const text of warning ? [...warnings, warning] : warnings) printNotice({ kind: 'warning', text });
    const { submission } = await gradeOne(folderAsSubmission(dir, id, args.submission), config);
    const failure = graderFailure(submission);
    if (failure) throw failure;
    const output = renderGradescope(submission, { visibility: args.visibility });
    const problems = check('gradescope-results', output, 'results.json: $');
    if (problems.length > 0)
      throw new GraderError('E_SCHEMA', 'the Gradescope results do not match their schema (a grader bug)', {
        details: problems.slice(0, 10),
      });
    writeFileAtomic(path.resolve(args.results), `${JSON.stringify(output, null, 2)}\n`);
    // stdout is for instructors only (stdout_visibility is hidden): the full detail of every failing case.
    process.stdout.write(
      `${terminalText(submission.id)}: ${submission.status}, ${submission.score}/${submission.maxScore}, bonus ${submission.bonus}/${submission.maxBonus}\n`,
    );
    for (const e of submission.errors)
      process.stdout.write(`  ${e.code}: ${terminalText(locatedMessage(e))}
`);
    for (const t of submission.tests.filter((x) => x.status !== 'pass' && x.status !== 'not-attempted'))
      process.stdout.write(`  ${t.status} ${terminalText(t.id)}: ${terminalText(t.detail ?? '')}
`);
    process.stdout.write(`wrote ${args.results}\n`);
  },
};

const bundleCommand: CommandModule<object, BundleArgs> = {
  command: 'bundle',
  describe: 'Build the Gradescope autograder (setup.sh, run_autograder, the grader) as a folder and a zip',
  builder: (y: Argv) =>
    y
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'gradescope-autograder',
        describe: 'Folder to build the bundle in',
      })
      .option('config', { ...CONFIG_OPTION.config, describe: `${CONFIG_HELP}, shipped in the bundle as grading.json` })
      .options(ASSIGNMENT_OPTION)
      .option('zip', {
        type: 'string',
        describe: 'Zip file to write (default: <out>.zip; --no-zip for the folder only)',
      })
      .example(
        '$0 gradescope bundle --out gs --config grading.json',
        'Build gs/ and gs.zip to upload to Gradescope',
      ) as unknown as Argv<BundleArgs>,
  handler: async (args: ArgumentsCamelCase<BundleArgs>) => {
    // Checked now, with the assignment's defaults, not on Gradescope's machine.
    requireConfig(args.config, args.assignment);
    const files = buildAutograder({
      root: PACKAGE_ROOT,
      out: args.out,
      config: args.config,
      assignment: args.assignment,
    });
    process.stdout.write(`wrote the autograder bundle to ${args.out} (${files.length} files)\n`);
    if (args.zip !== false) {
      const zipFile =
        typeof args.zip === 'string' && args.zip !== '' ? args.zip : `${args.out.replace(/[\\/]+$/, '')}.zip`;
      zipAutograder(path.resolve(args.out), files, zipFile);
      process.stdout.write(`wrote ${zipFile}: upload it as the autograder of a Gradescope programming assignment\n`);
    }
  },
};

export const gradescopeCommand: CommandBody = {
  builder: (y: Argv) => y.command(runCommand).command(bundleCommand).demandCommand(1, 'Name an action: run or bundle.'),
  handler: () => {},
};
