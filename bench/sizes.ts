/**
 * `npm run bench -- --size 1000,3000,10000`: how the grader scales with the
 * class. For each size it generates the realistic mix (./mixes.ts: three in
 * four buggy, most without bonus ops),
 * runs `grader grade` on it as a user would (a child process, default
 * reporters: results.json, details, grades.csv, every HTML page; no cache),
 * and reports wall time, the grader's peak RSS (VmHWM, written by the
 * process itself as it exits), the largest sandbox host's peak RSS (sampled),
 * and the size of results.json and of the detail files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRealisticClass } from './mixes.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

/** `--size 1000,3000` (or `--size=1000,3000`), or undefined when not asked for. */
export function sizesFromArgs(argv: string[]): number[] | undefined {
  const at = argv.findIndex((a) => a === '--size' || a.startsWith('--size='));
  if (at < 0) return undefined;
  const text = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  const sizes = (text ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--size takes whole numbers separated by commas (e.g. 1000,3000,10000), not '${text}'`);
  return sizes;
}

function vmKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? kb : undefined;
  } catch {
    return undefined;
  }
}

/** Direct children of a process (the sandbox hosts of the grader). */
export function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function folderBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    bytes += statSync(path.join(dir, name)).size;
    files++;
  }
  return { bytes, files };
}

interface SizeRun {
  size: number;
  wallS: number;
  graderPeakMb: number;
  hostPeakMb: number;
  resultsMb: number;
  detailsMb: number;
  exit: number | null;
}

async function gradeClass(work: string, size: number): Promise<SizeRun> {
  const classDir = path.join(work, `class-${size}`);
  const out = path.join(work, `out-${size}`);
  const peakFile = path.join(work, `peak-${size}`);
  generateRealisticClass(classDir, size);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      path.join(root, 'bench/peak-rss.mjs'),
      path.join(root, 'bin/grader.js'),
      'grade',
      classDir,
      '--out',
      out,
      '--no-cache',
    ],
    { env: { ...process.env, CI: '1', GRADELAB_PEAK_FILE: peakFile }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderrTail = '';
  // Memory per 1,000 graded, from the progress lines: a run too long to wait for still shows its trend.
  child.stderr.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-2000);
    for (const [, done] of chunk.toString().matchAll(/^\[(\d+)\/\d+\]/gm)) {
      if (Number(done) % 1000 !== 0) continue;
      const rss = vmKb(child.pid!, 'VmRSS');
      const hwm = vmKb(child.pid!, 'VmHWM');
      if (rss !== undefined && hwm !== undefined)
        process.stderr.write(
          `  ${size}: ${done} graded, grader RSS ${(rss / 1024).toFixed(0)} MB, peak so far ${(hwm / 1024).toFixed(0)} MB\n`,
        );
    }
  });
  let hostPeakKb = 0;
  const sampler = setInterval(() => {
    for (const pid of childrenOf(child.pid!)) hostPeakKb = Math.max(hostPeakKb, vmKb(pid, 'VmHWM') ?? 0);
  }, 250);
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const wallS = (performance.now() - started) / 1000;
  if (exit !== 0) process.stderr.write(`grade of ${size} exited with ${exit}:\n${stderrTail}\n`);
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const graderPeakKb = Number(readFileSync(peakFile, 'utf8').trim());
  const results = statSync(path.join(out, 'results.json')).size;
  const details = folderBytes(path.join(out, 'details'));
  rmSync(classDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return {
    size,
    wallS,
    graderPeakMb: graderPeakKb / 1024,
    hostPeakMb: hostPeakKb / 1024,
    resultsMb: mb(results),
    detailsMb: mb(details.bytes),
    exit,
  };
}

export async function benchSizes(sizes: number[]): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'gradelab-bench-sizes-'));
  try {
    process.stdout.write(
      `grader grade, default reporters, no cache; ${os.cpus().length} cores, Node ${process.version}\n` +
        '| submissions (realistic mix) | wall time | grader peak RSS | largest host peak RSS | results.json | results.json per 3,000 | details/ |\n' +
        '|---|---|---|---|---|---|---|\n',
    );
    for (const size of sizes) {
      const r = await gradeClass(work, size);
      process.stdout.write(
        `| ${r.size.toLocaleString('en')} | ${r.wallS.toFixed(0)} s | ${r.graderPeakMb.toFixed(0)} MB | ${r.hostPeakMb.toFixed(0)} MB | ${r.resultsMb.toFixed(1)} MB | ${((r.resultsMb * 3000) / r.size).toFixed(1)} MB | ${r.detailsMb.toFixed(0)} MB |${r.exit === 0 ? '' : ` exit ${r.exit}`}\n`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
