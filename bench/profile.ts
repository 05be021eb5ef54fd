/**
 * The stage profile `npm run bench` prints: where a class's grading time
 * went, CPU milliseconds per submission, from the stage clock
 * (../grader/stage-clock.ts) of the run that wrote every page; beside it the
 * CPU both kinds of process spent, so that what no stage accounts for shows
 * too. The long chain is not timed apart inside the sandbox: its share is
 * the sandbox's time for the cases less that of the same class graded with
 * the chain cut to 10 nodes. Then the floor: what a bare isolate and the
 * sandbox's stages cost, against what the grader spends, and the ratio to
 * the baseline that floor would allow.
 */
import type { CliGrade } from './cli-grade.ts';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Stage, StageTimes } from '../grader/stage-clock.ts';

export interface ClassProfile {
  mix: string;
  /** The run that wrote every page. */
  stages: StageTimes;
  /** The same class, results alone, with the long chain cut to 10 nodes. */
  shortStages: StageTimes;
  wallMs: number;
  graderCpuMs: number;
  hostsCpuMs: number;
  /** The released repository's npm test, per submission. */
  baselineMs: number;
  /** The same class graded by the CLI (./cli-grade.ts), with every page and without the report. */
  cli: { report: CliGrade; noReport: CliGrade };
}

/** Milliseconds per submission of a bare isolate (created with a context, then disposed), in a host-like process. */
export function bareIsolateMs(flags: string[], count = 200): number {
  const addon = createRequire(import.meta.url).resolve('isolated-vm');
  const script = `
    const ivm = require(${JSON.stringify(addon)});
    const started = process.cpuUsage();
    for (let i = 0; i < ${count}; i++) { const isolate = new ivm.Isolate({ memoryLimit: 64 }); isolate.createContextSync(); isolate.dispose(); }
    const used = process.cpuUsage(started);
    process.stdout.write(String((used.user + used.system) / 1000 / ${count}));`;
  const run = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the bare isolate run failed:\n${run.stderr}`);
  return Number(run.stdout);
}

type Row = [label: string, perSubmission: (p: ClassProfile) => number];

const per = (times: StageTimes, stage: Stage) => times.ms[stage] / Math.max(1, times.submissions);
const chain = (p: ClassProfile) => Math.max(0, per(p.stages, 'cases') - per(p.shortStages, 'cases'));

/** The profile's stages, in the order a submission meets them. */
const STAGE_ROWS: Row[] = [
  ['isolate creation (fresh isolate, context, driver; disposal)', (p) => per(p.stages, 'isolate')],
  ["loading and bundling the student's files (grader and isolate)", (p) => per(p.stages, 'load')],
  ['the 5,000-node chain, in the sandbox', chain],
  ['the other cases, in the sandbox', (p) => per(p.shortStages, 'cases')],
  ['mutant replay and diagnosis', (p) => per(p.stages, 'diagnose')],
  ['trusted-side comparison', (p) => per(p.stages, 'compare')],
  ['writing detail files and pages', (p) => per(p.stages, 'write')],
];

const stageSum = (p: ClassProfile) => STAGE_ROWS.reduce((sum, [, f]) => sum + f(p), 0);
/** What the sandbox must spend on any submission: its isolate, the student's files in it, every case. */
const sandboxFloor = (p: ClassProfile) => per(p.stages, 'isolate') + per(p.stages, 'cases');

const ms = (value: number) => `${value.toFixed(2)} ms`;

function table(title: string, profiles: ClassProfile[], rows: Array<[string, (p: ClassProfile) => string]>): string[] {
  return [
    `| ${title} | ${profiles.map((p) => p.mix).join(' | ')} |`,
    `| --- |${profiles.map(() => ' --- |').join('')}`,
    ...rows.map(([label, f]) => `| ${label} | ${profiles.map(f).join(' | ')} |`),
  ];
}

/** Markdown tables: the stages per submission, then the floor. */
export function profileTables(profiles: ClassProfile[], cores: number, bareMs: number): string {
  const n = (p: ClassProfile) => Math.max(1, p.stages.submissions);
  const stages = table('stage (CPU ms per submission)', profiles, [
    ...STAGE_ROWS.map(([label, f]): [string, (p: ClassProfile) => string] => [label, (p) => ms(f(p))]),
    ['**sum of the stages**', (p) => `**${ms(stageSum(p))}**`],
    ['CPU: grader process (all its threads)', (p) => ms(p.graderCpuMs / n(p))],
    ['CPU: sandbox hosts', (p) => ms(p.hostsCpuMs / n(p))],
    [
      'CPU no stage accounts for (start-up, messages, scheduling, cases list, results)',
      (p) => ms((p.graderCpuMs + p.hostsCpuMs) / n(p) - stageSum(p)),
    ],
    [`wall clock per submission, ${cores} cores`, (p) => ms(p.wallMs / n(p))],
  ]);
  const floor = table('the floor (per submission)', profiles, [
    ['a bare isolate (created with a context, disposed), CPU, measured alone', () => ms(bareMs)],
    ["the sandbox's share: its isolate and every case, CPU", (p) => ms(sandboxFloor(p))],
    [
      `the same spread over ${cores} cores: the least wall time a submission can take`,
      (p) => ms(sandboxFloor(p) / cores),
    ],
    [
      "the ratio to the released repository's npm test that this floor allows",
      (p) => `${(p.baselineMs / (sandboxFloor(p) / cores)).toFixed(0)}x`,
    ],
    [
      'CPU per submission, grader and hosts, `grader grade`: every page written / without the report',
      (p) => `${ms(p.cli.report.cpuMs / n(p))} / ${ms(p.cli.noReport.cpuMs / n(p))}`,
    ],
    [
      `the ratio that CPU allows over ${cores} cores: every page written / without the report`,
      (p) =>
        `${(p.baselineMs / (p.cli.report.cpuMs / n(p) / cores)).toFixed(0)}x / ${(p.baselineMs / (p.cli.noReport.cpuMs / n(p) / cores)).toFixed(0)}x`,
    ],
    [
      'the ratio measured, wall clock: every page written / without the report',
      (p) =>
        `${(p.baselineMs / (p.cli.report.wallMs / n(p))).toFixed(0)}x / ${(p.baselineMs / (p.cli.noReport.wallMs / n(p))).toFixed(0)}x`,
    ],
  ]);
  return `${stages.join('\n')}\n\n${floor.join('\n')}\n`;
}
