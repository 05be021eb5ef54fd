/**
 * Recognises a failure that only means "not written yet" (a stub's TODO), and
 * finds the line of the student's file where the missing code goes. Both
 * reporters in this folder read failures through it, so the short list of
 * unwritten rules and the progress line always name the same place.
 */
import { relative } from 'node:path';

/** The part of a vitest error this needs (vitest's SerializedError has more). */
export interface FailureError {
  message?: string;
  stack?: string;
  stacks?: Array<{ file: string; line: number; column: number }>;
}

export interface NotWritten {
  /** What is missing, e.g. `the backward rule of add is not written yet`. */
  what: string;
  /** `exercises/engine.ts:41`, or the file alone when no line is known. */
  where: string;
}

// The stubs' TODO helpers (exercises/*.ts) and the manual test both start their messages this way.
const TODO = /^TODO: (.*?)(?: \((exercises\/[^\s():]+(?::\d+)?)\))?$/s;

/** The unwritten piece of work this error stands for, or undefined when it is a real failure. */
export function notWritten(error: FailureError, root: string): NotWritten | undefined {
  const match = TODO.exec(error.message ?? '');
  if (!match) return undefined;
  const [, what, named] = match;
  // A line the message names itself is meant; otherwise the first frame in the student's files.
  const where = named && /:\d+$/.test(named) ? named : (frameInExercises(error, root) ?? named ?? 'exercises/');
  return { what: what.trim(), where };
}

/** The first stack frame inside exercises/, as `exercises/file.ts:line`. */
function frameInExercises(error: FailureError, root: string): string | undefined {
  const parsed = error.stacks?.find((frame) => inExercises(relative(root, frame.file)));
  if (parsed) return `${slashes(relative(root, parsed.file))}:${parsed.line}`;
  // Without vitest's parsed frames: read them from the stack text (`at fn (/path/exercises/engine.ts:41:7)`).
  for (const line of (error.stack ?? '').split('\n')) {
    const frame = /\(?((?:file:\/\/)?[^\s()]+):(\d+):\d+\)?\s*$/.exec(line);
    if (!frame) continue;
    const file = slashes(relative(root, frame[1].replace(/^file:\/\//, '')));
    if (inExercises(file)) return `${file}:${frame[2]}`;
  }
  return undefined;
}

function inExercises(file: string): boolean {
  return slashes(file).startsWith('exercises/');
}

function slashes(path: string): string {
  return path.split('\\').join('/');
}
