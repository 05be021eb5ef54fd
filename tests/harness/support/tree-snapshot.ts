/**
 * A fingerprint of every file under some folders (mtime, size and SHA-256,
 * symlinks by their target), to prove that grading changed nothing outside
 * its output folder.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

export type Snapshot = Map<string, string>;

function walk(dir: string, into: Snapshot): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      into.set(`${full}/`, 'dir');
      walk(full, into);
    } else if (entry.isSymbolicLink()) {
      into.set(full, `link -> ${readlinkSync(full)} @${lstatSync(full).mtimeMs}`);
    } else if (!entry.isFile()) {
      // A FIFO or device: reading it would block, and its content is no file's.
      into.set(full, `special @${lstatSync(full).mtimeMs}`);
    } else {
      const stat = lstatSync(full);
      const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
      into.set(full, `${stat.size} ${stat.mtimeMs} ${hash}`);
    }
  }
}

export function snapshot(dirs: string[]): Snapshot {
  const result: Snapshot = new Map();
  for (const dir of dirs) walk(dir, result);
  return result;
}

/** Paths added, removed or changed between two snapshots, with what happened. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [file, print] of before) {
    if (!after.has(file)) out.push(`removed ${file}`);
    else if (after.get(file) !== print) out.push(`changed ${file}`);
  }
  for (const file of after.keys()) if (!before.has(file)) out.push(`added ${file}`);
  return out;
}
