/**
 * The baselines the grader is compared with: grading by running the tests
 * once per submission, as a naive harness would. Only a small sample is run:
 * they are slow.
 *   - The released repository's own `npm test` (the strongest, and the one
 *     the ratio is stated against): `grader release` writes the student
 *     repository, each submission's files replace its stubs, and `npm test`
 *     runs its `vitest run` with the release's own config (`isolate: false`),
 *     exactly as a student runs it.
 *   - The old baseline: `vitest run` with vitest's default isolation over a
 *     copy of the public tests. Kept, labelled as such, for comparison with
 *     earlier figures.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { releaseCourse } from '../grader/course/release.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The student repository as `grader release` writes it, with this course's installed packages. */
export async function releasedProject(dir: string): Promise<string> {
  await releaseCourse({ root, out: dir });
  // The release pins the same vitest as the course; linking its install stands in for `npm install`.
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** Wall-clock milliseconds of one `npm test` in the released repository, on one submission's files. */
export function timeReleasedNpmTest(project: string, submission: string): number {
  // npm runs the script with the Node that runs the bench, as a student's shell would with it first on PATH.
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
  return timeTestRun(project, submission, 'npm test did not run vitest', 'npm', ['test', '--silent'], env);
}

/** The old baseline's project: the public tests with vitest's default isolation. */
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

/** Wall-clock milliseconds of one `vitest run` of the old baseline on one submission. */
export function timeVitestRun(project: string, submission: string): number {
  const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
  return timeTestRun(project, submission, 'vitest did not run', process.execPath, [vitest, 'run', '--reporter=dot']);
}

/**
 * Wall-clock milliseconds of one test run in `project` with `submission`'s
 * files in place of its own; throws with `failure` unless vitest ran.
 */
function timeTestRun(
  project: string,
  submission: string,
  failure: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): number {
  cpSync(path.join(submission, 'exercises'), path.join(project, 'exercises'), { recursive: true });
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: project, encoding: 'utf8', env });
  const ms = performance.now() - started;
  if (run.error) throw run.error;
  if (!/Test Files/.test(`${run.stdout}${run.stderr}`)) throw new Error(`${failure}:\n${run.stderr}`);
  return ms;
}
