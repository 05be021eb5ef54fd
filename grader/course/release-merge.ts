/**
 * Releasing into a repository that already holds an earlier release (one
 * repository for the term): which assignments it holds, and what to do with
 * each file of the new release. A file the student changed is never
 * overwritten. A file of the release's own that nobody touched since (it is
 * byte for byte what the earlier release wrote) is brought up to date, so the
 * README, HINTS.md and vitest.config.ts come to cover the new assignment too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assignment, Catalogue } from './catalogue.ts';
import type { FileSet } from './student-files.ts';

export interface MergePlan {
  /** The files to write, relative. */
  write: string[];
  added: string[];
  updated: string[];
  unchanged: string[];
  kept: string[];
}

/** The assignments a folder holds a release of: those with any of their public tests in it. */
export function releasedAssignments(catalogue: Catalogue, folder: string): Assignment[] {
  return catalogue.assignments.filter((a) => a.exercises.some((e) => existsSync(join(folder, e.test))));
}

/**
 * `next` is the repository as the new release writes it, `before` as the
 * earlier release (of the assignments the folder holds) wrote it.
 */
export function planMerge(folder: string, next: FileSet, before: FileSet): MergePlan {
  const plan: MergePlan = { write: [], added: [], updated: [], unchanged: [], kept: [] };
  for (const file of [...next.keys()].sort()) {
    const path = join(folder, file);
    if (!existsSync(path)) {
      plan.write.push(file);
      plan.added.push(file);
      continue;
    }
    const current = readFileSync(path, 'utf8');
    if (current === next.get(file)) plan.unchanged.push(file);
    else if (before.has(file) && current === before.get(file)) {
      plan.write.push(file);
      plan.updated.push(file);
    } else plan.kept.push(file);
  }
  return plan;
}
