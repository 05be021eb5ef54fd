/**
 * The pipeline of the training assignment (nn), beside ./grade.ts: load the
 * student's engine.ts and nn.ts, run the training cases and the first
 * assignment's required graph cases (as probes of the engine nn.ts runs on)
 * in one fresh sandbox, judge both in the trusted process, diagnose, score.
 * The probes earn nothing; they decide whether a failing case is the
 * engine's fault.
 */
import type { SubmissionSource } from './01-discover/discover.ts';
import { loadSubmission } from './02-load/load-submission.ts';
import { TRAINING_MODULES } from './course/student-contract.ts';
import { runLimits, runSubmission } from './03-sandbox/run-submission.ts';
import { startSandbox } from './03-sandbox/sandbox.ts';
import { judge, type Judgement } from './04-compare/compare.ts';
import { judgeTraining } from './04-compare/training-judge.ts';
import type { Tolerance } from './04-compare/tolerance.ts';
import { diagnose } from './05-diagnose/diagnose.ts';
import { MISCONCEPTION_BY_ID } from './05-diagnose/misconceptions.ts';
import { diagnoseTraining, type EnginePrerequisite } from './05-diagnose/training-diagnose.ts';
import { scoreSubmission } from './06-score/score.ts';
import { casesFor, fixedCases, type CaseDef } from './cases/case-list.ts';
import type { GradingConfig } from './config/types.ts';
import type { SubmissionResult } from './results/types.ts';
import { scrubPaths } from './results/scrub.ts';
import { notLoadedResult } from './not-loaded.ts';

/** The first assignment's required graph cases: enough to tell which rule of an engine is wrong. */
export function engineProbes(course?: string): CaseDef[] {
  return fixedCases(course).filter((c) => c.graph && c.kind === 'required');
}

/** What is wrong with the engine, if its probes fail; undefined when they all pass (or could not run). */
export function enginePrerequisite(
  probes: CaseDef[],
  judged: Map<string, Judgement>,
  tol: Tolerance,
): EnginePrerequisite | undefined {
  const failing = probes.filter((c) => judged.get(c.id)!.status === 'fail');
  if (failing.length === 0) return undefined;
  const { ids } = diagnose(probes, judged, tol);
  const named = ids.map((id) => MISCONCEPTION_BY_ID.get(id)!);
  return {
    ids,
    rules: [...new Set(named.map((m) => m.rule))],
    hints: named.map((m) => m.hint),
    exercises: [...new Set(failing.map((c) => c.exercise))],
  };
}

export async function gradeTrainingSubmission(
  source: SubmissionSource,
  config: GradingConfig,
): Promise<SubmissionResult> {
  const started = performance.now();
  const cases = casesFor(source.id, config);
  const probes = engineProbes(config.assignment?.course);
  // The first sandbox host starts while the files load (once per process: a class reuses it).
  const sandbox = startSandbox();
  const loaded = await loadSubmission(source, TRAINING_MODULES);
  try {
    if (loaded.error) return notLoadedResult(source, cases, loaded.error, config, performance.now() - started);
    await sandbox;
    const run = await runSubmission(loaded, [...cases, ...probes], runLimits(config));
    const outcome = (c: CaseDef) => run.outcomes.get(c.id)!.outcome;
    const judged = new Map(cases.map((c) => [c.id, judgeTraining(c, outcome(c), config.tolerance)]));
    const probed = new Map(probes.map((c) => [c.id, judge(c, outcome(c), config.tolerance)]));
    const diagnosis = diagnoseTraining(
      cases,
      judged,
      config.tolerance,
      enginePrerequisite(probes, probed, config.tolerance),
    );
    // The probes are not this assignment's tests: only their time and output stay in the result.
    for (const c of probes) run.outcomes.delete(c.id);
    const result = scoreSubmission({
      id: source.id,
      cases,
      judged,
      run,
      diagnosis,
      loadErrors: Object.values(run.moduleErrors),
      durationMs: performance.now() - started,
      nodesPerFailedCase: config.nodesPerFailedCase,
    });
    return scrubPaths(result, [loaded.root, source.path]);
  } finally {
    await loaded.cleanup();
  }
}
