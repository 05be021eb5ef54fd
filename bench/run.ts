/**
 * `npm run bench`: every figure the performance page quotes, measured in one run.
 * For each class of ./mixes.ts (today's and a realistic mix), side by side:
 *   1. grading N generated submissions as `grader grade --no-cache` does, each
 *      in a fresh sandbox, every page written: rate, CPU, and the stage
 *      profile (./profile.ts);
 *   2. the same work done by the released repository's own `npm test` once per
 *      submission, on a sample (the baseline), and by the old baseline;
 *   3. the same without the report (`--reporter json --reporter csv`), then a
 *      re-grade of the same N from the cache.
 * Then correct classes with the stub's bonus methods and with none (./bonus-shapes.ts),
 * and the CLI's start-up (./startup.ts): --help, ci, a cached re-grade of 300.
 * With `-- --size 1000,3000,10000`, then memory, time and output size per class size (./sizes.ts).
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discover } from '../grader/01-discover/discover.ts';
import { readConfig } from '../grader/config/load.ts';
import { gradeWithCache } from '../grader/cache/cached-grade.ts';
import { HOST_FLAGS, hostPids } from '../grader/03-sandbox/host/host-pool.ts';
import { gradeClass } from '../grader/runs/grade-class.ts';
import { startStageClock, stopStageClock } from '../grader/stage-clock.ts';
import { bonusShapeThroughput } from './bonus-shapes.ts';
import { cliGrades, type CliGrade } from './cli-grade.ts';
import { MIXES, type Mix } from './mixes.ts';
import { bareIsolateMs, profileTables, type ClassProfile } from './profile.ts';
import { buildIfStale, CACHED_CLASS, measureStartup, RUNS } from './startup.ts';
import { releasedProject, timeReleasedNpmTest, timeVitestRun, vitestProject } from './vitest-baseline.ts';
import { benchSizes, sizesFromArgs } from './sizes.ts';

// `npm run bench -- --size 1000,3000,10000`: the class-size runs too, last (see ./sizes.ts).
const sizes = sizesFromArgs(process.argv.slice(2));

const COUNT = Number(process.env.BENCH_COUNT ?? 1000);
const SAMPLE = Number(process.env.BENCH_VITEST_SAMPLE ?? 5);
/** `BENCH_MIXES=realistic` grades only that class. */
const ONLY = process.env.BENCH_MIXES?.split(',');

