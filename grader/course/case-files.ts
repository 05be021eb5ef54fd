/**
 * Where a course's hidden case files are read: the `cases` of each
 * assignment in course.json, each `file` relative to the course root (the
 * folder that holds course.json), as the catalogue documents. A course that
 * lists a case file of its own is graded with it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GraderError } from '../errors.ts';
import { loadCatalogue, PACKAGE_ROOT, type ExerciseKind } from './catalogue.ts';

export interface CaseFile {
  /** As course.json names it, relative to the course root: for messages. */
  name: string;
  /** Where it is read from. */
  file: string;
  kind: ExerciseKind;
}

/**
 * The case files of the course's first assignment of that kind (`graphs` or
 * `training`), in the order course.json lists them. `course` is the course
 * root; without it, the grader's own package, the default course.
 */
export function caseFiles(kind: 'graphs' | 'training', course: string = PACKAGE_ROOT): CaseFile[] {
  const catalogue = loadCatalogue(course);
  const index = catalogue.assignments.findIndex((a) => (a.kind ?? 'graphs') === kind);
  if (index < 0) return [];
  return catalogue.assignments[index].cases.map((entry, i) => {
    const file = path.resolve(course, entry.file);
    if (!existsSync(file))
      throw new GraderError('E_CONFIG', `course.json lists the case file ${entry.file}, which does not exist`, {
        location: { file: 'course.json' },
        details: [`$.assignments[${index}].cases[${i}].file: no file at ${file}`],
      });
    return { name: entry.file, file, kind: entry.kind };
  });
}
