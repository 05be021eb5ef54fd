/**
 * Where grading time goes, stage by stage, summed over a run: the profile
 * `npm run bench` prints. Off unless a caller starts it, and then every
 * timing is a branch and nothing more, so the grader pays nothing for it.
 *
 * Every figure is CPU time measured on the trusted side, so that a busy
 * machine does not inflate it: the grader's own thread (or its transpiler
 * thread) around each stage, and a sandbox host around each command it runs
 * (it sends the time with the reply). Nothing is timed inside the sandbox.
 * How the cases' time splits between the long chain and the rest is not a
 * stage here: the bench finds it by grading the class again with the chain
 * cut short (bench/profile.ts).
 */

export const STAGES = {
  isolate: 'isolate creation (fresh isolate, context, driver; disposal)',
  load: "loading and bundling the student's files",
  cases: 'the cases, in the sandbox',
  diagnose: 'mutant replay and diagnosis',
  compare: 'trusted-side comparison',
  write: 'writing detail files and pages',
} as const;

export type Stage = keyof typeof STAGES;

export interface StageTimes {
  /** Milliseconds per stage, summed over every submission. */
  ms: Record<Stage, number>;
  /** Submissions graded while the clock ran. */
  submissions: number;
}

let running: StageTimes | undefined;

function zero(): Record<Stage, number> {
  return Object.fromEntries(Object.keys(STAGES).map((stage) => [stage, 0])) as Record<Stage, number>;
}

/** Starts (or restarts) the clock: every stage back to zero. */
export function startStageClock(): void {
  running = { ms: zero(), submissions: 0 };
}

/** Stops the clock and returns what it summed, or undefined if it was not running. */
export function stopStageClock(): StageTimes | undefined {
  const done = running;
  running = undefined;
  return done;
}

export function stageClockRunning(): boolean {
  return running !== undefined;
}

export function addStageTime(stage: Stage, ms: number): void {
  if (running && Number.isFinite(ms) && ms > 0) running.ms[stage] += ms;
}

/** CPU milliseconds this thread has used: what stages are timed with. */
export function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

export function countGraded(): void {
  if (running) running.submissions++;
}

/** Runs synchronous work, adding its CPU time to `stage`. */
export function timeStage<T>(stage: Stage, work: () => T): T {
  if (!running) return work();
  const started = threadCpuMs();
  try {
    return work();
  } finally {
    addStageTime(stage, threadCpuMs() - started);
  }
}
