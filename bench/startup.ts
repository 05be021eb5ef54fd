/**
 * How fast the CLI answers, as a user runs it (`node bin/grader.js`, which
 * runs the build in dist/): wall-clock time of a whole process, the median
 * of five runs each.
 *   - `grader --help`;
 *   - `grader ci` on one submission;
 *   - `grader grade` of a class of 300 unchanged submissions, report
 *     included, every result from the cache (after one run that fills it).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(root, 'bin', 'grader.js');
export const RUNS = 5;
export const CACHED_CLASS = 300;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds of one `grader ...` process, start to exit; throws if it failed. */
function timeGrader(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`grader ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  // The build must be what ran: the sources fallback says so on stderr.
  if (run.stderr.includes('running them through tsx')) throw new Error(`dist/ is out of date: run npm run build`);
  return ms;
}

export interface StartupFigures {
  helpMs: number;
  ciMs: number;
  cachedGradeMs: number;
  /** Of the report's files, how many one more cached re-grade wrote again (same content or not). */
  pagesRewritten: number;
  pages: number;
}

/** Modification time of every file under `dir`, by relative path. */
function mtimes(dir: string): Map<string, number> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return new Map(files.map((rel) => [rel, statSync(path.join(dir, rel)).mtimeMs]));
}

/** Brings dist/ up to date (as the tests' set-up does), so the timings are of the build of these sources. */
export function buildIfStale(): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/build.ts', '--if-stale'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`building dist/ failed:\n${run.stdout}${run.stderr}`);
}

/** `submission`: one submission folder; `classDir`: a folder of CACHED_CLASS submissions; `work`: scratch space. */
export function measureStartup(submission: string, classDir: string, work: string): StartupFigures {
  const times = (args: string[]) => median(Array.from({ length: RUNS }, () => timeGrader(args)));
  const helpMs = times(['--help']);
  const ciMs = times(['ci', submission, '--out', path.join(work, 'ci')]);
  const grade = ['grade', classDir, '--out', path.join(work, 'report'), '--cache-dir', path.join(work, 'cache')];
  timeGrader(grade); // fills the cache and writes every page once
  const cachedGradeMs = times(grade);
  const before = mtimes(path.join(work, 'report'));
  timeGrader(grade);
  const after = mtimes(path.join(work, 'report'));
  const pagesRewritten = [...after].filter(([rel, ms]) => before.get(rel) !== ms).length;
  return { helpMs, ciMs, cachedGradeMs, pagesRewritten, pages: after.size };
}
