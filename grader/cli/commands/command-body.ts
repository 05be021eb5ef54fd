import type { CommandModule } from 'yargs';

/**
 * What a command's module supplies: the rest of its yargs CommandModule. Its
 * name and description are listed in ./index.ts, which loads the module only
 * when that command runs.
 */
export type CommandBody<Args = object> = Required<Pick<CommandModule<object, Args>, 'builder' | 'handler'>>;