type Rows = Array<[string, string]>;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Grades one class several ways; returns its rows of the table and its stage profile. */
async function benchClass(mix: Mix, work: string): Promise<{ rows: Rows; profile: ClassProfile }> {
  const config = readConfig({ salt: 'bench' }, 'bench').value;
  const classDir = path.join(work, mix.name);
  const folders = mix.generate(classDir, COUNT);
  const { submissions } = discover([classDir]);
  const cacheDir = path.join(work, `${mix.name}-cache`);

  // As `grader grade <class> --no-cache` runs it: every result, detail file and page written.
  let hostCpuBefore = hostsCpuMs();
  let started = performance.now();
  let cpuBefore = process.cpuUsage();
  const mainBefore = process.threadCpuUsage();
  const finishedAt: number[] = [];
  startStageClock();
  await gradeClass({
    inputs: [classDir],
    out: path.join(work, `${mix.name}-out`),
    config,
    reporters: ['json', 'csv', 'html'],
    audience: 'instructor',
    onNotice: () => {},
    onProgress: () => finishedAt.push(performance.now() - started),
  });
  const stages = stopStageClock()!;
  const gradeMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const graderCpuMs = (cpu.user + cpu.system) / 1000;
  const main = process.threadCpuUsage(mainBefore);
  // Hosts are kept from one class to the next: count only what they spent on this one.
  const hostsCpu = hostsCpuMs() - hostCpuBefore;
  // The same run without its first tenth: start-up (sandbox hosts and their program,
  // the optimising compiler warming up to the grader's own code) excluded.
  const warm = Math.floor(COUNT / 10);
  const warmPerSecond = ((COUNT - warm) / (gradeMs - finishedAt[warm - 1])) * 1000;
  rmSync(path.join(work, `${mix.name}-out`), { recursive: true, force: true });

  // Without the report, as `grader grade <class> --reporter json --reporter csv` runs it:
  // results.json, details/ and grades.csv written, and the cache filled, as the CLI does.
  hostCpuBefore = hostsCpuMs();
  started = performance.now();
  cpuBefore = process.cpuUsage();
  await gradeClass({
    inputs: [classDir],
    out: path.join(work, `${mix.name}-results`),
    config,
    reporters: ['json', 'csv'],
    audience: 'instructor',
    cacheDir,
    onNotice: () => {},
    onProgress: () => {},
  });
  const resultsMs = performance.now() - started;
  const resultsCpu = process.cpuUsage(cpuBefore);
  const resultsHostsCpu = hostsCpuMs() - hostCpuBefore;
  rmSync(path.join(work, `${mix.name}-results`), { recursive: true, force: true });

  // Nothing changed: every result comes from the cache.
  started = performance.now();
  const cached = await gradeWithCache(submissions, config, { cacheDir });
  const cachedMs = performance.now() - started;

  // One student pushes a fix: only that submission is graded again.
  appendFileSync(path.join(folders[0], 'exercises/engine.ts'), '\n// fixed a typo\n');
  started = performance.now();
  const oneChanged = await gradeWithCache(submissions, config, { cacheDir });
  const oneChangedMs = performance.now() - started;
  const full = cached.results.filter((r) => r.score === r.maxScore).length;
  const noBonus = cached.results.filter((r) => (r.bonus ?? 0) === 0).length;

  // Where the time goes: the same submissions with the long chain cut to 10 nodes.
  const shortConfig = readConfig({ salt: 'bench', longChain: { length: 10 } }, 'bench').value;
  started = performance.now();
  startStageClock();
  await gradeWithCache(submissions, shortConfig);
  const shortStages = stopStageClock()!;
  const shortMs = performance.now() - started;

  // As a user runs it: the CLI from dist/, a child process, with and without the report.
  const cli = await cliGrades(classDir, work);
  const sample = folders.slice(0, SAMPLE);
  const released = await releasedProject(path.join(work, `${mix.name}-released`));
  const npmTestPer = mean(sample.map((folder) => timeReleasedNpmTest(released, folder)));
  const old = vitestProject(path.join(work, `${mix.name}-vitest`));
  const oldPer = mean(sample.map((folder) => timeVitestRun(old, folder)));
  const gradelabPer = gradeMs / COUNT;
  const perSub = (value: number) => `${(value / COUNT).toFixed(1)} ms`;
  const cliRow = (run: CliGrade) =>
    `${(run.wallMs / 1000).toFixed(2)} s: ${perSub(run.wallMs)} each, CPU ${perSub(run.cpuMs)} each (grader and hosts)`;

  const rows: Rows = [
    [`${mix.name}: the class`, `${mix.describe}`],
    [
      `${mix.name}: submissions graded`,
      `${COUNT} (${full} with full marks, ${noBonus} with no bonus), concurrency ${config.concurrency}`,
    ],
    [`${mix.name}: grading time, every page written`, `${(gradeMs / 1000).toFixed(2)} s`],
    [`${mix.name}: throughput`, `${((COUNT / gradeMs) * 1000).toFixed(1)} submissions/s`],
    [`${mix.name}: throughput after the first ${warm}`, `${warmPerSecond.toFixed(1)} submissions/s`],
    [`${mix.name}: per submission (grader)`, `${gradelabPer.toFixed(1)} ms`],
    [`${mix.name}: CPU per submission: grader process`, perSub(graderCpuMs)],
    // The one thread every submission passes through: its time bounds the rate on any number of cores.
    [`${mix.name}: CPU per submission: the grader's main thread`, perSub((main.user + main.system) / 1000)],
    [
      `${mix.name}: CPU per submission: sandbox hosts`,
      Number.isNaN(hostsCpu) ? 'not measured here (needs /proc)' : perSub(hostsCpu),
    ],
    [
      `${mix.name}: without the report (results.json, details, grades.csv)`,
      `${((COUNT / resultsMs) * 1000).toFixed(1)} submissions/s, ${perSub(resultsMs)} each (CPU per submission ${perSub((resultsCpu.user + resultsCpu.system) / 1000)} grader, ${perSub(resultsHostsCpu)} hosts)`,
    ],
    [
      `${mix.name}: results alone, long chain cut to 10 nodes`,
      `${((COUNT / shortMs) * 1000).toFixed(1)} submissions/s`,
    ],
    [`${mix.name}: released repository's npm test per submission (mean of ${SAMPLE})`, `${npmTestPer.toFixed(0)} ms`],
    [`${mix.name}: \`grader grade --no-cache\` as a user runs it (dist/), every page written`, cliRow(cli.report)],
    [`${mix.name}: the same without the report (\`--reporter json --reporter csv\`)`, cliRow(cli.noReport)],
    [
      `${mix.name}: **speed-up over the released repository's npm test**, every page written`,
      `**${(npmTestPer / (cli.report.wallMs / COUNT)).toFixed(0)}x**`,
    ],
    [
      `${mix.name}: **speed-up over the released repository's npm test**, without the report`,
      `**${(npmTestPer / (cli.noReport.wallMs / COUNT)).toFixed(0)}x**`,
    ],
    [`${mix.name}: old baseline, vitest run with default isolation (mean of ${SAMPLE})`, `${oldPer.toFixed(0)} ms`],
    [`${mix.name}: speed-up over the old baseline`, `${(oldPer / gradelabPer).toFixed(0)}x`],
    [
      `${mix.name}: cached re-grade, nothing changed`,
      `${(cachedMs / 1000).toFixed(2)} s (${cached.cache.hits} hits, ${cached.cache.misses} misses)`,
    ],
    [
      `${mix.name}: cached re-grade, one submission changed`,
      `${(oneChangedMs / 1000).toFixed(2)} s (${oneChanged.cache.hits} hits, ${oneChanged.cache.misses} misses)`,
    ],
  ];
  return {
    rows,
    profile: {
      mix: mix.name,
      stages,
      shortStages,
      wallMs: gradeMs,
      graderCpuMs,
      hostsCpuMs: hostsCpu,
      baselineMs: npmTestPer,
      cli,
    },
  };
}

