/**
 * Which files each submission's own output came from, so that re-grading an
 * unchanged class rewrites none of them. A submission keeps its files when
 * everything they are made from is what made them last time — its result
 * (the term applied), the run's settings, the reporters, the audience, the
 * grader's code and the templates — and each file is still on disk exactly as
 * written (same size and modification time: a file edited or deleted by hand
 * is written again).
 *
 * The ledger lives in the cache folder, one file per output folder, not in
 * the output folder itself: that folder may be published, and the ledger
 * names the whole class. No cache folder, no ledger: everything is written.
 * Entries are a few hundred bytes per submission, the same order as the
 * overview's row.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILD } from '../build-info.ts';
import { renderSourceDigest } from '../cache/key.ts';
import type { ResultsHeader, SubmissionResult } from '../results/types.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import type { RenderContext } from './reporter.ts';

const FORMAT = 'gradelab-pages-1';

interface Entry {
  key: string;
  /** Path relative to the output folder → [size, mtimeMs] as written. */
  files: Record<string, [number, number]>;
}

let renderDigest: string | undefined;

export class PageLedger {
  private readonly previous: Map<string, Entry>;
  private readonly next = new Map<string, Entry>();
  private readonly file: string;
  private readonly base: string;

  /**
   * `reporters`: the names of those that write per-submission files. The run's
   * date is left out of the key: a page kept from an earlier run keeps the date
   * its result was graded.
   */
  constructor(
    cacheDir: string,
    private readonly outDir: string,
    reporters: string[],
    header: ResultsHeader,
    context: RenderContext,
  ) {
    this.file = path.join(cacheDir, 'pages', `${digest(path.resolve(outDir))}.json`);
    this.previous = readLedger(this.file);
    renderDigest ??= BUILD?.renderDigest ?? renderSourceDigest();
    const { generatedAt: _eachRun, ...settings } = header;
    const due = header.config.dueDate ? Date.parse(header.config.dueDate) : Number.NaN;
    this.base = digest(
      JSON.stringify([FORMAT, renderDigest, reporters, settings, context.audience, context.assignment ?? null]),
      // after_due_date cases open to students once the date passes: that changes the student pages.
      String(context.now.getTime() >= due),
    );
  }

  /** The key of a result's files, to pass to `unchanged` and `record`. */
  keyOf(full: SubmissionResult): string {
    return digest(this.base, JSON.stringify(full));
  }

  /**
   * When the files last written for this id came from the same key and are
   * untouched since: how many they are (they stay). Otherwise undefined.
   */
  unchanged(id: string, key: string): number | undefined {
    const entry = this.previous.get(id);
    if (entry?.key !== key) return undefined;
    const files = Object.entries(entry.files);
    for (const [rel, [size, mtimeMs]] of files) {
      const stat = statSync(path.join(this.outDir, rel), { throwIfNoEntry: false });
      if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return undefined;
    }
    this.next.set(id, entry);
    return files.length;
  }

  /** The files just written for an id. */
  record(id: string, key: string, written: string[]): void {
    const files: Entry['files'] = {};
    for (const rel of written) {
      const stat = statSync(path.join(this.outDir, rel));
      files[rel] = [stat.size, stat.mtimeMs];
    }
    this.next.set(id, { key, files });
  }

  /** An id whose files this run leaves alone (`grade --only`): its entry carries over. */
  keep(id: string): void {
    const entry = this.previous.get(id);
    if (entry) this.next.set(id, entry);
  }

  /** Writes the entries of this run's submissions; ids no longer in the class drop out. */
  save(): void {
    const entries = Object.fromEntries(this.next);
    writeFileAtomic(this.file, `${JSON.stringify({ format: FORMAT, entries })}\n`);
  }
}

function digest(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** An unreadable or foreign ledger is no ledger: everything is written again, nothing is lost. */
function readLedger(file: string): Map<string, Entry> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: string; entries?: Record<string, Entry> };
    if (parsed.format !== FORMAT || typeof parsed.entries !== 'object' || parsed.entries === null) return new Map();
    return new Map(Object.entries(parsed.entries));
  } catch {
    return new Map();
  }
}
