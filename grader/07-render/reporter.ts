/**
 * A reporter turns results into files. Each lives in its own module and is
 * registered by name in ./registry.ts.
 *
 * Reporters stream: `submission` gets each full result (every node) as it
 * arrives and returns that submission's own files, and `finish` gets the
 * class as summaries read back one at a time (no nodes) and returns the
 * class-wide files, whose content may be a sequence of chunks. Neither ever
 * holds the whole class. `render` does both over results held in memory, for
 * one submission (`grader ci`) and for tests.
 */
import type { Results, ResultsHeader, SubmissionResult } from '../results/types.ts';

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
  /** The text, or its chunks in order (a class-wide file is never one string). */
  content: string | Iterable<string>;
}

export interface RenderedFile {
  path: string;
  content: string;
}

/** The class as class-wide outputs see it: the run's header and its summaries in id order. */
export interface ClassResults extends ResultsHeader {
  count: number;
  /** Summaries (tests without nodes, with `detail`), one at a time; may be iterated more than once. */
  summaries(): Iterable<SubmissionResult>;
}

export interface StreamingReporter {
  name: string;
  description: string;
  submission?(full: SubmissionResult, run: ResultsHeader, context: RenderContext): OutputFile[] | Promise<OutputFile[]>;
  finish?(run: ClassResults, context: RenderContext): OutputFile[] | Promise<OutputFile[]>;
}

export interface Reporter extends StreamingReporter {
  render(results: Results, context: RenderContext): Promise<RenderedFile[]>;
}
