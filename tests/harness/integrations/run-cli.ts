/**
 * Runs the real CLI (`node bin/grader.js ...`) as a user or a CI job would,
 * with a controlled environment: the GitHub variables of the machine running
 * the tests are dropped so they never leak into what is being checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = path.join(REPO, 'bin', 'grader.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}, cwd = REPO): CliRun {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_')));
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...base, ...env, FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `gradelab-${prefix}-`));
}

export const fixture = (...parts: string[]) => path.join(REPO, 'fixtures', ...parts);
