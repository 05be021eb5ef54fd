/**
 * A throw-away copy of the course layout, for tests that must break things:
 * exercises/, solutions/, the public tests and the config files are copied,
 * node_modules is linked (a copy would take seconds and hundreds of MB).
 */
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../../grader/course/catalogue.ts';

const COURSE_ITEMS = [
  'exercises',
  'solutions',
  'tests/public',
  'tests/support',
  'course.json',
  'vitest.config.ts',
  'tsconfig.json',
  'package.json',
];

export interface TempCourse {
  root: string;
  remove(): Promise<void>;
}

export async function copyCourse(): Promise<TempCourse> {
  const root = await mkdtemp(join(tmpdir(), 'gradelab-course-'));
  for (const item of COURSE_ITEMS) {
    await cp(join(PACKAGE_ROOT, item), join(root, item), { recursive: true });
  }
  await symlink(join(PACKAGE_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** A fresh empty folder, for release output. */
export async function emptyFolder(prefix: string): Promise<TempCourse> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
