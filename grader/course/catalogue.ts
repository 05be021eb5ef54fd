/**
 * The exercise catalogue, `course.json`: which exercises exist, in which order
 * a student meets them, which file each one edits and which public test file
 * checks it. `grader check`, `grader release` and the grading pipeline all
 * read it through `loadCatalogue()`, so a broken catalogue is reported once,
 * here, with the JSON path of the mistake.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraderError } from '../errors.ts';
import { check as checkSchema } from '../schema.ts';

export type ExerciseKind = 'required' | 'bonus';

export interface Exercise {
  id: string;
  title: string;
  kind: ExerciseKind;
  /** The stub the student edits, e.g. `exercises/engine.ts`. */
  file: string;
  /** The public test file, always `tests/public/<id>.test.ts`. */
  test: string;
  hint: string;
  explanation: string;
}

export interface Catalogue {
  version: 1;
  title: string;
  /** npm package name of the released student repository. */
  studentPackage: string;
  exercises: Exercise[];
}

export const CATALOGUE_FILE = 'course.json';

/** The repository that ships the grader; the default course root. */
export const PACKAGE_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

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
  return raw as Catalogue;
}

/**
 * Rules a JSON Schema cannot express: unique ids, and the test file named
 * after its exercise (the CLI and the student README both rely on that).
 */
function semanticErrors(raw: unknown): string[] {
  const exercises = (raw as { exercises?: unknown }).exercises;
  if (!Array.isArray(exercises)) return [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  exercises.forEach((exercise: Partial<Exercise>, index) => {
    if (typeof exercise?.id !== 'string') return;
    const first = seen.get(exercise.id);
    if (first !== undefined) {
      errors.push(`$.exercises[${index}].id: duplicate id '${exercise.id}' (first used at $.exercises[${first}])`);
    } else {
      seen.set(exercise.id, index);
    }
    const expected = `tests/public/${exercise.id}.test.ts`;
    if (typeof exercise.test === 'string' && exercise.test !== expected) {
      errors.push(`$.exercises[${index}].test: must be '${expected}' (named after the exercise id)`);
    }
  });
  return errors;
}

/** `exercises/engine.ts` → `solutions/engine.ts`: every stub has a reference twin of the same name. */
export function solutionFileOf(exerciseFile: string): string {
  return exerciseFile.replace(/^exercises\//, 'solutions/');
}
