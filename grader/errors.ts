/**
 * Every failure the grader can report has a stable code, so that scripts and
 * tests can match on it and the CLI can render all of them in one place.
 */
export const ERROR_CODES = [
  'E_USAGE',
  'E_CONFIG',
  'E_NOT_FOUND',
  'E_ZIP',
  'E_SUBMISSION_MISSING_FILE',
  'E_SUBMISSION_SYNTAX',
  'E_SUBMISSION_IMPORT',
  'E_SUBMISSION_MISSING_EXPORT',
  /** A form that cannot work (a default export only, a method named multiply, ...), at its line, with the fix. */
  'E_SUBMISSION_FORM',
  'E_SUBMISSION_LOAD',
  /** A case that did not run because a file it needs could not be loaded. */
  'E_NOT_RUN',
  /** A case skipped because earlier cases of the same submission hung. */
  'E_SKIPPED_AFTER_HANG',
  'E_SCHEMA',
  'E_CHECK_FAILED',
  /** No sandbox can start on this machine (a broken install): nothing can be graded. */
  'E_SANDBOX_UNAVAILABLE',
  'E_INTERNAL',
] as const;

/** The results schema lists the same codes (tests/harness/core/results-schema.test.ts holds them equal). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a case has no result of its own: it never ran. */
export type NotRunCode = Extract<ErrorCode, 'E_NOT_RUN' | 'E_SKIPPED_AFTER_HANG'>;

export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

export class GraderError extends Error {
  readonly code: ErrorCode;
  readonly location?: ErrorLocation;
  readonly details: string[];
  /** More problems of the same kind found with this one (every blocker of a file), each reported in its own right. */
  readonly also: GraderError[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { location?: ErrorLocation; details?: string[]; also?: GraderError[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'GraderError';
    this.code = code;
    this.location = options.location;
    this.details = options.details ?? [];
    this.also = options.also ?? [];
  }
}

export function isGraderError(error: unknown): error is GraderError {
  return error instanceof GraderError;
}

/**
 * The one way a location is printed: `engine.ts:3:7`, `engine.ts:3`, just the
 * file when no line is known, or nothing at all. Every output (the CLI, the
 * report, CI, JUnit, Gradescope) goes through here.
 */
export function formatLocation(location: Partial<ErrorLocation> | undefined): string {
  if (!location?.file) return '';
  if (location.line === undefined) return location.file;
  return location.column === undefined
    ? `${location.file}:${location.line}`
    : `${location.file}:${location.line}:${location.column}`;
}

/** A message with its location in front, where there is one: `engine.ts:3:7: Unexpected token`. */
export function locatedMessage(error: Partial<ErrorLocation> & { message: string }): string {
  const where = formatLocation(error);
  return where ? `${where}: ${error.message}` : error.message;
}
