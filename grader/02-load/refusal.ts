/**
 * One GraderError for a file that cannot be run as it is, carrying every
 * blocker found in it (./blockers.ts): the first is the headline, with its
 * line; the others ride along (`also`) and are reported each at its own line,
 * so the student sees them all at once.
 */
import { GraderError } from '../errors.ts';
import type { Blocker } from './blockers.ts';

/**
 * `base` is what stopped the file (a refused import, a missing export), if
 * anything did. A syntax error, or a problem no blocker accounts for, stays
 * the headline; the blockers follow it.
 */
export function refusal(file: string, blockers: Blocker[], base?: GraderError): GraderError {
  const asError = (b: Blocker) => new GraderError(b.code, b.message, { location: { file, line: b.line } });
  if (blockers.length === 0) {
    if (!base) throw new Error('refusal() needs a blocker or an error');
    return base;
  }
  if (base && (base.code === 'E_SUBMISSION_SYNTAX' || !blockers.some((b) => sameProblem(b, base))))
    return new GraderError(base.code, base.message, {
      location: base.location,
      details: base.details,
      also: blockers.map(asError),
    });
  const [first, ...rest] = blockers;
  const more =
    rest.length > 0 ? ` (${rest.length} more problem${rest.length > 1 ? 's' : ''} in this file: see below)` : '';
  return new GraderError(first.code, `${first.message}${more}`, {
    location: { file, line: first.line },
    also: rest.map(asError),
  });
}

function sameProblem(blocker: Blocker, error: GraderError): boolean {
  // The scan places an import at its statement; the bundler only finds the specifier's first mention (maybe a comment).
  return blocker.code === error.code;
}
