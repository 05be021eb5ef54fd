/**
 * The git fixtures of fixtures/hostile2 as real clones: each keeps its `.git`
 * folder as `dot-git` (git will not store a folder named `.git`), so a copy
 * in a temporary folder gets it back under its real name. A FIFO as HEAD
 * cannot be stored at all and is made here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './fixture-class.ts';

export const HOSTILE2 = path.join(FIXTURES, 'hostile2');

/** Where the commands in git-config-runs-commands would leave their marks outside the clone. */
export const MARK_PREFIX = 'gradelab-hostile2-ran-';

/** A copy of fixtures/hostile2/<name> at <into>/<as>, its dot-git renamed .git. */
export function cloneFixture(name: string, into: string, as = name): string {
  const target = path.join(into, as);
  cpSync(path.join(HOSTILE2, name), target, { recursive: true });
  rmSync(path.join(target, 'expected_results.json'), { force: true });
  if (existsSync(path.join(target, 'dot-git'))) {
    renameSync(path.join(target, 'dot-git'), path.join(target, '.git'));
    // git stores no empty folder, so a fresh checkout lacks the ones every clone has.
    for (const dir of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags'])
      mkdirSync(path.join(target, '.git', dir), { recursive: true });
  }
  return target;
}

/** A clean clone whose .git/HEAD is a FIFO: reading it would wait for a writer forever. */
export function fifoHeadClone(name: string, into: string, as = `${name}-fifo-head`): string {
  const target = cloneFixture(name, into, as);
  rmSync(path.join(target, '.git', 'HEAD'), { force: true });
  const made = spawnSync('mkfifo', [path.join(target, '.git', 'HEAD')]);
  if (made.status !== 0) throw new Error('mkfifo is needed to make a FIFO');
  return target;
}

/** Marks left in /tmp by any command of the hostile config that ran. */
export function marksLeft(): string[] {
  return readdirSync('/tmp').filter((n) => n.startsWith(MARK_PREFIX));
}

export function clearMarks(): void {
  for (const n of marksLeft()) rmSync(path.join('/tmp', n), { force: true });
}
