/**
 * The exercise catalogue, `course.json`: the course's assignments, and for
 * each its exercises (in the order a student meets them, which file each one
 * edits and which public test file checks it), its hidden case files and its
 * grading defaults. `grader check`, `grader release` and the grading pipeline all
 * read it through `loadCatalogue()`, so a broken catalogue is reported once,
 * here, with the JSON path of the mistake.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraderError } from '../errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { check as checkSchema } from '../schema.ts';

export type ExerciseKind = 'required' | 'bonus';

export interface Exercise {
  id: string;
  title: string;
  kind: ExerciseKind;
  /** The stub the student edits, e.g. `exercises/engine.ts`. */
  file: string;
  /** The public test file: `tests/public/<id>.test.ts`, or `tests/public/<assignment>/<id>.test.ts` after the first assignment. */
  test: string;
  hint: string;
  explanation: string;
  /** Shown in HINTS.md when set: the course's explicit choice to give the answers away (the by-hand exercise). */
  answers?: string;
}

export interface Assignment {
  /** As given to `--assignment`, e.g. `engine` or `nn`. */
  id: string;
  title: string;
  description?: string;
  /** `graphs`: cases are computation graphs run on the student's Value. `training`: an MLP trained step by step. */
  kind?: 'graphs' | 'training';
  /** What the required cases add up to with the default config. */
  points: number;
  /** Hidden case files, relative to the course root. */
  cases: Array<{ file: string; kind: ExerciseKind }>;
  /**
   * Student files of earlier assignments this one builds on (`exercises/engine.ts` for nn).
   * Released alone, the assignment ships a placeholder for each, never the solution.
   */
  needs?: string[];
  /** Grading config defaults of this assignment (a partial grading config). */
  defaults?: Record<string, unknown>;
  exercises: Exercise[];
}

export interface Catalogue {
  version: 2;
  title: string;
  /** npm package name of the released student repository. */
  studentPackage: string;
  assignments: Assignment[];
  /** Every exercise of every assignment, in course order (derived when loaded). */
  exercises: Exercise[];
}

export const CATALOGUE_FILE = 'course.json';

/** The repository that ships the grader is the default course root. */
export { PACKAGE_ROOT };

/**
 * Reads and validates `<root>/course.json`. Throws GraderError('E_CONFIG')
 * naming the file and every offending JSON path.
 */
export function loadCatalogue(root: string = PACKAGE_ROOT): Catalogue {
  const file = join(root, CATALOGUE_FILE);
  const location = { file: CATALOGUE_FILE };
  if (!existsSync(file)) {
    throw new GraderError('E_CONFIG', `no exercise catalogue: ${file} does not exist`, { location });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GraderError('E_CONFIG', `not valid JSON: ${(error as Error).message}`, { location, cause: error });
  }
  const errors = [...checkSchema('course', raw), ...semanticErrors(raw)];
  if (errors.length > 0) {
    throw new GraderError('E_CONFIG', `the exercise catalogue is invalid: ${errors[0]}`, { location, details: errors });
  }
  const catalogue = raw as Catalogue;
  return { ...catalogue, exercises: catalogue.assignments.flatMap((a) => a.exercises) };
}

/** The assignment of that id, or the first one; a GraderError naming the known ids otherwise. */
export function assignmentOf(catalogue: Catalogue, id?: string): Assignment {
  if (id === undefined) return catalogue.assignments[0];
  const found = catalogue.assignments.find((a) => a.id === id);
  if (found) return found;
  const known = catalogue.assignments.map((a) => a.id).join(', ');
  throw new GraderError('E_USAGE', `no assignment '${id}' in course.json (it has: ${known})`);
}

/**
 * The assignments of a release, in course order: one id, every assignment
 * for `all`, or the first when none is given (a course hands out one
 * assignment at a time).
 */
export function releaseAssignments(catalogue: Catalogue, id?: string): Assignment[] {
  if (id === 'all') return catalogue.assignments;
  return [assignmentOf(catalogue, id)];
}

/** The assignment an exercise belongs to. */
export function assignmentOfExercise(catalogue: Catalogue, exerciseId: string): Assignment | undefined {
  return catalogue.assignments.find((a) => a.exercises.some((e) => e.id === exerciseId));
}

/**
 * Rules a JSON Schema cannot express: unique ids across the whole course, and
 * the test file named after its exercise, in its assignment's folder after
 * the first (the CLI, the student README and `npm test`'s projects rely on that).
 */
function semanticErrors(raw: unknown): string[] {
  const assignments = (raw as { assignments?: unknown }).assignments;
  if (!Array.isArray(assignments)) return [];
  const errors: string[] = [];
  const seenAssignments = new Set<string>();
  const seen = new Map<string, string>();
  assignments.forEach((assignment: Partial<Assignment>, a) => {
    if (typeof assignment?.id === 'string') {
      if (seenAssignments.has(assignment.id))
        errors.push(`$.assignments[${a}].id: duplicate assignment id '${assignment.id}'`);
      seenAssignments.add(assignment.id);
    }
    if (!Array.isArray(assignment?.exercises)) return;
    // A needed file is the work of an earlier assignment: that is what a student brings along.
    const earlier = new Set(
      assignments
        .slice(0, a)
        .flatMap((before: Partial<Assignment>) => (Array.isArray(before?.exercises) ? before.exercises : []))
        .map((exercise: Partial<Exercise>) => exercise?.file),
    );
    (assignment.needs ?? []).forEach((file, index) => {
      if (!earlier.has(file))
        errors.push(`$.assignments[${a}].needs[${index}]: '${file}' is no exercise file of an earlier assignment`);
    });
    const folder = a === 0 ? '' : `${assignment.id}/`;
    assignment.exercises.forEach((exercise: Partial<Exercise>, index) => {
      if (typeof exercise?.id !== 'string') return;
      const at = `$.assignments[${a}].exercises[${index}]`;
      const first = seen.get(exercise.id);
      if (first !== undefined) {
        errors.push(`${at}.id: duplicate id '${exercise.id}' (first used at ${first})`);
      } else {
        seen.set(exercise.id, at);
      }
      const expected = `tests/public/${folder}${exercise.id}.test.ts`;
      if (typeof exercise.test === 'string' && exercise.test !== expected) {
        errors.push(`${at}.test: must be '${expected}' (named after the exercise id, in its assignment's folder)`);
      }
    });
  });
  return errors;
}

/** `exercises/engine.ts` → `solutions/engine.ts`: every stub has a reference twin of the same name. */
export function solutionFileOf(exerciseFile: string): string {
  return exerciseFile.replace(/^exercises\//, 'solutions/');
}
