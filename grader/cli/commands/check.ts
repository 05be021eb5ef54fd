/**
 * `grader check`: is the course ready to ship? Prints one line per rule and
 * every problem with the file to open; exit status 1 when anything is wrong.
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CommandBody } from './command-body.ts';
import { PACKAGE_ROOT } from '../../course/catalogue.ts';
import { checkCourse, type CheckReport } from '../../course/check.ts';
import { formatLocation } from '../../errors.ts';
import { EXIT } from '../exit-and-notices.ts';
import { ROOT_OPTION } from '../shared-options.ts';

interface CheckArgs {
  root?: string;
}

export const checkCommand: CommandBody<CheckArgs> = {
  builder: (y: Argv) => y.options(ROOT_OPTION).example('$0 check', 'Check the course in this repository'),
  handler: async (args: ArgumentsCamelCase<CheckArgs>) => {
    const root = args.root ? resolve(args.root) : PACKAGE_ROOT;
    process.stderr.write(`checking the course in ${root} (this compiles and runs the public tests twice)...\n`);
    const report = await checkCourse({ root });
    process.stdout.write(render(report));
    if (!report.ok) process.exitCode = EXIT.belowThreshold;
  },
};

function render(report: CheckReport): string {
  const { required, bonus } = report.exercises;
  const lines = [`course: ${required} required and ${bonus} bonus exercise(s)`];
  for (const a of report.assignments)
    lines.push(`  assignment ${a.id}: ${a.required} required and ${a.bonus} bonus exercise(s)`);
  for (const rule of report.rules) {
    const mark = rule.status === 'ok' ? '✓' : rule.status === 'failed' ? '✗' : '-';
    lines.push(`  ${mark} ${rule.title}${rule.status === 'not run' ? ' (not run)' : ''}`);
  }
  if (report.ok) {
    lines.push('check passed');
  } else {
    lines.push('', `check failed: ${report.problems.length} problem(s)`);
    for (const problem of report.problems) {
      const where = formatLocation({ file: problem.file, line: problem.line, column: problem.column });
      lines.push(`  ✗ ${where}: ${problem.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
