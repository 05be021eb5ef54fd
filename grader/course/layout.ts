/**
 * The cheap half of `grader check`: rules about which files exist and what
 * they contain, decided without compiling or running anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { solutionFileOf, type Catalogue } from './catalogue.ts';
import type { CheckProblem } from './check-rules.ts';

/** Every file below `dir`, relative to `root`, forward slashes, sorted. */
export async function listFiles(root: string, dir: string): Promise<string[]> {
  if (!existsSync(join(root, dir))) return [];
  return (await glob(`${dir}/**/*`, { cwd: root, dot: true })).sort();
}

export async function checkLayout(root: string, catalogue: Catalogue): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  const exists = (file: string) => existsSync(join(root, file));

  for (const exercise of catalogue.exercises) {
    for (const file of [exercise.file, solutionFileOf(exercise.file), exercise.test]) {
      if (!exists(file)) {
        problems.push({
          rule: 'files',
          file,
          message: `${file} does not exist, but exercise '${exercise.id}' in course.json needs it`,
        });
      }
    }
    // The schema already demands a hint; this also catches one that is only whitespace.
    if (exercise.hint.trim() === '') {
      problems.push({ rule: 'hints', file: 'course.json', message: `exercise '${exercise.id}' has no hint` });
    }
  }

  // A public test nobody listed would run for students but count for nothing.
  const listed = new Set(catalogue.exercises.map((e) => e.test));
  for (const test of await listFiles(root, 'tests/public')) {
    if (test.endsWith('.test.ts') && !listed.has(test)) {
      problems.push({ rule: 'files', file: test, message: `${test} belongs to no exercise in course.json` });
    }
  }

  const stubs = (await listFiles(root, 'exercises')).map((f) => f.replace(/^exercises\//, ''));
  const refs = (await listFiles(root, 'solutions')).map((f) => f.replace(/^solutions\//, ''));
  for (const name of stubs.filter((f) => !refs.includes(f))) {
    problems.push({
      rule: 'mirror',
      file: `exercises/${name}`,
      message: `exercises/${name} has no reference twin solutions/${name}`,
    });
  }
  for (const name of refs.filter((f) => !stubs.includes(f))) {
    problems.push({
      rule: 'mirror',
      file: `solutions/${name}`,
      message: `solutions/${name} has no stub exercises/${name}`,
    });
  }
  for (const name of stubs.filter((f) => refs.includes(f))) {
    const stub = readFileSync(join(root, 'exercises', name), 'utf8');
    if (stub === readFileSync(join(root, 'solutions', name), 'utf8')) {
      problems.push({
        rule: 'mirror',
        file: `exercises/${name}`,
        message: `exercises/${name} is a copy of solutions/${name}: students would receive the solution`,
      });
    }
  }
  return problems;
}
