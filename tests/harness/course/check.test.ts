/**
 * `grader check` must catch a course that would mislead students: a stub that
 * already holds the answer, a reference solution that is wrong, files that
 * went missing. Each case runs on a throw-away copy of the course.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCatalogue, PACKAGE_ROOT } from '../../../grader/course/catalogue.ts';
import { checkCourse } from '../../../grader/course/check.ts';
import { checkGivenCode, givenBlocks } from '../../../grader/course/given-code.ts';
import { checkEngineGivenCode } from '../../../grader/course/engine-given-code.ts';
import { checkAssignmentImports } from '../../../grader/course/assignment-imports.ts';
import { checkLayout } from '../../../grader/course/layout.ts';
import { copyCourse, type TempCourse } from './temp-course.ts';

/** A check compiles the course and runs vitest twice: generous, for busy CI machines. */
const CHECK_TIMEOUT = 300_000;

describe('grader check, on a broken copy of the course', () => {
  const courses: TempCourse[] = [];
  async function course(): Promise<string> {
    const copy = await copyCourse();
    courses.push(copy);
    return copy.root;
  }
  afterAll(() => Promise.all(courses.map((c) => c.remove())));

  test.concurrent(
    'fails, naming exercises/engine.ts, when the stub is replaced by its solution',
    async () => {
      const root = await course();
      await copyFile(join(root, 'solutions/engine.ts'), join(root, 'exercises/engine.ts'));

      const report = await checkCourse({ root });
      expect(report.ok).toBe(false);
      const onStub = report.problems.filter((p) => p.file === 'exercises/engine.ts');
      expect(onStub.map((p) => p.rule)).toContain('mirror');
      // Every required engine exercise now passes on the stub: each is reported.
      expect(onStub.filter((p) => p.rule === 'required').map((p) => p.message.split(' ')[0])).toEqual([
        'tests/public/add.test.ts',
        'tests/public/mul.test.ts',
        'tests/public/accumulate.test.ts',
        'tests/public/tanh.test.ts',
        'tests/public/neuron.test.ts',
      ]);
      // The bonus tests now pass on the stub too.
      expect(onStub.some((p) => p.rule === 'bonus' && p.message.includes('bonus-ops.test.ts'))).toBe(true);
    },
    CHECK_TIMEOUT,
  );

  test.concurrent(
    'fails, naming the file, when a solution is wrong or does not compile',
    async () => {
      const root = await course();
      const engine = join(root, 'solutions/engine.ts');
      const wrong = (await readFile(engine, 'utf8')).replace(
        'this.grad += o.data * out.grad;',
        'this.grad += this.data * out.grad;',
      );
      await writeFile(engine, wrong);
      const manual = join(root, 'solutions/manual.ts');
      const original = await readFile(manual, 'utf8');
      await writeFile(manual, `${original}\nexport const broken: number = 'text';\n`);

      const report = await checkCourse({ root });
      expect(report.ok).toBe(false);
      // The network runs on the engine, so its tests fail against the reference too.
      expect(new Set(report.problems.map((p) => p.file))).toEqual(
        new Set(['solutions/engine.ts', 'solutions/manual.ts', 'solutions/nn.ts']),
      );
      const mul = report.problems.find((p) => p.message.startsWith('tests/public/mul.test.ts'));
      expect(mul?.message).toMatch(/fail.* against the solution solutions\/engine\.ts: .*a\.grad must be -3 but is 2/);
      const line = original.split('\n').length + 1;
      expect(report.problems).toContainEqual(
        expect.objectContaining({ rule: 'compile', file: 'solutions/manual.ts', line }),
      );
    },
    CHECK_TIMEOUT,
  );
});

