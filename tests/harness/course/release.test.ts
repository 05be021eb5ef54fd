/**
 * `grader release` hands the course to students, so it must hand out exactly
 * the student files, and not one line of a solution.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../../grader/course/catalogue.ts';
import { solutionOnlyLines } from '../../../grader/course/leaks.ts';
import { listFiles } from '../../../grader/course/layout.ts';
import { releaseCourse } from '../../../grader/course/release.ts';
import { GraderError } from '../../../grader/errors.ts';
import { copyCourse, emptyFolder, type TempCourse } from './temp-course.ts';

const EXPECTED_FILES = [
  '.github/workflows/test.yml',
  '.gitignore',
  'HINTS.md',
  'README.md',
  'exercises/engine.ts',
  'exercises/manual.ts',
  'exercises/nn.ts',
  'package.json',
  'tests/public/accumulate.test.ts',
  'tests/public/add.test.ts',
  'tests/public/bonus-ops.test.ts',
  'tests/public/manual.test.ts',
  'tests/public/mul.test.ts',
  'tests/public/neuron.test.ts',
  'tests/public/nn/layer.test.ts',
  'tests/public/nn/loss.test.ts',
  'tests/public/nn/mlp.test.ts',
  'tests/public/nn/train-step.test.ts',
  'tests/public/nn/zero-grad.test.ts',
  'tests/public/nudge.test.ts',
  'tests/public/tanh.test.ts',
  'tests/support/bonus.ts',
  'tests/support/finite-diff.ts',
  'tests/support/matchers.ts',
  'tests/support/missing-methods.ts',
  'tests/support/mistakes.ts',
  'tests/support/plain-mlp.ts',
  'tests/support/setup.ts',
  'tsconfig.json',
  'vitest.config.ts',
];

describe('grader release', () => {
  let out: TempCourse;
  beforeAll(async () => {
    out = await emptyFolder('gradelab-release-');
    await releaseCourse({ root: PACKAGE_ROOT, out: out.root });
  });
  afterAll(() => out.remove());

  test('writes exactly the student files', async () => {
    expect(await listFiles(out.root, '.')).toEqual([...EXPECTED_FILES].sort());
  });

  test('contains no line of solution code, anywhere', async () => {
    const answers = [...(await solutionOnlyLines(PACKAGE_ROOT)).keys()];
    // The backward rules themselves must be among the lines looked for.
    expect(answers).toEqual(
      expect.arrayContaining(['this.grad += o.data * out.grad;', 'this.grad += (1 - t * t) * out.grad;']),
    );
    for (const file of EXPECTED_FILES) {
      const content = await readFile(join(out.root, file), 'utf8');
      for (const line of answers) expect(content, `${file} contains "${line}"`).not.toContain(line);
      expect(content, `${file} mentions solutions/`).not.toMatch(/solutions\//);
    }
  });

  test('writes a student package.json that runs the public tests', async () => {
    const pkg = JSON.parse(await readFile(join(out.root, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({
      private: true,
      type: 'module',
      engines: { node: '^20.19.0 || >=22.12.0' },
      scripts: { test: 'vitest run', 'test:watch': 'vitest', 'test:ui': 'vitest --ui --watch' },
      devDependencies: { vitest: '~4.1.12', '@vitest/ui': '~4.1.12', typescript: '^5.9.3', '@types/node': '^20' },
    });
  });

  test('lists every exercise in the README and gives every hint in HINTS.md', async () => {
    const readme = await readFile(join(out.root, 'README.md'), 'utf8');
    const hints = await readFile(join(out.root, 'HINTS.md'), 'utf8');
    const course = JSON.parse(await readFile(join(PACKAGE_ROOT, 'course.json'), 'utf8'));
    for (const exercise of course.assignments.flatMap((a: { exercises: unknown[] }) => a.exercises)) {
      expect(readme).toContain(exercise.test);
      expect(hints).toContain(exercise.hint);
    }
  });

  test('refuses a folder that is not empty, unless forced', async () => {
    const refused = await releaseCourse({ root: PACKAGE_ROOT, out: out.root }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(GraderError);
    expect(refused).toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/not empty/) });
    await expect(releaseCourse({ root: PACKAGE_ROOT, out: out.root, force: true })).resolves.toBeDefined();
  });
});

describe('the released repository', () => {
  let course: TempCourse;
  let student: TempCourse;
  beforeAll(async () => {
    course = await copyCourse();
    student = await emptyFolder('gradelab-student-');
    await releaseCourse({ root: course.root, out: student.root });
    await symlink(join(PACKAGE_ROOT, 'node_modules'), join(student.root, 'node_modules'), 'dir');
  });
  afterAll(() => Promise.all([course.remove(), student.remove()]));

  const vitest = (cwd: string) =>
    spawnSync(process.execPath, [join(PACKAGE_ROOT, 'node_modules/vitest/vitest.mjs'), 'run'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, VITEST: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined, NO_COLOR: '1' },
    });

  test('fails on the stubs, and passes once the solutions are copied in', async () => {
    const onStubs = vitest(student.root);
    expect(onStubs.status).toBe(1);
    expect(onStubs.stdout + onStubs.stderr).toContain('TODO: the backward rule of add is not written yet');

    // The first assignment done: its project is green, the second's still red.
    for (const file of ['engine.ts', 'manual.ts']) {
      await copyFile(join(PACKAGE_ROOT, 'solutions', file), join(student.root, 'exercises', file));
    }
    const engineDone = vitest(student.root);
    expect(engineDone.stdout + engineDone.stderr).toMatch(/Tests\s+11 failed \| 29 passed/);
    expect(engineDone.stdout + engineDone.stderr).toContain('|nn| tests/public/nn/mlp.test.ts');
    expect(engineDone.stdout + engineDone.stderr).not.toMatch(/FAIL\s+\|engine\|/);

    // A loop that never zeroes its gradients: red, with the lesson of b = a + a.
    await copyFile(
      join(PACKAGE_ROOT, 'fixtures/nn/forgot-zero-grad/exercises/nn.ts'),
      join(student.root, 'exercises/nn.ts'),
    );
    const forgetful = vitest(student.root);
    expect(forgetful.status).toBe(1);
    expect(forgetful.stdout + forgetful.stderr).toMatch(
      /the first step's gradients leaked into the second.*b = a \+ a/,
    );

    await copyFile(join(PACKAGE_ROOT, 'solutions/nn.ts'), join(student.root, 'exercises/nn.ts'));
    const onSolutions = vitest(student.root);
    expect(onSolutions.stdout + onSolutions.stderr).toMatch(/Tests\s+40 passed/);
    expect(onSolutions.status).toBe(0);
  }, 240_000);

  test('refuses to release a stub that holds solution code', async () => {
    const stub = join(course.root, 'exercises/engine.ts');
    await writeFile(stub, `${await readFile(stub, 'utf8')}\n// this.grad += o.data * out.grad;\n`);
    const target = await emptyFolder('gradelab-leak-');
    try {
      await expect(releaseCourse({ root: course.root, out: target.root })).rejects.toThrow(
        /solution code found in exercises\/engine\.ts/,
      );
      expect(await listFiles(target.root, '.')).toEqual([]);
    } finally {
      await target.remove();
    }
  });
});
