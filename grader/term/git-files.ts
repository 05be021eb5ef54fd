/**
 * Reading files inside a student's `.git` folder without trusting it. Only
 * regular files are read: every folder on the way is checked to be a real
 * folder (no symlink out of the clone), the file itself is opened without
 * following a symlink and without blocking (a FIFO or a device would stall
 * a read), and is checked to be a regular file of bounded size before a
 * byte is read. Nothing here runs a program or reads git's config.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

/** A problem with the repository: the reader gives up and the clone has no date. */
export class GitUnreadable extends Error {}

/** A name inside `.git`: plain components only, no `..`, no absolute path. */
const COMPONENT = /^[A-Za-z0-9._-]+$/;

function components(rel: string): string[] {
  const parts = rel.split('/');
  if (parts.some((p) => !COMPONENT.test(p) || p === '.' || p === '..')) throw new GitUnreadable(`bad name ${rel}`);
  return parts;
}

/** True when `dir` is a folder itself, not a symlink to one. */
export function isRealFolder(dir: string): boolean {
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  return stat !== undefined && stat.isDirectory() && !stat.isSymbolicLink();
}

// O_NOFOLLOW: a symlink as the last component fails to open. O_NONBLOCK: opening a FIFO returns at once.
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** An open regular file inside the git folder, or undefined when there is none by that name. */
export class GitFile {
  private constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  static open(gitDir: string, rel: string, maxBytes: number): GitFile | undefined {
    const parts = components(rel);
    let dir = gitDir;
    for (const part of parts.slice(0, -1)) {
      dir = path.join(dir, part);
      const stat = lstatSync(dir, { throwIfNoEntry: false });
      if (!stat) return undefined;
      if (!stat.isDirectory()) throw new GitUnreadable(`${rel}: a folder on the way is not a real folder`);
    }
    let fd: number;
    try {
      fd = openSync(path.join(dir, parts.at(-1)!), FLAGS);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new GitUnreadable(`${rel}: ${(error as Error).message}`);
    }
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) {
      closeSync(fd);
      throw new GitUnreadable(`${rel}: not a regular file of at most ${maxBytes} bytes`);
    }
    return new GitFile(fd, stat.size);
  }

  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  read(position: number, length: number): Buffer {
    const end = Math.min(this.size, position + length);
    const buffer = Buffer.alloc(Math.max(0, end - position));
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(this.fd, buffer, done, buffer.length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The whole of a small file, or undefined when it does not exist. */
export function readGitFile(gitDir: string, rel: string, maxBytes: number): Buffer | undefined {
  const file = GitFile.open(gitDir, rel, maxBytes);
  if (!file) return undefined;
  try {
    return file.read(0, file.size);
  } finally {
    file.close();
  }
}