describe('the layout rules', () => {
  let copy: TempCourse;
  beforeAll(async () => {
    copy = await copyCourse();
    await rm(join(copy.root, 'solutions/manual.ts'));
    await writeFile(join(copy.root, 'exercises/extra.ts'), 'export {};\n');
    await writeFile(join(copy.root, 'tests/public/draft.test.ts'), '');
  });
  afterAll(() => copy.remove());

  test('report missing twins, stray files and tests outside the catalogue', async () => {
    const problems = await checkLayout(copy.root, loadCatalogue(copy.root));
    const messages = problems.map((p) => `${p.rule} ${p.file}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'files solutions/manual.ts',
        'mirror exercises/manual.ts',
        'mirror exercises/extra.ts',
        'files tests/public/draft.test.ts',
      ]),
    );
  });

  test('the given code of the course is identical in stub and solution', async () => {
    expect(await checkGivenCode(PACKAGE_ROOT)).toEqual([]);
    expect(givenBlocks(await readFile(join(PACKAGE_ROOT, 'exercises/nn.ts'), 'utf8'))[0].text).toContain(
      'export class Neuron',
    );
  });

  test('report given code that differs between stub and solution, at its line', async () => {
    const stub = join(copy.root, 'exercises/nn.ts');
    const text = await readFile(stub, 'utf8');
    await writeFile(stub, text.replace('return act.tanh();', 'return act.tanh(); // changed'));
    const problems = await checkGivenCode(copy.root);
    const line = text.split('\n').findIndex((l) => l.startsWith('// ---- given')) + 1;
    expect(problems).toEqual([expect.objectContaining({ rule: 'given', file: 'exercises/nn.ts', line })]);
    expect(problems[0].message).toMatch(/differs from solutions\/nn\.ts/);
  });
});

describe('the code the engine stub gives', () => {
  test('is the solution code in this course', async () => {
    expect(await checkEngineGivenCode(PACKAGE_ROOT)).toEqual([]);
  });

  test('a change to given code is named at its line; a student rule filled in is not', async () => {
    const copy = await copyCourse();
    try {
      const stub = join(copy.root, 'exercises/engine.ts');
      const text = await readFile(stub, 'utf8');
      const changed = text
        .replace('this._prev = children;', 'this._prev = [...children];')
        .replace("todo('add');", 'this.grad += out.grad;\n      o.grad += out.grad;');
      expect(changed).not.toBe(text);
      await writeFile(stub, changed);
      const problems = await checkEngineGivenCode(copy.root);
      expect(problems).toEqual([expect.objectContaining({ rule: 'given', file: 'exercises/engine.ts', line: 25 })]);
      expect(problems[0].message).toMatch(/^Value\.constructor differs from solutions\/engine\.ts/);
    } finally {
      await copy.remove();
    }
  });
});

describe('the assignment rule: each assignment can be released alone', () => {
  test('holds for this course, where nn.ts imports the engine it needs', () => {
    expect(checkAssignmentImports(PACKAGE_ROOT, loadCatalogue(PACKAGE_ROOT))).toEqual([]);
  });

  test("names a test that imports another assignment's stub, at its line", async () => {
    const copy = await copyCourse();
    try {
      const test = join(copy.root, 'tests/public/add.test.ts');
      await writeFile(test, `${await readFile(test, 'utf8')}import { MLP } from '../../exercises/nn';\nvoid MLP;\n`);
      const json = JSON.parse(await readFile(join(copy.root, 'course.json'), 'utf8'));
      delete json.assignments[1].needs;
      await writeFile(join(copy.root, 'course.json'), JSON.stringify(json));
      const problems = checkAssignmentImports(copy.root, loadCatalogue(copy.root));
      const lines = (await readFile(test, 'utf8')).split('\n');
      expect(problems).toEqual([
        expect.objectContaining({
          rule: 'assignments',
          file: 'tests/public/add.test.ts',
          line: lines.indexOf("import { MLP } from '../../exercises/nn';") + 1,
        }),
        // Without `needs`, nn's own stub and tests importing the engine are named too.
        ...Array.from({ length: problems.length - 1 }, () =>
          expect.objectContaining({
            rule: 'assignments',
            message: expect.stringMatching(/imports exercises\/engine\.ts/),
          }),
        ),
      ]);
      expect(problems.length).toBeGreaterThan(1);
    } finally {
      await copy.remove();
    }
  });
});
