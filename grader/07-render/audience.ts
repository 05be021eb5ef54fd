/**
 * Which reporters a run may use for its audience. Students' output must not
 * carry hidden values, and results.json, grades.csv and JUnit for instructors
 * do: for students only the pages that follow visibility (html) are written.
 * `grade` and `merge` both go through here, so neither can leak what the other
 * refuses.
 */
import { GraderError } from '../errors.ts';
import { DEFAULT_REPORTERS, type ReporterName } from './registry.ts';
import type { RenderContext } from './reporter.ts';
import { checkReporterNames } from './write-outputs.ts';

export type Audience = RenderContext['audience'];

/** The reporters asked for (or the audience's default), checked by name and against the audience. */
export function reportersFor(audience: Audience, requested?: string[]): ReporterName[] {
  const names = checkReporterNames(requested ?? (audience === 'student' ? ['html'] : DEFAULT_REPORTERS));
  const leaking = names.filter((name) => name !== 'html');
  if (audience === 'student' && leaking.length > 0)
    throw new GraderError(
      'E_USAGE',
      `--audience student writes only student pages (reporter html); ${leaking.join(', ')} would include hidden values`,
    );
  return names;
}
