/**
 * The output folder of a class, written as grading goes: each submission's
 * own files (its detail file and pages) the moment its result arrives, its
 * summary into a spool on disk, and the class-wide files (results.json,
 * grades.csv, index.html, ...) at the end from the spool, one summary at a
 * time. What stays in memory per submission is its id and the paths written.
 * With a page ledger (./page-ledger.ts), a submission whose files would come
 * out as they already are keeps them, and none is rendered or written.
 *
 * One submission costs at most its own row. Its own files are written behind
 * a boundary, and its summary is rendered by every class-wide reporter on its
 * own before it joins the spool (a class of one, thrown away), so a result
 * that makes a writer throw is found while it is still alone. It is then
 * replaced by the grader's failure on it (E_INTERNAL, naming the writer), and
 * if even that cannot be written, it is left out of the class files and
 * listed in `refused`. The class files are written for everyone else.
 */
import path from 'node:path';
import { GraderError } from '../errors.ts';
import { SummarySpool } from '../results/spool.ts';
import { failedResult } from '../results/failed.ts';
import { summarize } from '../results/summary.ts';
import type { ResultsHeader, SubmissionResult } from '../results/types.ts';
import { timeStage } from '../stage-clock.ts';
import { clip } from '../text-caps.ts';
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
  /** Ids whose result no writer could take, not even as the grader's failure: left out of the class files. */
  readonly refused: string[] = [];

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

  /** What to tell the user of each refused id (every run that adds results says it the same way). */
  refusedWarnings(): string[] {
    return this.refused.map(
      (id) => `${id}: no output could take this result, not even as an error; left out of the class files`,
    );
  }

  get count(): number {
    return this.spool.count;
  }

  /** Every id so far, in results.json's order (for matching a roster before finish). */
  ids(): string[] {
    return this.spool.ids();
  }

  /**
   * Writes the submission's own files and spools its summary; returns the
   * result as recorded (the grader's failure on it, when a writer threw).
   */
  async add(full: SubmissionResult): Promise<SubmissionResult> {
    let recorded = full;
    try {
      await this.addOwnFiles(full);
    } catch (error) {
      recorded = failedResult(full.id, 'writing its own files', error, full);
      await this.addOwnFiles(recorded).catch(() => {});
    }
    let summary = await this.checkedSummary(recorded);
    if (summary instanceof Error) {
      recorded = failedResult(full.id, `writing the class files: ${summary.message}`, summary.cause, full);
      summary = await this.checkedSummary(recorded);
    }
    if (summary instanceof Error) this.refused.push(full.id);
    else {
      const spooled = summary;
      timeStage('write', () => this.spool.add(spooled));
    }
    return recorded;
  }

  private async addOwnFiles(full: SubmissionResult): Promise<void> {
    const ledger = this.ledger;
    if (!ledger) await this.writeOwnFiles(full);
    else {
      const key = ledger.keyOf(full);
      const kept = ledger.unchanged(full.id, key);
      if (kept !== undefined) this.kept += kept;
      else ledger.record(full.id, key, await this.writeOwnFiles(full));
    }
  }

  /** The summary, once every class-wide reporter has rendered it alone; or which one threw. */
  private async checkedSummary(full: SubmissionResult): Promise<SubmissionResult | Error> {
    let summary: SubmissionResult;
    try {
      summary = summarize(full);
    } catch (error) {
      return new Error('summarising', { cause: error });
    }
    const alone: ClassResults = { ...this.header, count: 1, summaries: () => [summary] };
    for (const reporter of this.reporters) {
      if (!reporter.finish) continue;
      try {
        for (const file of await reporter.finish(alone, this.context)) drain(file.content);
      } catch (error) {
        return new Error(reporter.name, { cause: error });
      }
    }
    return summary;
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
      // A writer that fails for the whole class costs its own file, not the others'.
      const failed: string[] = [];
      for (const reporter of this.reporters) {
        if (!reporter.finish) continue;
        try {
          this.write(await reporter.finish(run, this.context));
        } catch (error) {
          failed.push(`${reporter.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      this.ledger?.save();
      if (failed.length > 0)
        throw new GraderError(
          'E_INTERNAL',
          `could not write the class files of ${failed.map((f) => clip(f, 500)).join('; ')}`,
        );
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

/** Renders a file's content and throws it away. */
function drain(content: OutputFile['content']): void {
  if (typeof content !== 'string') for (const _chunk of content);
}
