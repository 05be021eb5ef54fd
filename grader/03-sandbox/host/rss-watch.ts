/**
 * The resident memory of a sandbox host, watched while it runs student code.
 * The isolate's heap has its own cap, but memory allocated outside that heap
 * (by the engine for a submission, or by anything the cap does not count)
 * would otherwise grow unchecked; a host past its limit is killed and the
 * call ends "for memory". Read from /proc, so on Linux only; elsewhere the
 * heap cap alone applies.
 */
import { readFileSync } from 'node:fs';

const EVERY_MS = 50;

/** The process's resident set in MB, or undefined when it cannot be read. */
export function rssMb(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
}

/** Checks every EVERY_MS until cleared; calls `over` once the limit is passed. */
export function watchRss(
  pid: number | undefined,
  limitMb: () => number,
  over: (mb: number) => void,
): NodeJS.Timeout | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  const timer = setInterval(() => {
    const mb = rssMb(pid);
    if (mb !== undefined && mb > limitMb()) {
      clearInterval(timer);
      over(mb);
    }
  }, EVERY_MS);
  timer.unref();
  return timer;
}
