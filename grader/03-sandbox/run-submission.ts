/**
 * Runs every case of one submission in one fresh sandbox and returns what
 * came back, uninterpreted. Judging happens later, in the trusted process.
 */
import type { CaseDef } from '../cases/catalog.ts';
import { GraderError } from '../errors.ts';
import { STUDENT_MODULES, type LoadedSubmission, type StudentModule } from '../02-load/load-submission.ts';
import { openSandbox, type Outcome, type SandboxLimits } from './sandbox.ts';

export type CaseOutcome = Outcome | { kind: 'skipped'; error: GraderError };

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

const REQUIRED_EXPORTS: Record<StudentModule, { name: string; type: string; what: string }> = {
  engine: { name: 'Value', type: 'function', what: 'export class Value' },
  manual: { name: 'manualGrads', type: 'object', what: 'export const manualGrads' },
};

export function moduleOf(c: CaseDef): StudentModule {
  return c.export ? c.export.module : 'engine';
}

export async function runSubmission(loaded: LoadedSubmission, cases: CaseDef[], limits: RunLimits): Promise<SandboxRun> {
  const deadline = Date.now() + limits.submissionMs;
  const budget = () => Math.max(1, Math.min(limits.caseTimeoutMs, deadline - Date.now()));
  const moduleErrors: SandboxRun['moduleErrors'] = {};
  const outcomes: SandboxRun['outcomes'] = new Map();
  const sandbox = await openSandbox(limits);
  let timedOut = false;
  // Set once the remaining cases are not worth running. A module that hangs
  // while loading only blocks its own cases (through moduleErrors): a hang in
  // engine.ts must not cost the hand-computed gradients in manual.ts.
  let stopped = false;
  try {
    for (const name of STUDENT_MODULES) {
      const load = loaded.modules[name];
      if (!load) continue;
      if (!load.ok) {
        moduleErrors[name] = load.error;
        continue;
      }
      const outcome = await sandbox.load(name, load.bundle.file, load.bundle.code, budget());
      if (outcome.kind !== 'reply') moduleErrors[name] = loadFailure(load.bundle.file, outcome);
      if (outcome.kind === 'timeout') timedOut = true;
    }
    const exportsReply = await sandbox.run({ kind: 'exports' }, budget());
    checkExports(exportsReply, moduleErrors, loaded);
    let timeoutsInARow = 0;
    for (const c of cases) {
      const blocked = moduleErrors[moduleOf(c)];
      // Two cases in a row that hang mean the code hangs everywhere: waiting
      // out every remaining case would only slow down the whole class.
      if (timeoutsInARow >= 2) stopped = timedOut = true;
      if (blocked || stopped) {
        const error = blocked ?? new GraderError('E_SUBMISSION_LOAD', 'earlier cases hung, so the rest were skipped');
        outcomes.set(c.id, { outcome: { kind: 'skipped', error }, ms: 0 });
        continue;
      }
      const started = performance.now();
      const request = c.graph ? { kind: 'graph' as const, graph: c.graph } : { kind: 'export' as const, module: c.export!.module, name: c.export!.name };
      const outcome = await sandbox.run(request, budget());
      outcomes.set(c.id, { outcome, ms: performance.now() - started });
      timeoutsInARow = outcome.kind === 'timeout' ? timeoutsInARow + 1 : 0;
      if (outcome.kind === 'timeout' && deadline - Date.now() <= 0) stopped = timedOut = true;
    }
    const { output, truncated } = await sandbox.output();
    return { moduleErrors, outcomes, output, outputTruncated: truncated, timedOut };
  } finally {
    sandbox.dispose();
  }
}

function loadFailure(file: string, outcome: Outcome): GraderError {
  switch (outcome.kind) {
    case 'timeout':
      return new GraderError('E_SUBMISSION_LOAD', `${file} did not finish loading within ${outcome.ms} ms: is there an endless loop at the top level?`, { location: { file } });
    case 'memory':
      return new GraderError('E_SUBMISSION_LOAD', `${file} ran out of memory while loading`, { location: { file } });
    default:
      return new GraderError('E_SUBMISSION_LOAD', `${file} threw an error while loading: ${outcome.kind === 'crash' ? outcome.message : ''}`, { location: { file } });
  }
}

function checkExports(reply: Outcome, moduleErrors: SandboxRun['moduleErrors'], loaded: LoadedSubmission): void {
  if (reply.kind !== 'reply') return;
  let exports: Record<string, string[] | null> = {};
  try {
    exports = (JSON.parse(reply.json) as { exports?: Record<string, string[] | null> }).exports ?? {};
  } catch {
    return;
  }
  for (const name of STUDENT_MODULES) {
    if (moduleErrors[name]) continue;
    const names = exports[name];
    const required = REQUIRED_EXPORTS[name];
    if (names && !names.includes(`${required.name}:${required.type}`)) {
      // The file where it was found (e.g. exercises/engine.ts), so CI annotations land on it.
      const load = loaded.modules[name];
      const file = load?.ok ? load.bundle.file : `${name}.ts`;
      moduleErrors[name] = new GraderError('E_SUBMISSION_MISSING_EXPORT', `${name}.ts does not export ${required.name}: it needs \`${required.what}\``, { location: { file } });
    }
  }
}
