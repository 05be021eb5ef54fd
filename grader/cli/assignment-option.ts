/**
 * `--assignment`, shared by every command that grades: which assignment of
 * course.json to grade. Without it, the first one, as before there were two.
 */
export const ASSIGNMENT_OPTION = {
  assignment: {
    type: 'string',
    describe: 'Assignment of course.json to grade, e.g. nn (default: the first, engine)',
  },
} as const;
