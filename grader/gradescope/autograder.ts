/**
 * Builds the autograder bundle Gradescope asks for: setup.sh and
 * run_autograder at the top, beside the grader's own files, because
 * Gradescope unpacks the zip into /autograder/source. The grader travels as
 * source with its lockfile and its build script, and setup.sh installs
 * node_modules there, whose `npm ci` also builds dist/ (the prepare script);
 * a copied node_modules would hold binaries built for this machine, not
 * Gradescope's.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { GraderError } from '../errors.ts';
import { runAutograderScript, setupScript } from './scripts.ts';

/** What the grader needs at run time: its code, schemas, case data, the reference solutions and the course files. */
export const BUNDLE_ENTRIES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'course.json',
  'bin',
  'grader',
  'tools/build.ts',
  'schemas',
  'solutions',
  'exercises',
  'templates',
];
const NEVER = new Set(['node_modules', '.git', '.DS_Store']);
const MARKER = '.gradelab-bundle';
const EXECUTABLE = new Set(['run_autograder', 'setup.sh', 'bin/grader.js']);
/** Zip entries get a fixed date, so the same sources give the same zip. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

export interface AutograderOptions {
  /** The grader's repository (the folder holding package.json). */
  root: string;
  out: string;
  /** A grading config to ship as grading.json; run_autograder passes it on. */
  config?: string;
  /** The assignment of course.json this bundle grades; run_autograder passes it on. */
  assignment?: string;
}

function listFiles(root: string, rel: string): string[] {
  const full = path.join(root, rel);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [rel];
  return readdirSync(full)
    .filter((name) => !NEVER.has(name) && !name.endsWith('.tmp'))
    .sort()
    .flatMap((name) => listFiles(root, path.posix.join(rel, name)));
}

/** Refuses to clear a folder it did not make: only an earlier bundle (it has the marker) is replaced. */
function prepareOut(out: string): void {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(path.join(out, MARKER)))
      throw new GraderError('E_USAGE', `${out} is not empty and is not an earlier bundle: choose a new folder`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

/** Writes the bundle folder and returns its files, relative and with forward slashes. */
export function buildAutograder(options: AutograderOptions): string[] {
  const out = path.resolve(options.out);
  const root = path.resolve(options.root);
  const inside = (dir: string) => out === dir || out.startsWith(dir + path.sep);
  // The bundle may sit in the repository (say ./gradescope-bundle), never in what it copies.
  if (out === root || BUNDLE_ENTRIES.some((entry) => inside(path.join(root, entry)))) {
    throw new GraderError('E_USAGE', `the bundle cannot be written into the grader's own sources (${options.out})`);
  }
  prepareOut(out);
  const files = BUNDLE_ENTRIES.flatMap((entry) => listFiles(root, entry));
  for (const rel of files) {
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    writeFileSync(path.join(out, rel), readFileSync(path.join(root, rel)));
  }
  const generated: Array<[string, string | Buffer]> = [
    ['setup.sh', setupScript()],
    ['run_autograder', runAutograderScript(options.assignment)],
    [MARKER, 'Made by `grader gradescope bundle`; the next bundle run may replace this folder.\n'],
  ];
  if (options.config) generated.push(['grading.json', readFileSync(options.config)]);
  for (const [rel, content] of generated) writeFileSync(path.join(out, rel), content);
  for (const rel of EXECUTABLE) if (existsSync(path.join(out, rel))) chmodSync(path.join(out, rel), 0o755);
  return [...files, ...generated.map(([rel]) => rel)].filter((rel) => rel !== MARKER).sort();
}

/** Zips the bundle's files at the archive's root (not inside a folder), keeping the scripts executable. */
export function zipAutograder(out: string, files: string[], zipFile: string): void {
  const entries: Zippable = {};
  for (const rel of files) {
    const mode = EXECUTABLE.has(rel) ? 0o755 : 0o644;
    entries[rel] = [
      new Uint8Array(readFileSync(path.join(out, rel))),
      { os: 3, attrs: (0o100000 | mode) * 0x10000, mtime: ZIP_DATE },
    ];
  }
  mkdirSync(path.dirname(path.resolve(zipFile)), { recursive: true });
  writeFileSync(zipFile, zipSync(entries, { level: 9 }));
}
