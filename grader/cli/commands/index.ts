/**
 * Every command of the CLI. To add one, import its CommandModule and list it here.
 */
import type { CommandModule } from 'yargs';
import { checkCommand } from './check.ts';
import { ciCommand } from './ci.ts';
import { gradeCommand } from './grade.ts';
import { gradescopeCommand } from './gradescope.ts';
import { mergeCommand } from './merge.ts';
import { releaseCommand } from './release.ts';

// Each module types its own arguments; the list only needs to hold them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- yargs' CommandModule is invariant in its arguments
export const commands: CommandModule<any, any>[] = [
  gradeCommand,
  checkCommand,
  releaseCommand,
  mergeCommand,
  ciCommand,
  gradescopeCommand,
];
