/**
 * Lints every GitHub Actions workflow gradelab ships or writes: this
 * repository's own, the templates for instructors, and the ones a fresh
 * `grader release` writes into a student repository (run here for real, so
 * the check sees exactly what students get). Prints each problem as
 * file:line and exits 1 when there is any. Run by `npm run lint`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';
import { lintWorkflow } from './workflow-lint.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHIPPED = ['.github/workflows/*.yml', 'templates/workflows/*.yml'];

/** Each set of `grader release` arguments whose student repository's workflows are checked. */
const RELEASES: string[][] = [[], ['--assignment', 'nn'], ['--assignment', 'all']];

function released(args: string[], into: string): string[] {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'grader.js'), 'release', '--out', into, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`grader release ${args.join(' ')} failed:\n${run.stderr}`);
  return globSync('.github/workflows/*.{yml,yaml}', { cwd: into, dot: true }).map((f) => path.join(into, f));
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'gradelab-workflows-'));
try {
  const files = globSync(SHIPPED, { cwd: ROOT, dot: true }).map((f) => path.join(ROOT, f));
  RELEASES.forEach((args, i) => files.push(...released(args, path.join(temp, `release-${i}`))));
  let count = 0;
  for (const file of files) {
    const shown = path.relative(ROOT, file).startsWith('..')
      ? `(grader release)/${path.basename(file)}`
      : path.relative(ROOT, file);
    for (const p of await lintWorkflow(readFileSync(file, 'utf8'), shown)) {
      count += 1;
      process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
    }
  }
  if (count > 0) {
    process.stderr.write(`workflow lint: ${count} problem(s) in ${files.length} workflow file(s)\n`);
    process.exitCode = 1;
  } else process.stdout.write(`workflow lint: ${files.length} workflow file(s), no problems\n`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
