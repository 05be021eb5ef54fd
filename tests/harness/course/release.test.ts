/**
 * `grader release` hands the course to students one assignment at a time, so
 * it must hand out exactly that assignment's files and not one line of a
 * solution; and adding the next assignment to a student's repository must
 * never touch what the student wrote.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT, loadCatalogue } from '../../../grader/course/catalogue.ts';
import { solutionOnlyLines } from '../../../grader/course/leaks.ts';
import { listFiles } from '../../../grader/course/layout.ts';
import { releaseCourse } from '../../../grader/course/release.ts';
import { GraderError } from '../../../grader/errors.ts';
import { runCli } from '../integrations/run-cli.ts';
import { copyCourse, emptyFolder, type TempCourse } from './temp-course.ts';

const SHARED = [
  '.github/workflows/test.yml',
  '.gitignore',
  'HINTS.md',
  'README.md',
  'package.json',
  'tests/support/bonus.ts',
  'tests/support/finite-diff.ts',
  'tests/support/hand-gradients.ts',
  'tests/support/matchers.ts',
  'tests/support/missing-methods.ts',
  'tests/support/mistakes.ts',
  'tests/support/plain-mlp.ts',
  'tests/support/reporters/not-written.ts',
  'tests/support/reporters/progress.ts',
  'tests/support/reporters/short-todos.ts',
  'tests/support/setup.ts',
  'tsconfig.json',
  'vitest.config.ts',
];
const ENGINE = ['exercises/engine.ts', 'exercises/manual.ts'].concat(
  ['accumulate', 'add', 'bonus-ops', 'manual', 'mul', 'neuron', 'nudge', 'tanh'].map(
    (e) => `tests/public/${e}.test.ts`,
  ),
);
const NN = ['exercises/nn.ts'].concat(
  ['layer', 'loss', 'mlp', 'train-step', 'zero-grad'].map((e) => `tests/public/nn/${e}.test.ts`),
);

const folders: TempCourse[] = [];
const folder = async () => {
  const made = await emptyFolder('gradelab-release-');
  folders.push(made);
  return made.root;
};
afterAll(() => Promise.all(folders.map((f) => f.remove())));
const read = (root: string, file: string) => readFile(join(root, file), 'utf8');
const catalogue = loadCatalogue(PACKAGE_ROOT);

describe('grader release, one assignment at a time', () => {
  let engine: string;
  let nn: string;
  let all: string;
  beforeAll(async () => {
    [engine, nn, all] = await Promise.all([folder(), folder(), folder()]);
    await releaseCourse({ root: PACKAGE_ROOT, out: engine });
    await releaseCourse({ root: PACKAGE_ROOT, out: nn, assignment: 'nn' });
    await releaseCourse({ root: PACKAGE_ROOT, out: all, assignment: 'all' });
  });

  test('without --assignment, writes the first assignment alone', async () => {
    expect(await listFiles(engine, '.')).toEqual([...SHARED, ...ENGINE].sort());
    const config = await read(engine, 'vitest.config.ts');
    expect(config).toContain('name: "engine"');
    expect(config).not.toContain('nn');
  });

  test("nn's own repository: nn's files and a placeholder engine, never a working one", async () => {
    expect(await listFiles(nn, '.')).toEqual([...SHARED, ...NN, 'exercises/engine.ts'].sort());
    const placeholder = await read(nn, 'exercises/engine.ts');
    expect(placeholder).toMatch(/^notHereYet\(\);$/m);
    expect(placeholder).toContain('cp ../your-engine-repository/exercises/engine.ts exercises/engine.ts');
    expect(await read(nn, 'README.md')).toMatch(
      /## First: bring your own engine\.ts[\s\S]*cp \.\.\/your-engine-repository/,
    );
  });

  test('--assignment all writes every assignment, as one repository', async () => {
    expect(await listFiles(all, '.')).toEqual([...SHARED, ...ENGINE, ...NN].sort());
  });

  test("README and HINTS.md cover the released assignment's exercises and no other", async () => {
    for (const [root, assignment] of [
      [engine, 'engine'],
      [nn, 'nn'],
    ]) {
      const readme = await read(root, 'README.md');
      const hints = await read(root, 'HINTS.md');
      for (const a of catalogue.assignments) {
        for (const exercise of a.exercises) {
          expect(readme.includes(exercise.test), `${assignment} README: ${exercise.test}`).toBe(a.id === assignment);
          expect(hints.includes(exercise.hint), `${assignment} HINTS: ${exercise.id}`).toBe(a.id === assignment);
        }
      }
    }
  });

  test('contains no line of solution code, in any release', async () => {
    const answers = [...(await solutionOnlyLines(PACKAGE_ROOT)).keys()];
    expect(answers).toEqual(
      expect.arrayContaining(['this.grad += o.data * out.grad;', 'this.grad += (1 - t * t) * out.grad;']),
    );
    for (const root of [engine, nn, all]) {
      for (const file of await listFiles(root, '.')) {
        const content = await read(root, file);
        for (const line of answers) expect(content, `${file} contains "${line}"`).not.toContain(line);
        expect(content, `${file} mentions solutions/`).not.toMatch(/solutions\//);
      }
    }
  });

  test('writes a student package.json that runs the public tests', async () => {
    const pkg = JSON.parse(await read(engine, 'package.json'));
    expect(pkg).toMatchObject({
      private: true,
      type: 'module',
      engines: { node: '>=24' },
      scripts: { test: 'vitest run', 'test:watch': 'vitest', 'test:ui': 'vitest --ui --watch' },
      devDependencies: { vitest: '~4.1.12', '@vitest/ui': '~4.1.12', typescript: '^5.9.3', '@types/node': '^24' },
    });
  });

  test('refuses a folder that holds no earlier release, unless forced', async () => {
    const other = await folder();
    await writeFile(join(other, 'notes.txt'), 'mine\n');
    const refused = await releaseCourse({ root: PACKAGE_ROOT, out: other }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraderError);
    expect(refused).toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/not empty/) });
    await expect(releaseCourse({ root: PACKAGE_ROOT, out: other, force: true })).resolves.toBeDefined();
    expect(await read(other, 'notes.txt')).toBe('mine\n');
  });
});

describe('adding the next assignment to the same repository', () => {
  test("adds nn's files, updates the release's own files, and keeps the student's engine byte for byte", async () => {
    const repo = await folder();
    await releaseCourse({ root: PACKAGE_ROOT, out: repo });
    await copyFile(join(PACKAGE_ROOT, 'solutions/engine.ts'), join(repo, 'exercises/engine.ts'));
    await writeFile(join(repo, 'tests/support/setup.ts'), '// the student changed this\n');
    const engine = await readFile(join(repo, 'exercises/engine.ts'));

    const cli = runCli(['release', '--assignment', 'nn', '--out', repo]);
    expect(cli.status).toBe(0);
    expect(await readFile(join(repo, 'exercises/engine.ts'))).toEqual(engine);
    expect(await read(repo, 'tests/support/setup.ts')).toBe('// the student changed this\n');
    expect(cli.stdout).toContain(`added (${NN.length}):\n${NN.map((f) => `  ${f}\n`).join('')}`);
    expect(cli.stdout).toMatch(
      /updated \(release files nobody had changed\) \(3\):\n {2}HINTS\.md\n {2}README\.md\n {2}vitest\.config\.ts\n/,
    );
    expect(cli.stdout).toMatch(
      /kept as they are[^\n]*\(2\):\n {2}exercises\/engine\.ts\n {2}tests\/support\/setup\.ts\n/,
    );
    expect(await read(repo, 'vitest.config.ts')).toMatch(/name: "engine"[\s\S]*name: "nn"/);

    // Again: nothing left to add.
    const again = await releaseCourse({ root: PACKAGE_ROOT, out: repo, assignment: 'nn' });
    expect([again.added, again.updated]).toEqual([[], []]);
  });
});

describe('the escape hatch: answers in HINTS.md', () => {
  let course: TempCourse;
  beforeAll(async () => (course = await copyCourse()));
  afterAll(() => course.remove());

  test('HINTS.md gives the answers only when the course says so', async () => {
    const plain = await folder();
    await releaseCourse({ root: course.root, out: plain });
    expect(await read(plain, 'HINTS.md')).not.toContain('Show the answers');

    const file = join(course.root, 'course.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.assignments[0].exercises[0].answers = 'dL/dL = 1, dL/dd = -2, and so on.';
    await writeFile(file, JSON.stringify(json));
    const open = await folder();
    await releaseCourse({ root: course.root, out: open });
    expect(await read(open, 'HINTS.md')).toMatch(
      /Show the answers for <code>manual<\/code>[\s\S]*dL\/dL = 1, dL\/dd = -2/,
    );
  });
});
