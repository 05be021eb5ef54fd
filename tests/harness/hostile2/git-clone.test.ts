/**
 * A clone's commit date is read without running any program and without
 * trusting the clone: a config that makes git run commands through every
 * key that can, a date far outside any believable window, a FIFO as HEAD,
 * and a store that is a symlink out of the clone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitDate } from '../../../grader/term/git-date.ts';
import { changes, snapshot } from '../support/tree-snapshot.ts';
import { clearMarks, cloneFixture, fifoHeadClone, marksLeft } from '../support/hostile-clone.ts';

let temp: string;
const hasGit = spawnSync('git', ['--version']).status === 0;

beforeAll(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'gradelab-clone-'));
  clearMarks();
});
afterAll(() => {
  clearMarks();
  rmSync(temp, { recursive: true, force: true });
});

describe('reading a commit date from a hostile clone', () => {
  it.runIf(hasGit)('the fixture is armed: git itself runs its promisor remote command', () => {
    const clone = cloneFixture('git-config-runs-commands', temp, 'armed');
    spawnSync('git', ['--no-pager', '--git-dir', path.join(clone, '.git'), 'cat-file', 'commit', 'HEAD'], {
      cwd: clone,
      stdio: 'ignore',
    });
    expect(marksLeft()).toContain('gradelab-hostile2-ran-uploadpack');
    clearMarks();
  });

  it('runs nothing and changes nothing in the clone, and gives no date', () => {
    const clone = cloneFixture('git-config-runs-commands', temp);
    const before = snapshot([clone]);
    const read = readGitDate(clone);
    expect(read.date).toBeUndefined();
    expect(read.warning).toMatch(/not a commit/);
    expect(marksLeft()).toEqual([]);
    expect(changes(before, snapshot([clone]))).toEqual([]);
  });

  it('a date outside the believable window is no date, with a warning', () => {
    const read = readGitDate(cloneFixture('git-date-far-future', temp));
    expect(read).toEqual({ warning: expect.stringMatching(/@9999999999999\) is outside 2000 to now/) });
  });

  it('a FIFO as HEAD is refused at once, not waited on', () => {
    const clone = fifoHeadClone('git-date-far-future', temp);
    const started = Date.now();
    expect(readGitDate(clone).warning).toMatch(/cannot be read.*HEAD: not a regular file/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an object store that is a symlink out of the clone is not followed', () => {
    const clone = cloneFixture('git-date-far-future', temp, 'linked');
    const elsewhere = cloneFixture('git-date-far-future', temp, 'elsewhere');
    rmSync(path.join(clone, '.git', 'objects'), { recursive: true });
    symlinkSync(path.join(elsewhere, '.git', 'objects'), path.join(clone, '.git', 'objects'));
    expect(readGitDate(clone).warning).toMatch(/not a real folder/);
    symlinkSync('/etc/hostname', path.join(clone, '.git', 'HEAD2'));
    writeFileSync(path.join(clone, '.git', 'HEAD'), 'ref: HEAD2\n');
    expect(readGitDate(clone)).toEqual({});
  });

  it.runIf(hasGit)('reads loose and packed commits, deltas included, as git does', () => {
    const repo = path.join(temp, 'real');
    mkdirSync(repo);
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=s', '-c', 'user.email=s@x', ...args], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, GIT_COMMITTER_DATE: '2025-03-04T05:06:07Z' },
      }).stdout;
    git('init', '-q');
    for (let i = 0; i < 12; i++) {
      writeFileSync(path.join(repo, 'f.txt'), `line\n`.repeat(50 + i));
      git('add', 'f.txt');
      git('commit', '-qm', `step ${i} ${'of a long message '.repeat(5)}`);
    }
    expect(readGitDate(repo)).toEqual({ date: '2025-03-04T05:06:07.000Z' });
    git('repack', '-adfq', '--depth=50', '--window=250');
    git('pack-refs', '--all');
    expect(readGitDate(repo)).toEqual({ date: '2025-03-04T05:06:07.000Z' });
  });
});
