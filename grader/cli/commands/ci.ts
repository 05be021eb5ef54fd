/**
 * `grader ci [path]`: grades one submission in a CI job. Writes results.json
 * and grades.csv, a JUnit file on request, the GitHub job summary when
 * $GITHUB_STEP_SUMMARY is set, and annotations on the student's files when
 * running in GitHub Actions. Exit 0 whatever the score, 1 only below
 * --min-score, 2 when the grader itself failed (thrown to main).
 */
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { requireConfig } from '../../config/load.ts';
import { ASSIGNMENT_OPTION, AUDIENCE_OPTION, CONFIG_OPTION } from '../shared-options.ts';
import { GraderError } from '../../errors.ts';
import { runCi } from '../../runs/ci-run.ts';
import { EXIT, printNotice } from '../exit-and-notices.ts';

interface CiArgs {
  path?: string;
  out: string;
  config?: string;
  junit?: string;
  minScore?: number;
  annotations: boolean;
  repoRoot?: string;
  audience: 'instructor' | 'student';
  assignment?: string;
}

export const ciCommand: CommandBody<CiArgs> = {
  builder: (y: Argv) =>
    y
      .positional('path', {
        type: 'string',
        describe: 'The submission (a folder or .zip); default: the current directory',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'gradelab-results',
        describe: 'Folder for results.json and grades.csv',
      })
      .options(CONFIG_OPTION)
      .options(ASSIGNMENT_OPTION)
      .option('junit', { type: 'string', describe: 'Also write a JUnit XML report to this file' })
      .option('min-score', {
        type: 'number',
        describe: 'Exit 1 when the score is below this percent of the maximum (0-100)',
      })
      .option('annotations', {
        type: 'boolean',
        default: process.env.GITHUB_ACTIONS === 'true',
        describe: 'Print GitHub annotations (default: on inside GitHub Actions)',
      })
      .option('repo-root', {
        type: 'string',
        describe:
          'Repository root that annotation paths are relative to (default: $GITHUB_WORKSPACE or the submission)',
      })
      .option('audience', {
        ...AUDIENCE_OPTION.audience,
        default: 'student' as const,
        describe: 'Who reads the JUnit report: students see no hidden details',
      })
      .example('$0 ci', 'Grade the repository in the current directory')
      .example(
        '$0 ci submission --junit gradelab-results/junit.xml --min-score 60',
        'Grade a checkout, fail the job below 60%',
      ),
  handler: async (args: ArgumentsCamelCase<CiArgs>) => {
    if (args.minScore !== undefined && !(args.minScore >= 0 && args.minScore <= 100)) {
      throw new GraderError('E_USAGE', `--min-score must be a percent from 0 to 100, not ${args.minScore}`);
    }
    const { value: config, warnings } = requireConfig(args.config, args.assignment);
    for (const text of warnings) printNotice({ kind: 'warning', text });
    const run = await runCi({
      ...args,
      config,
      workspace: process.env.GITHUB_WORKSPACE,
      stepSummary: process.env.GITHUB_STEP_SUMMARY,
      onNotice: printNotice,
    });
    process.stdout.write(run.stdout);
    process.stdout.write(`wrote ${run.written.join(', ')}${run.summaryWritten ? ' and the job summary' : ''}\n`);
    if (run.belowMinScore) {
      const { score, maxScore } = run.submission;
      process.stderr.write(
        `error: the score ${Math.floor((1000 * score) / maxScore) / 10}% is below --min-score ${args.minScore}%\n`,
      );
      process.exitCode = EXIT.belowThreshold;
    }
  },
};
