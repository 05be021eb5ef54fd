/**
 * The baseline the grader is compared with: grading by running `vitest run`
 * once per submission, on a copy of the public tests, as a naive harness
 * would. Only a small sample is run: it is slow.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export function vitestProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(root, 'tests/public'), path.join(dir, 'tests/public'), { recursive: true });
  cpSync(path.join(root, 'tests/support'), path.join(dir, 'tests/support'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    path.join(dir, 'vitest.config.ts'),
    "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/public/**/*.test.ts'], setupFiles: ['tests/support/setup.ts'] } });\n",
  );
  return dir;
}

/** Wall-clock milliseconds of one `vitest run` on one submission. */
export function timeVitestRun(project: string, submission: string): number {
  cpSync(path.join(submission, 'exercises'), path.join(project, 'exercises'), { recursive: true });
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=dot'],
    { cwd: project, encoding: 'utf8' },
  );
  const ms = performance.now() - started;
  if (run.error) throw run.error;
  if (!/Test Files/.test(`${run.stdout}${run.stderr}`)) throw new Error(`vitest did not run:\n${run.stderr}`);
  return ms;
}
