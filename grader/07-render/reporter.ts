/**
 * A reporter turns results into files. Each lives in its own module and is
 * registered by name in ./registry.ts; hooks beyond `render` are optional.
 */
import type { Results } from '../results/types.ts';

export interface RenderContext {
  /** Who reads the output: instructors see everything, students follow visibility. */
  audience: 'instructor' | 'student';
  /** For after_due_date visibility. */
  now: Date;
  /** The LMS assignment the grades belong to (the canvas reporter's column header). */
  assignment?: { name: string; id?: string };
}

export interface OutputFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  content: string;
}

export interface Reporter {
  name: string;
  description: string;
  render(results: Results, context: RenderContext): OutputFile[] | Promise<OutputFile[]>;
  /** The files it writes for one submission alone (`grade --only` leaves other submissions' files untouched). */
  filesOf?(id: string): string[];
}
