/**
 * course.json is the source of truth for the hidden case files: each is read
 * from its path relative to the course root, so a course that lists a case
 * file of its own is graded with it, and one that leaves a file out is not.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedCases } from '../../../grader/cases/case-list.ts';
import { assignmentDefaults, readConfig } from '../../../grader/config/load.ts';
import { caseFiles } from '../../../grader/course/case-files.ts';
import { loadCatalogue, PACKAGE_ROOT } from '../../../grader/course/catalogue.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { FIXTURES, gradePaths, resultFor } from '../support/fixture-class.ts';

/** A case of the course's own: z = x * y + x, which a mul that reads its own operand gets wrong. */
const MIDTERM = {
  cases: [
    {
      id: 'midterm-product-plus',
      name: 'z = x * y + x',
      exercise: 'mul',
      points: 7,
      visibility: 'hidden',
      graph: {
        nodes: [
          { id: 'x', value: 0.5 },
          { id: 'y', value: -3 },
          { id: 'p', op: 'mul', args: ['x', 'y'] },
          { id: 'z', op: 'add', args: ['p', 'x'] },
        ],
        output: 'z',
      },
    },
  ],
};

let root: string;
let results: Map<string, SubmissionResult>;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gradelab-own-cases-'));
  const course = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'course.json'), 'utf8'));
  await mkdir(path.join(root, 'hidden'));
  await cp(path.join(PACKAGE_ROOT, 'grader/cases/data/required.json'), path.join(root, 'hidden/required.json'));
  await cp(path.join(PACKAGE_ROOT, 'grader/cases/data/nn.json'), path.join(root, 'hidden/nn.json'));
  await writeFile(path.join(root, 'hidden/midterm.json'), JSON.stringify(MIDTERM));
  // The engine's bonus file left out, the course's own file added; the paths are the course root's.
  course.assignments[0].cases = [
    { file: 'hidden/required.json', kind: 'required' },
    { file: 'hidden/midterm.json', kind: 'required' },
  ];
  course.assignments[1].cases = [{ file: 'hidden/nn.json', kind: 'required' }];
  await writeFile(path.join(root, 'course.json'), JSON.stringify(course));
  const config = readConfig({}, 'test', assignmentDefaults(undefined, root)).value;
  results = await gradePaths(
    ['correct-no-bonus', 'bug-mul-uses-own-value'].map((name) => path.join(FIXTURES, 'submissions', name)),
    config,
  );
}, 120_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe("a course's own case files (course.json, relative to the course root)", () => {
  it('are read from where course.json says, in its order', () => {
    expect(caseFiles('graphs', root).map((f) => [f.name, path.relative(root, f.file)])).toEqual([
      ['hidden/required.json', 'hidden/required.json'],
      ['hidden/midterm.json', 'hidden/midterm.json'],
    ]);
  });

  it("grade every submission with the course's own case, and without the file it left out", () => {
    for (const result of results.values()) {
      const ids = result.tests.map((t) => t.id);
      expect(ids).toContain('midterm-product-plus');
      expect(ids.filter((id) => id.startsWith('bonus-'))).toEqual([]);
      expect(result.maxBonus).toBe(0);
    }
    const own = (id: string) => resultFor(results, id).tests.find((t) => t.id === 'midterm-product-plus')!;
    expect(own('correct-no-bonus')).toMatchObject({ status: 'pass', points: 7, maxPoints: 7, kind: 'required' });
    expect(own('bug-mul-uses-own-value')).toMatchObject({ status: 'fail', points: 0 });
    expect(resultFor(results, 'correct-no-bonus').maxScore).toBe(107);
  });

  it("leave the grader's own course as it was", () => {
    expect(fixedCases().map((c) => c.id)).not.toContain('midterm-product-plus');
    expect(fixedCases().some((c) => c.id.startsWith('bonus-'))).toBe(true);
  });

  it('may not sit outside the course root, nor where the student repository is made from', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'gradelab-bad-cases-'));
    try {
      const course = JSON.parse(await readFile(path.join(root, 'course.json'), 'utf8'));
      for (const file of ['exercises/cases.json', 'tests/public/cases.json', '../cases.json', 'hidden/../../x.json']) {
        course.assignments[0].cases = [{ file, kind: 'required' }];
        await writeFile(path.join(elsewhere, 'course.json'), JSON.stringify(course));
        expect(() => loadCatalogue(elsewhere), file).toThrow(/cases\[0\]\.file: must match pattern/);
      }
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('that does not exist is a config error naming the file as course.json lists it', async () => {
    const broken = await mkdtemp(path.join(tmpdir(), 'gradelab-missing-cases-'));
    try {
      const course = JSON.parse(await readFile(path.join(root, 'course.json'), 'utf8'));
      course.assignments[0].cases = [{ file: 'hidden/nowhere.json', kind: 'required' }];
      await writeFile(path.join(broken, 'course.json'), JSON.stringify(course));
      expect(() => caseFiles('graphs', broken)).toThrow(/course\.json lists the case file hidden\/nowhere\.json/);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
