/**
 * The output folder of a class, written as grading goes: each submission's
 * own files (its detail file and pages) the moment its result arrives, its
 * summary into a spool on disk, and the class-wide files (results.json,
 * grades.csv, index.html, ...) at the end from the spool, one summary at a
 * time. What stays in memory per submission is its id and the paths written.
 */
import path from 'node:path';
import { GraderError } from '../errors.ts';
import { SummarySpool } from '../results/spool.ts';
import { summarize } from '../results/summary.ts';
import type { ResultsHeader, SubmissionResult } from '../results/types.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import type { ClassResults, OutputFile, RenderContext, StreamingReporter } from './reporter.ts';

export class ClassOutput {
  private readonly root: string;
  private readonly spool = new SummarySpool();
  private readonly written: string[] = [];
  private readonly perSubmission: StreamingReporter[];

  constructor(
    outDir: string,
    private readonly reporters: StreamingReporter[],
    private readonly header: ResultsHeader,
    private readonly context: RenderContext,
  ) {
    this.root = path.resolve(outDir);
    this.perSubmission = reporters.filter((r) => r.submission);
  }

  get count(): number {
    return this.spool.count;
  }

  /** Every id so far, in results.json's order (for matching a roster before finish). */
  ids(): string[] {
    return this.spool.ids();
  }

  async add(full: SubmissionResult): Promise<void> {
    for (const reporter of this.perSubmission) this.write(await reporter.submission!(full, this.header, this.context));
    this.spool.add(summarize(full));
  }

  /**
   * A submission whose own files are already on disk and stay as they are
   * (`grade --only` keeps everyone it does not re-grade): only its summary,
   * as the earlier results.json holds it, joins the class-wide files.
   */
  addSummary(summary: SubmissionResult): void {
    this.spool.add(summary);
  }

  /** Writes the class-wide files and removes the spool; `extra` joins the header (a roster report). */
  async finish(extra: Partial<ResultsHeader> = {}): Promise<string[]> {
    try {
      const spool = this.spool;
      const run: ClassResults = { ...this.header, ...extra, count: spool.count, summaries: () => spool.summaries() };
      for (const reporter of this.reporters) if (reporter.finish) this.write(await reporter.finish(run, this.context));
      return this.written;
    } finally {
      this.spool.close();
    }
  }

  /** Gives up on the run: the spool goes, what was written stays. */
  abandon(): void {
    this.spool.close();
  }

  private write(files: OutputFile[]): void {
    for (const file of files) {
      const target = path.resolve(this.root, file.path);
      if (!target.startsWith(this.root + path.sep))
        throw new GraderError('E_INTERNAL', `refusing to write outside the output folder: ${file.path}`);
      writeFileAtomic(target, file.content);
      this.written.push(file.path);
    }
  }
}
