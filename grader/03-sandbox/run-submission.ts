/**
 * Runs every case of one submission in one fresh sandbox and returns what
 * came back, uninterpreted. Judging happens later, in the trusted process.
 */
import type { CaseDef } from '../cases/case-list.ts';
import type { GradingConfig } from '../config/types.ts';
import { GraderError } from '../errors.ts';
import type { LoadedSubmission } from '../02-load/load-submission.ts';
import { STUDENT_FILES, STUDENT_MODULES, type StudentModule } from '../course/student-contract.ts';
import { openSandbox, type Outcome, type Request, type Sandbox, type SandboxLimits } from './sandbox.ts';
import { refusal } from '../02-load/refusal.ts';
import { confirmForm } from './confirm-form.ts';
import { capMessage, capOutput, capReply } from './reply-caps.ts';
import { decodeReply } from './wire.ts';

/** What a case produced: a parsed (still untrusted) reply, or why there is none. */
export type CaseOutcome =
  Exclude<Outcome, { kind: 'reply' }> | { kind: 'reply'; reply: unknown } | { kind: 'skipped'; error: GraderError };

export interface SandboxRun {
  moduleErrors: Partial<Record<StudentModule, GraderError>>;
  outcomes: Map<string, { outcome: CaseOutcome; ms: number }>;
  output: string;
  outputTruncated: boolean;
  /** The whole-submission budget ran out. */
  timedOut: boolean;
}

export interface RunLimits extends SandboxLimits {
  submissionMs: number;
}

/** A submission's limits, as the grading config sets them. */
export function runLimits(config: GradingConfig): RunLimits {
  return {
    memoryMb: config.memoryMb,
    caseTimeoutMs: config.timeouts.caseMs,
    submissionMs: config.timeouts.submissionMs,
  };
}

export function moduleOf(c: CaseDef): StudentModule {
  if (c.training) return 'nn';
  return c.export ? c.export.module : 'engine';
}

