/**
 * Global set-up of the harness tests: brings dist/ (the build that
 * bin/grader.js runs) up to date first, so tests that spawn the CLI run the
 * code under test, never an older build, and exercise the build itself.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export default function buildDist(): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'tools/build.ts', '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`building dist/ failed:\n${result.stdout}${result.stderr}`);
}
