/**
 * The committer date of HEAD in a submission that is a git clone, read from
 * the files of its `.git` folder by the code here and in ./git-objects.ts.
 * No program runs: not git (whose own config, hooks, fsmonitor, pager or
 * promisor remote a student controls), not anything else. Only regular files
 * inside the clone's own `.git` folder are read (./git-files.ts), each of
 * bounded size; a `.git` file pointing elsewhere (a worktree or submodule)
 * is not followed, nor are alternates.
 *
 * The date is whatever the student's machine claimed when committing: anyone
 * can set it (GIT_COMMITTER_DATE, a wrong clock). It is a fallback for when
 * the platform's own record (`--submitted-at`) is not given. A date outside
 * DATE_WINDOW is no date, with a warning.
 */
import path from 'node:path';
import { GitUnreadable, isRealFolder, readGitFile } from './git-files.ts';
import { readObject } from './git-objects.ts';

const MAX_REF_FILE = 4096;
const MAX_PACKED_REFS = 8 << 20;
const MAX_SYMREF_HOPS = 5;
const REF_NAME = /^refs\/[A-Za-z0-9._/-]+$/;
const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Commit dates accepted: from 2000 to a day after now. Anything else is a wrong clock or a forgery. */
export const DATE_WINDOW = { from: Date.UTC(2000, 0, 1), slackAfterNowMs: 24 * 3600 * 1000 };

export interface GitDate {
  /** ISO 8601 in UTC; absent when there is no readable, believable date. */
  date?: string;
  /** Why a clone has no date although it looks like one. */
  warning?: string;
}

/** HEAD's committer date, or why there is none; `{}` when the folder is no git clone. */
export function readGitDate(folder: string, now: Date = new Date()): GitDate {
  const gitDir = path.join(folder, '.git');
  // A `.git` file (a worktree or submodule) or symlink points somewhere else on the disk: not followed.
  if (!isRealFolder(gitDir)) return {};
  try {
    const id = resolveHead(gitDir);
    if (!id) return {};
    const commit = readObject(gitDir, id);
    if (!commit || commit.type !== 'commit') return { warning: `HEAD (${id}) is not a commit in the clone` };
    return dateOf(commit.body, now);
  } catch (error) {
    if (error instanceof GitUnreadable || error instanceof RangeError || isFsError(error))
      return { warning: `the git clone cannot be read (${error.message})` };
    throw error;
  }
}

function isFsError(error: unknown): error is Error {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function text(gitDir: string, rel: string, max: number): string | undefined {
  return readGitFile(gitDir, rel, max)?.toString('utf8');
}

/** The commit id HEAD names, through symbolic refs, loose refs and packed-refs. */
function resolveHead(gitDir: string): string | undefined {
  let content = text(gitDir, 'HEAD', MAX_REF_FILE)?.trim();
  for (let hop = 0; content !== undefined; hop++) {
    if (OBJECT_ID.test(content)) return content;
    const ref = /^ref: (\S+)$/.exec(content)?.[1];
    if (!ref || !REF_NAME.test(ref) || ref.split('/').includes('..') || hop >= MAX_SYMREF_HOPS) return undefined;
    content = text(gitDir, ref, MAX_REF_FILE)?.trim() ?? packedRef(gitDir, ref);
  }
  return undefined;
}

function packedRef(gitDir: string, ref: string): string | undefined {
  const packed = text(gitDir, 'packed-refs', MAX_PACKED_REFS);
  for (const line of packed?.split('\n') ?? []) {
    const [id, name] = line.trim().split(' ');
    if (name === ref && OBJECT_ID.test(id)) return id;
  }
  return undefined;
}

const COMMITTER = /^committer .* (-?\d+) ([+-]\d{4})$/m;

function dateOf(body: Buffer, now: Date): GitDate {
  // Only the header: a commit message may hold a line that looks like one.
  const header = body.toString('utf8').split('\n\n', 1)[0];
  const match = COMMITTER.exec(header);
  if (!match) return { warning: 'the HEAD commit has no committer date' };
  const ms = Number(match[1]) * 1000;
  const latest = now.getTime() + DATE_WINDOW.slackAfterNowMs;
  if (!Number.isSafeInteger(ms) || ms < DATE_WINDOW.from || ms > latest)
    return { warning: `the HEAD commit's date (@${match[1].slice(0, 20)}) is outside 2000 to now: not used` };
  return { date: new Date(ms).toISOString() };
}
