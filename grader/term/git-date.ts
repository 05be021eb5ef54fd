/**
 * The committer date of HEAD in a submission that is a git clone. It is read
 * with `git cat-file`, which runs no hooks, reads no index or working tree
 * (so no fsmonitor command) and verifies no signature (so no gpg program a
 * repository's own config could name). The global and system config are not
 * read at all, and the committer line is parsed here rather than formatted
 * by git, so nothing the student controls decides how it is printed.
 *
 * The date is whatever the student's machine claimed when committing: anyone
 * can set it (GIT_COMMITTER_DATE, a wrong clock). It is a fallback for when
 * the platform's own record (`--submitted-at`) is not given.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const COMMITTER = /^committer .* (\d+) ([+-]\d{4})$/m;

/** HEAD's committer date as ISO 8601 in UTC, or undefined when the folder is no git clone or git cannot tell. */
export function gitCommitDate(folder: string): string | undefined {
  const gitDir = path.join(folder, '.git');
  // A `.git` file (a worktree or submodule) points somewhere else on the disk: not followed.
  if (!existsSync(gitDir) || !statSync(gitDir).isDirectory()) return undefined;
  const run = spawnSync(
    'git',
    [
      '--no-pager',
      '-c',
      'core.fsmonitor=false',
      '-c',
      `safe.directory=*`,
      '--git-dir',
      gitDir,
      'cat-file',
      'commit',
      'HEAD',
    ],
    {
      encoding: 'utf8',
      timeout: 10_000,
      maxBuffer: 1 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: {
        PATH: process.env.PATH ?? '',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_TERMINAL_PROMPT: '0',
        GIT_OPTIONAL_LOCKS: '0',
      },
    },
  );
  if (run.status !== 0 || typeof run.stdout !== 'string') return undefined;
  // Only the header: a commit message may hold a line that looks like one.
  const header = run.stdout.split('\n\n', 1)[0];
  const match = COMMITTER.exec(header);
  if (!match) return undefined;
  const seconds = Number(match[1]);
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined;
}
