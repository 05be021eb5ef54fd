/**
 * Every command of the CLI: its name and usage here, its options and handler
 * in its own module, imported only when that command runs. `grader --help`
 * then loads none of them, and `grader ci` none of the others. To add a
 * command, list it here and export its CommandBody from its module.
 */
import type { CommandModule } from 'yargs';
import type { CommandBody } from './command-body.ts';

export interface LazyCommand {
  /** The yargs command string: name and positionals. */
  command: string;
  describe: string;
  /** Resolves to the module's CommandBody; each types its own arguments, so the list holds them untyped. */
  load: () => Promise<unknown>;
}

export const commands: LazyCommand[] = [
  {
    command: 'grade <inputs..>',
    describe:
      'Grade submissions (folders, .zip files, or folders of them) and write results.json, grades.csv and the HTML report',
    load: async () => (await import('./grade.ts')).gradeCommand,
  },
  {
    command: 'check',
    describe: 'Check the course: stubs compile, required tests fail on stubs and pass on solutions, hints, file lists',
    load: async () => (await import('./check.ts')).checkCommand,
  },
  {
    command: 'release',
    describe:
      'Write the student repository of one assignment (or add it to an earlier one): stubs, public tests, README, hints, package.json and CI workflow',
    load: async () => (await import('./release.ts')).releaseCommand,
  },
  {
    command: 'merge <shards..>',
    describe:
      'Merge the output folders of sharded `grade --shard K/N` runs into one results.json, grades.csv and report',
    load: async () => (await import('./merge.ts')).mergeCommand,
  },
  {
    command: 'ci [path]',
    describe: 'Grade one submission in CI: results, job summary, annotations, JUnit, and an optional score gate',
    load: async () => (await import('./ci.ts')).ciCommand,
  },
  {
    command: 'gradescope <command>',
    describe: 'Run as a Gradescope autograder (run), or build the autograder to upload (bundle)',
    load: async () => (await import('./gradescope.ts')).gradescopeCommand,
  },
];

export const commandName = (command: LazyCommand) => command.command.split(' ')[0];

/**
 * The commands as yargs takes them. Those named anywhere in `argv` are loaded
 * whole; the rest are listed by name and description only, enough for the
 * overall help and for yargs to suggest a command for a typo. (A word that is
 * an option's value and happens to be a command name only loads one module
 * too many.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- yargs' CommandModule is invariant in its arguments
export async function commandModules(argv: string[]): Promise<Array<CommandModule<any, any>>> {
  return Promise.all(
    commands.map(async (entry) => {
      const { command, describe } = entry;
      if (!argv.includes(commandName(entry))) return { command, describe, handler: () => {} };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module types its own arguments
      return { command, describe, ...((await entry.load()) as CommandBody<any>) };
    }),
  );
}
