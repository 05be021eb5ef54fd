/**
 * Submission summaries on disk while a class is graded: each is appended to
 * a temporary file as one JSON line the moment it exists, and only its id
 * and place in the file stay in memory. Reading them back in id order, one
 * at a time, is what lets every class-wide output be written with memory
 * flat in the size of the class.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SubmissionResult } from './types.ts';

interface Entry {
  id: string;
  offset: number;
  length: number;
}

export class SummarySpool {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'gradelab-summaries-'));
  private readonly fd = openSync(path.join(this.dir, 'summaries.jsonl'), 'w+');
  private readonly entries: Entry[] = [];
  private size = 0;
  private sorted = true;

  get count(): number {
    return this.entries.length;
  }

  add(summary: SubmissionResult): void {
    const bytes = Buffer.from(`${JSON.stringify(summary)}\n`, 'utf8');
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    const last = this.entries.at(-1);
    if (last && last.id.localeCompare(summary.id) > 0) this.sorted = false;
    this.entries.push({ id: summary.id, offset: this.size, length: bytes.length - 1 });
    this.size += bytes.length;
  }

  /** Every id, in the order results.json lists submissions (buildResults's order). */
  ids(): string[] {
    return this.inOrder().map((e) => e.id);
  }

  /** The summaries in id order, read back one at a time; may be iterated more than once. */
  *summaries(): Generator<SubmissionResult> {
    for (const entry of this.inOrder()) {
      const bytes = Buffer.alloc(entry.length);
      readSync(this.fd, bytes, 0, entry.length, entry.offset);
      yield JSON.parse(bytes.toString('utf8')) as SubmissionResult;
    }
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private inOrder(): Entry[] {
    if (!this.sorted) {
      this.entries.sort((a, b) => a.id.localeCompare(b.id));
      this.sorted = true;
    }
    return this.entries;
  }
}
