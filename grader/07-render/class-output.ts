/**
 * The output folder of a class, written as grading goes: each submission's
 * own files (its detail file and pages) the moment its result arrives, its
 * summary into a spool on disk, and the class-wide files (results.json,
 * grades.csv, index.html, ...) at the end from the spool, one summary at a
 * time. What stays in memory per submission is its id and the paths written.
 * With a page ledger (./page-ledger.ts), a submission whose files would come
 * out as they already are keeps them, and none is rendered or written.
 */
import path from 'node:path';
import { GraderError } from '../errors.ts';
import { SummarySpool } from '../results/spool.ts';
import { summarize } from '../results/summary.ts';
import type { ResultsHeader, SubmissionResult } from '../results/types.ts';
import { timeStage } from '../stage-clock.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import type { PageLedger } from './page-ledger.ts';
import type { ClassResults, OutputFile, RenderContext, StreamingReporter } from './reporter.ts';

export class ClassOutput {
  private readonly root: string;
  private readonly spool = new SummarySpool();
  private readonly written: string[] = [];
  private readonly perSubmission: StreamingReporter[];
  /** Files of unchanged submissions left as they were. */
  kept = 0;

  constructor(
    outDir: string,
    private readonly reporters: StreamingReporter[],
    private readonly header: ResultsHeader,
    private readonly context: RenderContext,
    private readonly ledger?: PageLedger,
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
    const ledger = this.ledger;
    if (!ledger) await this.writeOwnFiles(full);
    else {
      const key = ledger.keyOf(full);
      const kept = ledger.unchanged(full.id, key);
      if (kept !== undefined) this.kept += kept;
      else ledger.record(full.id, key, await this.writeOwnFiles(full));
    }
    timeStage('write', () => this.spool.add(summarize(full)));
  }

  /**
   * The submission's own files (its detail file, its pages); returns their paths.
   * Timed for the stage profile in its synchronous parts only (a reporter's
   * start here, the rest where it resumes): while a page waits for its
   * drawings, the grader's thread is grading others.
   */
  private async writeOwnFiles(full: SubmissionResult): Promise<string[]> {
    const paths: string[] = [];
    for (const reporter of this.perSubmission) {
      const files = await timeStage('write', () => reporter.submission!(full, this.header, this.context));
      paths.push(...timeStage('write', () => this.write(files)));
    }
    return paths;
  }

  /**
   * A submission whose own files are already on disk and stay as they are
   * (`grade --only` keeps everyone it does not re-grade): only its summary,
   * as the earlier results.json holds it, joins the class-wide files.
   */
  addSummary(summary: SubmissionResult): void {
    this.ledger?.keep(summary.id);
    this.spool.add(summary);
  }

  /** Writes the class-wide files and removes the spool; `extra` joins the header (a roster report). */
  async finish(extra: Partial<ResultsHeader> = {}): Promise<string[]> {
    try {
      const spool = this.spool;
      const run: ClassResults = { ...this.header, ...extra, count: spool.count, summaries: () => spool.summaries() };
      for (const reporter of this.reporters) if (reporter.finish) this.write(await reporter.finish(run, this.context));
      this.ledger?.save();
      return this.written;
    } finally {
      this.spool.close();
    }
  }

  /** Gives up on the run: the spool goes, what was written stays. */
  abandon(): void {
    this.spool.close();
  }

  /** Returns the paths written. */
  private write(files: OutputFile[]): string[] {
    for (const file of files) {
      const target = path.resolve(this.root, file.path);
      if (!target.startsWith(this.root + path.sep))
        throw new GraderError('E_INTERNAL', `refusing to write outside the output folder: ${file.path}`);
      writeFileAtomic(target, file.content);
      this.written.push(file.path);
    }
    return files.map((f) => f.path);
  }
}
