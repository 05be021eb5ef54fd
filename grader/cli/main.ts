/**
 * The CLI shell: parses arguments, runs one command, renders errors. The only
 * place that prints or sets the exit status.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commands } from './commands/index.ts';
import { renderError } from './render-error.ts';

const cli = yargs(hideBin(process.argv))
  .scriptName('grader')
  .usage('$0 <command> [options]\n\nAutograder for the gradelab backpropagation course.')
  .command(commands)
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
    process.stderr.write(`\nerror [E_USAGE]: ${message}\n`);
    process.exit(2);
  });

try {
  await cli.parseAsync();
} catch (error) {
  process.stderr.write(renderError(error));
  process.exitCode = 2;
}
