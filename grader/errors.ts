/**
 * Every failure the grader can report has a stable code, so that scripts and
 * tests can match on it and the CLI can render all of them in one place.
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_CONFIG'
  | 'E_NOT_FOUND'
  | 'E_ZIP'
  | 'E_SUBMISSION_MISSING_FILE'
  | 'E_SUBMISSION_SYNTAX'
  | 'E_SUBMISSION_IMPORT'
  | 'E_SUBMISSION_MISSING_EXPORT'
  /** A form that cannot work (a default export only, a method named multiply, ...), at its line, with the fix. */
  | 'E_SUBMISSION_FORM'
  | 'E_SUBMISSION_LOAD'
  | 'E_SCHEMA'
  | 'E_CHECK_FAILED'
  /** No sandbox can start on this machine (a broken install): nothing can be graded. */
  | 'E_SANDBOX_UNAVAILABLE'
  | 'E_INTERNAL';

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

/** `file:line:column` where known, for messages and CI annotations. */
export function formatLocation(location: ErrorLocation | undefined): string {
  if (!location) return '';
  return [location.file, location.line, location.column].filter((part) => part !== undefined).join(':');
}
