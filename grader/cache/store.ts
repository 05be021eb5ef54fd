/**
 * The cache on disk: one JSON file per graded submission, named by its key.
 * Each file is written to a unique temporary name and renamed into place, so
 * a run killed at any moment (even `kill -9`) leaves either the whole entry or
 * none of it, and the next run resumes from every entry already written.
 * The temporary files such a run leaves behind are removed by a later one.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SubmissionResult } from '../results/types.ts';
import { writeFileAtomic } from '../write-atomic.ts';

export const DEFAULT_CACHE_DIR = '.gradelab-cache';
const STORE_FORMAT = 1;
/** A write takes milliseconds: a temporary file this old belongs to a run that was killed. */
const STALE_TEMP_MS = 60 * 60 * 1000;

interface StoredEntry {
  format: number;
  key: string;
  result: SubmissionResult;
}

export class ResultCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
    mkdirSync(this.dir, { recursive: true });
    this.removeStaleTemporaries();
  }

  private removeStaleTemporaries(): void {
    const cutoff = Date.now() - STALE_TEMP_MS;
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.tmp')) continue;
      const file = path.join(this.dir, name);
      try {
        if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true });
      } catch {
        // Gone already (another run swept it), or not ours to remove: either way, not a reason to stop.
      }
    }
  }

  fileFor(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  /** A hit, or undefined for anything missing, unreadable or not what was asked for. */
  get(key: string, id: string): SubmissionResult | undefined {
    let entry: StoredEntry;
    try {
      entry = JSON.parse(readFileSync(this.fileFor(key), 'utf8')) as StoredEntry;
    } catch {
      return undefined;
    }
    const ok =
      entry?.format === STORE_FORMAT &&
      entry.key === key &&
      entry.result?.id === id &&
      Array.isArray(entry.result.tests);
    return ok ? entry.result : undefined;
  }

  put(key: string, result: SubmissionResult): void {
    const entry: StoredEntry = { format: STORE_FORMAT, key, result };
    writeFileAtomic(this.fileFor(key), JSON.stringify(entry));
  }
}