export async function runSubmission(
  loaded: LoadedSubmission,
  cases: CaseDef[],
  limits: RunLimits,
): Promise<SandboxRun> {
  let sandbox = await openSandbox(limits);
  // Counted from here: starting a sandbox is the grader's time, not the student's.
  const deadline = Date.now() + limits.submissionMs;
  const budget = () => Math.max(1, Math.min(limits.caseTimeoutMs, deadline - Date.now()));
  const moduleErrors: SandboxRun['moduleErrors'] = {};
  const outcomes: SandboxRun['outcomes'] = new Map();
  let timedOut = false;
  // Set once the remaining cases are not worth running. A module that hangs
  // while loading only blocks its own cases (through moduleErrors): a hang in
  // engine.ts must not cost the hand-computed gradients in manual.ts.
  let stopped = false;
  // Issued without waiting in between, so a sandbox may send them together;
  // they still run one after another.
  const loadModules = () =>
    STUDENT_MODULES.map(async (name) => {
      const load = loaded.modules[name];
      if (!load) return;
      if (!load.ok) {
        moduleErrors[name] = load.error;
        return;
      }
      const outcome = await sandbox.load(name, load.prepared, budget());
      if (outcome.kind !== 'reply') moduleErrors[name] ??= loadFailure(load.prepared.file, outcome);
      if (outcome.kind === 'timeout') timedOut = true;
    });
  try {
    // Everything for the fast path is issued at once, so that a sandbox can
    // send it as one message: the loads, the export check, every case in one
    // call (if that call finishes within one case's time limit, every case
    // in it did too) and the output. Cases whose file then turns out not to
    // load or to lack its export are set aside afterwards.
    const loads = loadModules();
    const exportsReply = sandbox.run({ kind: 'exports' }, budget());
    const attempted = cases.filter((c) => !moduleErrors[moduleOf(c)]);
    const batchRun = runBatch(sandbox, attempted, Math.min(limits.caseTimeoutMs, budget()));
    const printedByBatch = sandbox.output();
    await Promise.all(loads);
    checkExports(await exportsReply, moduleErrors, loaded);
    const runnable: CaseDef[] = [];
    for (const c of cases) {
      const blocked = moduleErrors[moduleOf(c)];
      if (blocked) outcomes.set(c.id, { outcome: { kind: 'skipped', error: blocked }, ms: 0 });
      else runnable.push(c);
    }
    let batch = await batchRun;
    if (batch === 'lost') {
      // The heap cap took the isolate down, and every reply of the batch with
      // it, even of cases that finished first (the hand-computed answers, say).
      // Case by case in a fresh isolate, only the culprit and what follows it
      // are lost, as when each case had its own call.
      sandbox.dispose();
      sandbox = await openSandbox(limits);
      await Promise.all(loadModules());
      batch = [];
    }
    const finished = new Map(batch.map((result, i) => [attempted[i].id, result]));
    for (const c of runnable) if (finished.has(c.id)) outcomes.set(c.id, finished.get(c.id)!);
    const complete = runnable.every((c) => finished.has(c.id));
    // Slow path, for code that is slow or hangs: the rest one by one, each
    // with its own time limit.
    let timeoutsInARow = 0;
    for (const c of runnable.filter((each) => !finished.has(each.id))) {
      // Two cases in a row that hang mean the code hangs everywhere: waiting
      // out every remaining case would only slow down the whole class.
      if (timeoutsInARow >= 2) stopped = timedOut = true;
      if (stopped) {
        outcomes.set(c.id, {
          outcome: {
            kind: 'skipped',
            error: new GraderError('E_SKIPPED_AFTER_HANG', 'earlier cases hung, so the rest were skipped'),
          },
          ms: 0,
        });
        continue;
      }
      const started = performance.now();
      const outcome = asCaseOutcome(await sandbox.run(requestFor(c), budget()));
      outcomes.set(c.id, { outcome, ms: performance.now() - started });
      timeoutsInARow = outcome.kind === 'timeout' ? timeoutsInARow + 1 : 0;
      if (outcome.kind === 'timeout' && deadline - Date.now() <= 0) stopped = timedOut = true;
    }
    const refused = moduleErrors.engine ? undefined : confirmForm(loaded.modules.engine, runnable, outcomes);
    if (refused) {
      moduleErrors.engine = refused;
      for (const c of runnable)
        if (moduleOf(c) === 'engine') outcomes.set(c.id, { outcome: { kind: 'skipped', error: refused }, ms: 0 });
    }
    const printed = complete ? printedByBatch : sandbox.output();
    sandbox.dispose();
    const { output, truncated } = capOutput(await printed);
    return { moduleErrors, outcomes, output, outputTruncated: truncated, timedOut };
  } finally {
    sandbox.dispose();
  }
}

function requestFor(c: CaseDef): Request {
  if (c.training) {
    const { nin, nouts, xs, ys, params, lr, steps, seed } = c.training;
    return { kind: 'training', nin, nouts, xs, ys, params, lr, steps, seed };
  }
  return c.graph
    ? { kind: 'graph', graph: c.graph }
    : { kind: 'export', module: c.export!.module, name: c.export!.name };
}

function asCaseOutcome(outcome: Outcome): CaseOutcome {
  if (outcome.kind === 'crash') return { kind: 'crash', message: capMessage(outcome.message) };
  if (outcome.kind !== 'reply') return outcome;
  try {
    return { kind: 'reply', reply: decodeReply(capReply(JSON.parse(outcome.json)), outcome.numbers) };
  } catch {
    return { kind: 'crash', message: 'the sandbox sent back something that is not JSON' };
  }
}

/**
 * Runs cases in one call; returns the outcomes of those that finished (all,
 * or a prefix), or 'lost' when the isolate ran out of memory and is gone.
 */
