/**
 * `grader release`: writes the student repository into a folder. It holds the
 * stubs, the public tests and their support code, and files made from
 * templates/student/. Never solutions/, hidden cases, the grader or fixtures:
 * the file list is built from an allow-list, and checked for solution code
 * before anything is written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { GraderError } from '../errors.ts';
import { loadCatalogue } from './catalogue.ts';
import { findLeaks, solutionOnlyLines } from './leaks.ts';
import { studentFiles } from './student-files.ts';

export interface ReleaseOptions {
  /** The course root: holds course.json, exercises/, tests/. */
  root: string;
  out: string;
  /** Write into a folder that is not empty. */
  force?: boolean;
}

export interface ReleaseResult {
  out: string;
  /** Relative paths, sorted. */
  files: string[];
}

export async function releaseCourse({ root, out, force = false }: ReleaseOptions): Promise<ReleaseResult> {
  const target = resolve(out);
  // Releasing over the course (or a folder that contains it) would replace its own package.json.
  if (isInside(resolve(root), target)) {
    throw new GraderError('E_USAGE', `--out ${out} contains the course itself; release into a separate folder`);
  }
  if (!force && existsSync(target) && readdirSync(target).length > 0) {
    throw new GraderError(
      'E_USAGE',
      `${out} is not empty; choose an empty folder, or pass --force to write into it anyway`,
    );
  }

  const catalogue = loadCatalogue(root);
  const files = await studentFiles(root, catalogue);
  const leaks = findLeaks(files, await solutionOnlyLines(root));
  if (leaks.length > 0) {
    throw new GraderError('E_CHECK_FAILED', `refusing to release: solution code found in ${leaks[0].file}`, {
      location: { file: leaks[0].file },
      details: leaks.map((leak) => `${leak.file} contains a line of ${leak.source}: ${leak.line}`),
    });
  }

  // With --force, files of the same name are replaced and everything else stays:
  // the folder is often a checkout of the student repository, history included.
  for (const [file, content] of files) {
    const path = join(target, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return { out: target, files: [...files.keys()].sort() };
}

/** `path` is `folder` or somewhere below it. */
function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