async function startupRows(work: string): Promise<Rows> {
  buildIfStale();
  const realistic = MIXES.find((m) => m.name === 'realistic') ?? MIXES[0];
  const classDir = path.join(work, 'startup-class');
  const [first] = realistic.generate(classDir, CACHED_CLASS);
  const s = measureStartup(first, classDir, path.join(work, 'startup'));
  const median = `median of ${RUNS}`;
  return [
    [`grader --help (${median})`, `${(s.helpMs / 1000).toFixed(2)} s`],
    [`grader ci, one submission (${median})`, `${(s.ciMs / 1000).toFixed(2)} s`],
    [
      `grader grade, ${CACHED_CLASS} unchanged, report included (${median})`,
      `${(s.cachedGradeMs / 1000).toFixed(2)} s (${s.pagesRewritten} of ${s.pages} report files written again)`,
    ],
  ];
}

const work = mkdtempSync(path.join(os.tmpdir(), 'gradelab-bench-'));
try {
  const rows: Rows = [['machine', `${os.cpus().length} cores, Node ${process.version}`]];
  // The CLI runs below run the build, as a user does.
  buildIfStale();
  const profiles: ClassProfile[] = [];
  for (const mix of MIXES.filter((m) => !ONLY || ONLY.includes(m.name))) {
    const measured = await benchClass(mix, work);
    rows.push(...measured.rows);
    profiles.push(measured.profile);
  }
  // Optional work costs the same whether a class keeps the stub's bonus methods or has none.
  const shapeCount = Number(process.env.BENCH_SHAPE_COUNT ?? 200);
  if (shapeCount > 0) {
    const shapes = await bonusShapeThroughput(
      path.join(work, 'shapes'),
      readConfig({ salt: 'bench' }, 'bench').value,
      shapeCount,
    );
    rows.push(
      ["correct, stub's NotAttempted bonus methods", `${shapes['stub-bonus'].toFixed(1)} submissions/s`],
      ['correct, no bonus methods at all', `${shapes['no-bonus'].toFixed(1)} submissions/s`],
    );
  }
  if (process.env.BENCH_STARTUP !== '0') rows.push(...(await startupRows(work)));
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  process.stdout.write(`\nWhere the time goes (the runs that wrote every page):\n\n`);
  process.stdout.write(profileTables(profiles, os.cpus().length, bareIsolateMs(HOST_FLAGS)));
  if (sizes) await benchSizes(sizes);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** CPU time of the sandbox hosts running now, together. */
function hostsCpuMs(): number {
  return hostPids().reduce((sum, pid) => sum + (cpuMsOf(pid) ?? NaN), 0);
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
