/**
 * `npm run bench`: every figure the README quotes, measured in one run.
 *   1. grading N generated submissions, each in a fresh sandbox;
 *   2. the same work done by running `vitest run` once per submission, on a sample;
 *   3. a re-grade of the same N unchanged submissions from the cache.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discover } from '../grader/01-discover/discover.ts';
import { readConfig } from '../grader/config/load.ts';
import { gradeWithCache } from '../grader/cache/cached-grade.ts';
import { hostPids } from '../grader/03-sandbox/host/host-pool.ts';
import { bonusShapeThroughput } from './bonus-shapes.ts';
import { generateClass } from './generate.ts';
import { timeVitestRun, vitestProject } from './vitest-baseline.ts';

const COUNT = Number(process.env.BENCH_COUNT ?? 1000);
const SAMPLE = Number(process.env.BENCH_VITEST_SAMPLE ?? 5);

const work = mkdtempSync(path.join(os.tmpdir(), 'gradelab-bench-'));
try {
  const config = readConfig({ salt: 'bench' }, 'bench').value;
  const folders = generateClass(path.join(work, 'class'), COUNT);
  const { submissions } = discover([path.join(work, 'class')]);

  const cacheDir = path.join(work, 'cache');

  // The first run grades everything (and fills the cache, as the CLI does).
  let started = performance.now();
  const cpuBefore = process.cpuUsage();
  const finishedAt: number[] = [];
  const { results } = await gradeWithCache(submissions, config, {
    cacheDir,
    onProgress: () => finishedAt.push(performance.now() - started),
  });
  const gradeMs = performance.now() - started;
  const graderCpu = process.cpuUsage(cpuBefore);
  // The hosts started during this run, so all their CPU time is this run's.
  const hostsCpuMs = hostPids().reduce((sum, pid) => sum + (cpuMsOf(pid) ?? NaN), 0);
  // The same run without its first tenth: start-up (sandbox hosts and their program,
  // the optimising compiler warming up to the grader's own code) excluded.
  const warm = Math.floor(COUNT / 10);
  const warmPerSecond = ((COUNT - warm) / (gradeMs - finishedAt[warm - 1])) * 1000;

  // Nothing changed: every result comes from the cache.
  started = performance.now();
  const cached = await gradeWithCache(submissions, config, { cacheDir });
  const cachedMs = performance.now() - started;

  // One student pushes a fix: only that submission is graded again.
  appendFileSync(path.join(folders[0], 'exercises/engine.ts'), '\n// fixed a typo\n');
  started = performance.now();
  const oneChanged = await gradeWithCache(submissions, config, { cacheDir });
  const oneChangedMs = performance.now() - started;
  const perSecond = (COUNT / gradeMs) * 1000;
  const full = results.filter((r) => r.score === r.maxScore).length;

  // Where the time goes: the same submissions with the long chain cut to 10 nodes.
  const shortConfig = readConfig({ salt: 'bench', longChain: { length: 10 } }, 'bench').value;
  started = performance.now();
  await gradeWithCache(submissions, shortConfig);
  const shortMs = performance.now() - started;

  // Optional work costs the same whether the class keeps the stub's bonus methods or has none.
  const shapes = await bonusShapeThroughput(
    path.join(work, 'shapes'),
    config,
    Number(process.env.BENCH_SHAPE_COUNT ?? 200),
  );

  const project = vitestProject(path.join(work, 'vitest'));
  const vitestMs = folders.slice(0, SAMPLE).map((folder) => timeVitestRun(project, folder));
  const vitestPer = vitestMs.reduce((a, b) => a + b, 0) / vitestMs.length;
  const gradelabPer = gradeMs / COUNT;

  const rows: Array<[string, string]> = [
    ['machine', `${os.cpus().length} cores, Node ${process.version}`],
    ['submissions graded', `${COUNT} (${full} with full marks), concurrency ${config.concurrency}`],
    ['grading time', `${(gradeMs / 1000).toFixed(2)} s`],
    ['throughput', `${perSecond.toFixed(1)} submissions/s`],
    [`throughput after the first ${warm}`, `${warmPerSecond.toFixed(1)} submissions/s`],
    ['per submission (grader)', `${gradelabPer.toFixed(1)} ms`],
    ['CPU per submission: grader process', `${((graderCpu.user + graderCpu.system) / 1000 / COUNT).toFixed(1)} ms`],
    [
      'CPU per submission: sandbox hosts',
      Number.isNaN(hostsCpuMs) ? 'not measured here (needs /proc)' : `${(hostsCpuMs / COUNT).toFixed(1)} ms`,
    ],
    ['same class, long chain cut to 10 nodes', `${((COUNT / shortMs) * 1000).toFixed(1)} submissions/s`],
    ["correct, stub's NotAttempted bonus methods", `${shapes['stub-bonus'].toFixed(1)} submissions/s`],
    ['correct, no bonus methods at all', `${shapes['no-bonus'].toFixed(1)} submissions/s`],
    [`per submission (vitest run, mean of ${SAMPLE})`, `${vitestPer.toFixed(0)} ms`],
    ['speed-up over vitest run per submission', `${(vitestPer / gradelabPer).toFixed(0)}x`],
    [
      'cached re-grade, nothing changed',
      `${(cachedMs / 1000).toFixed(2)} s (${cached.cache.hits} hits, ${cached.cache.misses} misses)`,
    ],
    [
      'cached re-grade, one submission changed',
      `${(oneChangedMs / 1000).toFixed(2)} s (${oneChanged.cache.hits} hits, ${oneChanged.cache.misses} misses)`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** User plus system CPU time of a process, from Linux's /proc (in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
