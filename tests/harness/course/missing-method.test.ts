/**
 * A required method the class lacks costs only the tests that need it, in
 * the student's own vitest as in the grader: with no tanh, the add, mul and
 * accumulation tests still pass, and each tanh test fails with the fix.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPublicTests, type ProjectRun } from '../../../grader/course/run-public-tests.ts';
import { FIXTURES, gradePaths, resultFor, testConfig } from '../support/fixture-class.ts';
import { copyCourse, type TempCourse } from './temp-course.ts';

const FIXTURE = join(FIXTURES, 'ports', 'missing-tanh');
const MESSAGE = 'Value has no method tanh(): write it as the lecture does (a.tanh())';

let course: TempCourse;
let run: ProjectRun;

beforeAll(async () => {
  course = await copyCourse();
  await copyFile(join(FIXTURE, 'exercises', 'engine.ts'), join(course.root, 'exercises', 'engine.ts'));
  await copyFile(join(FIXTURE, 'exercises', 'manual.ts'), join(course.root, 'exercises', 'manual.ts'));
  run = await runPublicTests(course.root, 'exercises');
}, 120_000);

afterAll(() => course?.remove());

describe('a class without tanh', () => {
  it("the student's vitest passes add, mul and accumulation, and fails tanh with the fix", () => {
    expect(run.error).toBeUndefined();
    for (const file of ['add', 'mul', 'accumulate', 'manual'])
      expect({ file, outcome: run.files.get(`tests/public/${file}.test.ts`)?.outcome }).toEqual({
        file,
        outcome: 'passed',
      });
    const tanh = run.files.get('tests/public/tanh.test.ts')!;
    expect(tanh.outcome).toBe('failed');
    expect(tanh.passed).toBe(0);
    expect(tanh.firstFailure).toContain(MESSAGE);
  });

  it('the grader loads the class and scores its add, mul and accumulation points', async () => {
    const r = resultFor(await gradePaths([FIXTURE], testConfig()), 'missing-tanh');
    expect({ status: r.status, errors: r.errors }).toEqual({ status: 'graded', errors: [] });
    const needsTanh = (id: string) => /tanh|neuron|random-graph/.test(id);
    const required = r.tests.filter((t) => t.kind === 'required');
    for (const t of required.filter((x) => !needsTanh(x.id)))
      expect({ id: t.id, status: t.status }).toEqual({ id: t.id, status: 'pass' });
    for (const t of required.filter((x) => needsTanh(x.id)))
      expect({ id: t.id, status: t.status, message: t.message }).toEqual({
        id: t.id,
        status: 'fail',
        message: `${MESSAGE}.`,
      });
    expect(r.score).toBe(required.filter((t) => !needsTanh(t.id)).reduce((sum, t) => sum + t.maxPoints, 0));
    expect(r.score).toBeGreaterThanOrEqual(50);
  });
});
