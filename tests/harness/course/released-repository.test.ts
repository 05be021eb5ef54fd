/**
 * The released repositories as a student meets them: `npm test` (vitest) run
 * in each. Red with one line per unwritten rule at its line, then green once
 * the work is copied in; the next assignment added into the same repository
 * shows only its own work; nn's own repository says how to bring the engine.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../../grader/course/catalogue.ts';
import { releaseCourse } from '../../../grader/course/release.ts';
import { emptyFolder, type TempCourse } from './temp-course.ts';

const folders: TempCourse[] = [];
afterAll(() => Promise.all(folders.map((f) => f.remove())));

async function released(assignment?: string, into?: string): Promise<string> {
  let root = into;
  if (!root) {
    const made = await emptyFolder('gradelab-student-');
    folders.push(made);
    root = made.root;
  }
  await rm(join(root, 'node_modules'), { force: true });
  await releaseCourse({ root: PACKAGE_ROOT, out: root, assignment });
  await symlink(join(PACKAGE_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/**
 * `npm test` as CI runs it. `raw` is the output as printed (vitest's own
 * colours included: CI alone does not turn them off), `out` without colours.
 */
function npmTest(cwd: string): { status: number | null; out: string; raw: string } {
  const run = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'node_modules/vitest/vitest.mjs'), 'run'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, VITEST: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined, CI: '1' },
  });
  const raw = run.stdout + run.stderr;
  return { status: run.status, out: raw.replace(/\x1b\[[0-9;]*m/g, ''), raw };
}

const solution = (root: string, ...files: string[]) =>
  Promise.all(files.map((f) => copyFile(join(PACKAGE_ROOT, 'solutions', f), join(root, 'exercises', f))));

/** The line of `text` in the stub file, 1-based. */
async function lineOf(root: string, file: string, text: string): Promise<number> {
  return (await readFile(join(root, file), 'utf8')).split('\n').findIndex((line) => line.includes(text)) + 1;
}

describe('one repository for the term', () => {
  test('engine: red with one line per rule, green once done; nn added: only its own work left', async () => {
    const repo = await released();
    const stubs = npmTest(repo);
    expect(stubs.status).toBe(1);
    for (const rule of ['add', 'mul', 'tanh']) {
      const line = await lineOf(repo, 'exercises/engine.ts', `todo('${rule}')`);
      expect(stubs.out).toMatch(
        new RegExp(
          `^ {3}exercises/engine\\.ts:${line} +the backward rule of ${rule} is not written yet \\(\\d+ tests wait for it\\)$`,
          'm',
        ),
      );
    }
    expect(stubs.out).toMatch(/^ {3}exercises\/manual\.ts:\d+ +dL\/da is still NaN/m);
    // No wall of frames: the helper's own line is nowhere, and vitest lists no TODO failure one by one.
    expect(stubs.out).not.toMatch(/FAIL .*TODO|engine\.ts:1[34]\d/);
    expect(stubs.out).toMatch(/Tests +21 failed/);
    // With CI set, the progress line is plain text even where vitest colours its own lines.
    expect(stubs.raw).toMatch(/\x1b\[/);
    expect(stubs.raw).toMatch(
      /Progress {2}manual ✗ add ✗ mul ✗ accumulate ✗ tanh ✗ neuron ✗ bonus: bonus-ops · nudge ·\n/,
    );
    expect(stubs.out).not.toContain('|nn|');

    await solution(repo, 'engine.ts', 'manual.ts');
    const engine = await readFile(join(repo, 'exercises/engine.ts'));
    const done = npmTest(repo);
    expect(done.out).toMatch(/Tests +29 passed/);
    expect(done.out).toContain('(the required work is done)');
    expect(done.status).toBe(0);

    await released('nn', repo);
    expect(await readFile(join(repo, 'exercises/engine.ts'))).toEqual(engine);
    const nn = npmTest(repo);
    expect(nn.status).toBe(1);
    expect(nn.out).not.toMatch(/FAIL +\|engine\|/);
    expect(nn.out).toMatch(/^ {3}exercises\/nn\.ts:\d+ +Layer is not written yet/m);
    expect(nn.out).toMatch(/Progress {2}manual ✓ add ✓ mul ✓ accumulate ✓ tanh ✓ neuron ✓ layer ✗/);
  }, 240_000);
});

describe("nn's own repository", () => {
  test('fails with how to bring the engine, then goes green with a correct engine and nn.ts', async () => {
    const repo = await released('nn');
    const placeholder = npmTest(repo);
    expect(placeholder.status).toBe(1);
    expect(placeholder.out).toMatch(
      /^ {3}exercises\/engine\.ts:1 +bring your own engine: copy exercises\/engine\.ts from your engine repository/m,
    );
    expect(placeholder.out).toMatch(/next: exercises\/engine\.ts:1, bring your own engine/);

    await solution(repo, 'engine.ts');
    const stubs = npmTest(repo);
    expect(stubs.out).toMatch(/^ {3}exercises\/nn\.ts:\d+ +MLP is not written yet/m);

    await solution(repo, 'nn.ts');
    const done = npmTest(repo);
    expect(done.out).toMatch(/Progress {2}layer ✓ mlp ✓ loss ✓ zero-grad ✓ train-step ✓\n/);
    expect(done.status).toBe(0);
  }, 240_000);
});
