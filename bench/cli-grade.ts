/**
 * The class graded as a user grades it: `node bin/grader.js grade <class>
 * --no-cache` in a child process, running the build in dist/ (the in-process
 * runs of ./run.ts go through the TypeScript sources, for the stage clock).
 * Twice: with the default reporters (results.json, details, grades.csv and
 * the HTML report), and without the report (`--reporter json --reporter
 * csv`). Wall time, and the CPU of the grader and of its sandbox hosts: the
 * grader's own from this process's waited-for children (/proc/self/stat);
 * the hosts', which outlive nothing they could be counted in, sampled from
 * /proc every 50 ms while the run lasts (the last sample of each host is
 * kept, so a host's final moments may be missed).
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childrenOf } from './sizes.ts';

const BIN = fileURLToPath(new URL('../bin/grader.js', import.meta.url));
/** Linux's clock ticks per second for /proc times (USER_HZ). */
const TICKS = 100;

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number | 'self'): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU ms: a process's own (utime, stime) or its waited-for children's (cutime, cstime). */
function cpuMs(pid: number | 'self', which: 'own' | 'children'): number {
  const fields = statFields(pid);
  if (!fields) return Number.NaN;
  const at = which === 'own' ? 11 : 13;
  return ((Number(fields[at]) + Number(fields[at + 1])) * 1000) / TICKS;
}

export interface CliGrade {
  wallMs: number;
  /** Grader (all threads) and sandbox hosts; NaN without /proc. */
  cpuMs: number;
}

async function gradeOnce(classDir: string, out: string, extra: string[]): Promise<CliGrade> {
  const graderBefore = cpuMs('self', 'children');
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'grade', classDir, '--out', out, '--no-cache', ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const hosts = new Map<number, number>();
  const sampler = setInterval(() => {
    for (const pid of childrenOf(child.pid!)) {
      const ms = cpuMs(pid, 'own');
      if (Number.isFinite(ms)) hosts.set(pid, ms);
    }
  }, 50);
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const wallMs = performance.now() - started;
  if (exit !== 0) throw new Error(`grader grade exited with ${exit}:\n${stderr}`);
  if (stderr.includes('running them through tsx')) throw new Error('dist/ is out of date: run npm run build');
  rmSync(out, { recursive: true, force: true });
  const hostsMs = [...hosts.values()].reduce((a, b) => a + b, 0);
  return { wallMs, cpuMs: cpuMs('self', 'children') - graderBefore + hostsMs };
}

export async function cliGrades(classDir: string, work: string): Promise<{ report: CliGrade; noReport: CliGrade }> {
  return {
    report: await gradeOnce(classDir, path.join(work, 'cli-report'), []),
    noReport: await gradeOnce(classDir, path.join(work, 'cli-no-report'), ['--reporter', 'json', '--reporter', 'csv']),
  };
}
