/**
 * The folder that holds the grader's package.json, templates/, schemas/ and
 * data files. Files are found from here, never relative to the module that
 * reads them: the grader runs both as source (grader/**) and as the build in
 * dist/, whose chunks are flat. This module sits one level below the root in
 * both (grader/package-root.ts, dist/<chunk>.js), so one relative URL works.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../', import.meta.url)));

/** An absolute path inside the grader's package. */
export function packagePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}
