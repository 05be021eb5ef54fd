/**
 * Every file the grader writes goes to a temporary name first and is then
 * renamed, so a run killed at any moment leaves either the old file or the
 * new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** `content` may be a sequence of chunks, written one at a time, so a large file is never one string. */
export function writeFileAtomic(file: string, content: string | Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Unique per write: two workers writing the same file must not share a temporary one.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    if (typeof content === 'string') writeFileSync(temp, content);
    else writeChunks(temp, content);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function writeChunks(file: string, chunks: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    // Small chunks are gathered so that a class of short lines is not one system call per line.
    let pending = '';
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= 1 << 16) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    if (pending) writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
}
