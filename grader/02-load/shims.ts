/**
 * The Node built-ins a submission may import: pure stand-ins for what
 * students use to print and check their work (node:util's inspect and
 * format, node:assert, console), under the bare and the `node:` names. They
 * are bundled into the student's code and run inside the sandbox like it,
 * so the sandbox still gets no Node API of its own. Under import they are
 * ES modules (default and named exports, as Node's); under require, the
 * module's own value, as Node's require gives it (./stay-inside.ts).
 * Everything else Node offers is refused at its import line (./blockers.ts).
 */
import path from 'node:path';
import { packagePath } from '../package-root.ts';

const SHIMS: Record<string, string> = {
  util: 'util.ts',
  assert: 'assert.ts',
  'assert/strict': 'assert-strict.ts',
  console: 'console.ts',
};

// The stand-ins are this step's own files (./shims/), bundled with the student's code; the sandbox's
// console imports ./shims/util.ts directly. Named from the package root because the grader also runs
// as a flat build in dist/, while the stand-ins stay sources.
const DIR = packagePath('grader', '02-load', 'shims') + path.sep;

/** Absolute path of the stand-in for `specifier`, if it has one. */
export function shimFor(specifier: string): string | undefined {
  const file = SHIMS[specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier];
  return file ? `${DIR}${file}` : undefined;
}

/** Whether `id` (an absolute path the bundler resolved) is one of the stand-ins. */
export function isShim(id: string): boolean {
  return id.startsWith(DIR) && Object.values(SHIMS).some((file) => id === `${DIR}${file}`);
}
