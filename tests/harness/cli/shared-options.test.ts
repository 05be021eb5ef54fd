/**
 * An option that several commands take says the same in each command's
 * --help (grader/cli/shared-options.ts declares it once); the copies had
 * drifted before: `--config` had two help texts.
 */
import { describe, expect, it } from 'vitest';
import { CONFIG_HELP } from '../../../grader/cli/shared-options.ts';
import { runCli } from '../integrations/run-cli.ts';

/** One option's help in a command's --help output, its wrapped lines joined. */
function helpOf(command: string[], option: string): string {
  const run = runCli([...command, '--help']);
  expect(run.status).toBe(0);
  const lines = run.stdout.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^\\s+(-\\w, )?--${option}\\s`).test(line));
  if (start < 0) throw new Error(`${command.join(' ')} --help has no --${option}`);
  const own = [lines[start]];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s{8,}\S/.test(line) || /^\s+(-\w, )?--\w/.test(line)) break;
    own.push(line);
  }
  return own
    .join(' ')
    .replace(new RegExp(`^\\s+(-\\w, )?--${option}`), '')
    .replace(/\[/g, ' [')
    .replace(/\s+/g, ' ')
    .trim();
}

const SHARED: Array<[option: string, commands: string[][]]> = [
  ['config', [['grade'], ['ci'], ['gradescope', 'run']]],
  ['assignment', [['grade'], ['ci'], ['gradescope', 'run'], ['gradescope', 'bundle']]],
  ['reporter', [['grade'], ['merge']]],
  ['audience', [['grade'], ['merge']]],
  ['roster', [['grade'], ['merge']]],
  ['root', [['check'], ['release']]],
];

describe('options shared by commands', () => {
  it.each(SHARED)('--%s reads the same in every command that takes it', (option, commands) => {
    const texts = commands.map((command) => helpOf(command, option));
    expect(new Set(texts).size, texts.join('\n')).toBe(1);
  });

  it('--config says what a grading config is, wherever it is taken', () => {
    expect(helpOf(['grade'], 'config')).toContain(CONFIG_HELP);
    expect(helpOf(['gradescope', 'bundle'], 'config')).toContain(CONFIG_HELP);
  });
});
