/**
 * `grader release`: writes a student repository for one assignment (or
 * several) into a folder. It holds the stubs, the public tests and their
 * support code, and files made from templates/student/. Never solutions/,
 * hidden cases, the grader or fixtures: the file list is built from an
 * allow-list, and checked for solution code before anything is written.
 *
 * Released into a repository that holds an earlier release of the course
 * (one repository for the term), it adds the new assignment's files and
 * never overwrites a file the student changed; see ./release-merge.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { GraderError } from '../errors.ts';
import { loadCatalogue, releaseAssignments, type Assignment, type Catalogue } from './catalogue.ts';
import { findLeaks, solutionOnlyLines } from './leaks.ts';
import { planMerge, releasedAssignments, type MergePlan } from './release-merge.ts';
import { studentFiles, type FileSet } from './student-files.ts';

export interface ReleaseOptions {
  /** The course root: holds course.json, exercises/, tests/. */
  root: string;
  out: string;
  /** An assignment id of course.json, or `all`; the first assignment when not given. */
  assignment?: string;
  /** Write into a folder that is not empty, replacing files of the same name, the student's too. */
  force?: boolean;
}

export interface ReleaseResult {
  out: string;
  /** The assignments the repository now holds, in course order. */
  assignments: string[];
  /** Every file of the release, relative, sorted. */
  files: string[];
  /** What happened to each file of the release (all of them `added` in an empty folder). */
  added: string[];
  /** The release's own files an earlier release wrote and nobody changed since, now brought up to date. */
  updated: string[];
  /** Files that already held exactly this content. */
  unchanged: string[];
  /** Files the student changed (or wrote): left as they are. */
  kept: string[];
}

export async function releaseCourse({ root, out, assignment, force = false }: ReleaseOptions): Promise<ReleaseResult> {
  const target = resolve(out);
  // Releasing over the course (or a folder that contains it) would replace its own package.json.
  if (isInside(resolve(root), target)) {
    throw new GraderError('E_USAGE', `--out ${out} contains the course itself; release into a separate folder`);
  }
  const catalogue = loadCatalogue(root);
  const requested = releaseAssignments(catalogue, assignment);
  const occupied = existsSync(target) && readdirSync(target).length > 0;
  const earlier = occupied ? releasedAssignments(catalogue, target) : [];
  if (occupied && earlier.length === 0 && !force) {
    throw new GraderError(
      'E_USAGE',
      `${out} is not empty and holds no earlier release of this course; choose an empty folder, or pass --force to write into it anyway`,
    );
  }

  // The repository after this release: what it held already, plus what was asked for, in course order.
  const holds = catalogue.assignments.filter((a) => requested.includes(a) || earlier.includes(a));
  const files = await checkedFiles(root, catalogue, holds);
  const plan: MergePlan =
    earlier.length > 0 && !force
      ? planMerge(target, files, await studentFiles(root, catalogue, earlier))
      : replaceAll(target, files);
  for (const file of plan.write) {
    const path = join(target, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, files.get(file)!);
  }
  return {
    out: target,
    assignments: holds.map((a) => a.id),
    files: [...files.keys()].sort(),
    added: plan.added,
    updated: plan.updated,
    unchanged: plan.unchanged,
    kept: plan.kept,
  };
}

/** An empty folder, or --force: every file is written, replacing any of the same name. */
function replaceAll(target: string, files: FileSet): MergePlan {
  const all = [...files.keys()].sort();
  const existed = all.filter((file) => existsSync(join(target, file)));
  return { write: all, added: all.filter((f) => !existed.includes(f)), updated: existed, unchanged: [], kept: [] };
}

/** The repository's files, refused as a whole when any of them holds a line of solution code. */
async function checkedFiles(root: string, catalogue: Catalogue, assignments: Assignment[]): Promise<FileSet> {
  const files = await studentFiles(root, catalogue, assignments);
  const leaks = findLeaks(files, await solutionOnlyLines(root));
  if (leaks.length > 0) {
    throw new GraderError('E_CHECK_FAILED', `refusing to release: solution code found in ${leaks[0].file}`, {
      location: { file: leaks[0].file },
      details: leaks.map((leak) => `${leak.file} contains a line of ${leak.source}: ${leak.line}`),
    });
  }
  return files;
}

/** `path` is `folder` or somewhere below it. */
function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
