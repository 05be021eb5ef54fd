/**
 * The options more than one command takes, each declared once, so that
 * `--config` (or `--audience`, `--reporter`, ...) means and says the same in
 * every command's --help. A command that gives one a meaning of its own
 * (ci's audience is its JUnit report's) changes only that, from these.
 */
import { DEFAULT_REPORTERS, REPORTER_NAMES } from '../07-render/registry.ts';

export const CONFIG_HELP = 'Grading config (JSON, see schemas/grading-config.schema.json)';

export const CONFIG_OPTION = {
  config: { alias: 'c', type: 'string', describe: CONFIG_HELP },
} as const;

/** `--assignment`: which assignment of course.json to grade. Without it, the first, as before there were two. */
export const ASSIGNMENT_OPTION = {
  assignment: {
    type: 'string',
    describe: 'Assignment of course.json to grade, e.g. nn (default: the first, engine)',
  },
} as const;

/** Who the pages of a class run are for (`grade`, `merge`). */
export const AUDIENCE_OPTION = {
  audience: {
    choices: ['instructor', 'student'] as const,
    default: 'instructor' as const,
    describe: 'Who the HTML pages are for: students see no hidden values',
  },
} as const;

export const REPORTER_OPTION = {
  reporter: {
    type: 'string',
    array: true,
    describe: `Reporters to run (${REPORTER_NAMES.join(', ')}); default ${DEFAULT_REPORTERS.join(' ')}, or html alone for --audience student`,
  },
} as const;

/**
 * The roster and Canvas options, shared by `grade` and `merge`: a merged run
 * must be able to write the same canvas-grades.csv as an unsharded one.
 */
export const LMS_OPTIONS = {
  roster: {
    type: 'string',
    describe:
      'Roster CSV (folder,student_id,name[,email,section]): adds student ids and names, writes canvas-grades.csv',
  },
  'assignment-name': { type: 'string', describe: 'Canvas assignment name for canvas-grades.csv' },
  'assignment-id': { type: 'string', describe: 'Canvas assignment id, so the import updates that assignment' },
} as const;

/** `--root` of the commands that read the course itself (`check`, `release`). */
export const ROOT_OPTION = {
  root: {
    type: 'string',
    describe: 'Course folder holding course.json, exercises/ and solutions/ (default: this repository)',
  },
} as const;
