/**
 * The CLI shell: parses arguments, runs one command, renders errors. The only
 * place that prints or sets the exit status. It loads only the command that
 * runs (./commands/index.ts), so that the CLI starts at once.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commandModules } from './commands/index.ts';
import { EXIT } from './exit-and-notices.ts';
import { renderError } from './render-error.ts';
import { closest } from '../suggest.ts';

const argv = hideBin(process.argv);
const cli = yargs(argv)
  .scriptName('grader')
  .usage('$0 <command> [options]\n\nAutograder for the gradelab backpropagation course.')
  .command(await commandModules(argv))
  .demandCommand(1, 'Name a command: see the list above.')
  .recommendCommands()
  .strict()
  .help()
  .alias('help', 'h')
  .version()
  .wrap(Math.min(100, process.stdout.columns || 100))
  .fail((message, error, y) => {
    if (error) throw error;
    y.showHelp('error');
    process.stderr.write(`\nerror [E_USAGE]: ${message}${suggestOptions(message)}\n`);
    process.exit(EXIT.cannotRun);
  });

/** yargs suggests commands but not options: add "did you mean --config?" for each unknown one. */
function suggestOptions(message: string): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (!unknown) return '';
  // The options of the command that failed are registered on the instance by now.
  const options = (
    cli as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }
  ).getOptions();
  const known = [...Object.keys(options.key), ...Object.values(options.alias).flat()].filter(
    (k) => k.length > 1 && !/[A-Z]/.test(k),
  );
  const hints = unknown[1]
    .split(', ')
    .map((arg) => [arg, closest(arg.replace(/^-+/, ''), known)] as const)
    .filter(([, guess]) => guess !== undefined)
    .map(([arg, guess]) => `\n  ${arg}: did you mean --${guess}?`);
  return hints.join('');
}

/**
 * yargs lays out the whole help text after every command it runs, in case the
 * command fails later and help must be shown; measuring each line's width is
 * a large share of a short command's start-up. Help shown on a failure is laid
 * out then, so nothing is lost by skipping it. (An internal of yargs: if it
 * ever goes away, this does nothing.)
 */
function skipHelpPrelayout(): void {
  const internals = (cli as unknown as { getInternalMethods?(): { getUsageInstance?(): Record<string, unknown> } })
    .getInternalMethods?.()
    .getUsageInstance?.();
  if (internals && typeof internals.cacheHelpMessage === 'function') internals.cacheHelpMessage = () => {};
}

try {
  skipHelpPrelayout();
  await cli.parseAsync();
} catch (error) {
  process.stderr.write(renderError(error));
  process.exitCode = EXIT.cannotRun;
}
