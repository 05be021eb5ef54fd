/**
 * The rules `grader check` proves, and the shape of a problem it reports.
 * A table of its own so that each rule's module (./layout.ts, ...) can name
 * its problems without importing the check that runs it.
 */
export const RULES = {
  catalogue: 'course.json is a valid exercise catalogue',
  files: 'every file course.json names exists, and every public test is in course.json',
  mirror: 'exercises/ and solutions/ hold the same files, and no stub is a copy of its solution',
  hints: 'every exercise has a hint',
  given:
    'code marked as given is identical in each stub and its solution, and so is what the engine stub gives (fields, forward ops, backward())',
  assignments:
    "each assignment's tests and stubs use only its own stubs and those it needs, so it can be released alone",
  compile: 'stubs, solutions and public tests compile',
  required: 'required tests fail on the stubs and pass on the solutions',
  bonus: 'bonus tests do not pass on the stubs, and pass on the solutions',
} as const;

export type RuleId = keyof typeof RULES;

export interface CheckProblem {
  rule: RuleId;
  /** Relative to the course root: the file to open to fix the problem. */
  file: string;
  line?: number;
  column?: number;
  message: string;
}
