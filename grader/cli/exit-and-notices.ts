/**
 * The exit statuses of every command, and the one way a notice is printed.
 * The contract: 0 when grading ran, whatever the scores; non-zero only under a
 * threshold option, or when the grader itself could not run.
 */
import { terminalText } from '../terminal-text.ts';
import type { Notice } from '../runs/notice.ts';

export const EXIT = {
  /** Grading ran (whatever the scores), or the command did what it was asked. */
  ok: 0,
  /** A threshold was not met: `ci --min-score`, or `check` found a problem in the course. */
  belowThreshold: 1,
  /** The grader could not run: bad arguments or config, a missing path, a grader failure. */
  cannotRun: 2,
} as const;

/** `warning: …`, `skipped: …`, `zip refused: …` on stderr, one line each: ids and file names in them are a student's. */
export function printNotice(notice: Notice): void {
  process.stderr.write(`${notice.kind}: ${terminalText(notice.text)}\n`);
}