async function runBatch(
  sandbox: Sandbox,
  cases: CaseDef[],
  timeoutMs: number,
): Promise<Array<{ outcome: CaseOutcome; ms: number }> | 'lost'> {
  if (cases.length === 0) return [];
  const started = performance.now();
  let outcome = await sandbox.run({ kind: 'batch', requests: cases.map(requestFor) }, timeoutMs);
  // After a timeout the isolate still holds the replies that finished first.
  if (outcome.kind === 'timeout') outcome = await sandbox.run({ kind: 'completed' }, timeoutMs);
  // Measured here, outside the isolate: each case's own figure comes from inside, so it is only
  // believed between zero and the whole batch's time.
  const elapsed = performance.now() - started;
  if (outcome.kind === 'memory') return 'lost';
  if (outcome.kind !== 'reply') return [];
  const parsed = asCaseOutcome(outcome);
  const batch =
    parsed.kind === 'reply' ? (parsed.reply as { batch?: Array<{ reply: unknown; ms: unknown }> }).batch : undefined;
  if (!Array.isArray(batch)) return [];
  const numbers = outcome.numbers;
  return batch.slice(0, cases.length).map((entry) => ({
    outcome: { kind: 'reply', reply: decodeReply(entry?.reply, numbers) },
    ms: trustedMs(entry?.ms, elapsed),
  }));
}

/** A duration the sandbox claims, as a number between 0 and what the grader measured around it. */
export function trustedMs(claimed: unknown, measured: number): number {
  if (typeof claimed !== 'number' || !Number.isFinite(claimed)) return 0;
  return Math.min(Math.max(0, claimed), Math.max(0, measured));
}

function loadFailure(file: string, outcome: Outcome): GraderError {
  switch (outcome.kind) {
    case 'timeout':
      return new GraderError(
        'E_SUBMISSION_LOAD',
        `${file} did not finish loading within ${outcome.ms} ms: is there an endless loop at the top level?`,
        { location: { file } },
      );
    case 'memory':
      return new GraderError('E_SUBMISSION_LOAD', `${file} ran out of memory while loading`, { location: { file } });
    default:
      return new GraderError(
        'E_SUBMISSION_LOAD',
        `${file} threw an error while loading: ${outcome.kind === 'crash' ? capMessage(outcome.message) : ''}`,
        { location: { file } },
      );
  }
}

function checkExports(reply: Outcome, moduleErrors: SandboxRun['moduleErrors'], loaded: LoadedSubmission): void {
  if (reply.kind !== 'reply') return;
  let exports: Record<string, string[] | null>;
  try {
    exports = (capReply(JSON.parse(reply.json)) as { exports?: Record<string, string[] | null> }).exports ?? {};
  } catch {
    return;
  }
  for (const name of STUDENT_MODULES) {
    if (moduleErrors[name]) continue;
    const names = exports[name];
    const required = { ...STUDENT_FILES[name], name: STUDENT_FILES[name].export };
    if (names && !names.includes(`${required.name}:${required.type}`)) {
      // The file where it was found (e.g. exercises/engine.ts), so CI annotations land on it.
      const load = loaded.modules[name];
      const file = load?.ok ? load.prepared.file : `${name}.ts`;
      const blockers = load?.ok ? load.blockers.filter((b) => b.kind === 'export' || b.kind === 'import') : [];
      moduleErrors[name] = names.includes(`${required.name}:uninitialized`)
        ? new GraderError(
            'E_SUBMISSION_LOAD',
            `${file} never finished loading: ${required.name} was never defined. Does its top level wait (await) for something that never happens?`,
            { location: { file } },
          )
        : blockers.length > 0
          ? refusal(file, load!.ok ? load!.blockers : blockers)
          : new GraderError(
              'E_SUBMISSION_MISSING_EXPORT',
              `${file} does not export ${required.name}: it needs \`${required.what}\``,
              { location: { file } },
            );
    }
  }
}
