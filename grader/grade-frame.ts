/**
 * The frame every assignment is graded in, whatever it asks of the student:
 * load the student's modules while the sandbox host starts, run every case
 * in one fresh sandbox, judge the replies in the trusted process, diagnose,
 * score, and take this machine's paths out of the result. A submission that
 * cannot be loaded ends as a not-loaded result. What differs between
 * assignments (which modules, which probes, how a case is judged and how the
 * failures are named) is the assignment's JudgingStrategy, in
 * ./judging-strategies.ts.
 */
import type { SubmissionSource } from './01-discover/discover.ts';
import { loadSubmission } from './02-load/load-submission.ts';
import { runLimits, runSubmission, type CaseOutcome } from './03-sandbox/run-submission.ts';
import { startSandbox } from './03-sandbox/sandbox.ts';
import { judge, type Judgement } from './04-compare/compare.ts';
import type { Tolerance } from './04-compare/tolerance.ts';
import type { Diagnosis } from './05-diagnose/diagnose.ts';
import { scoreSubmission } from './06-score/score.ts';
import { casesFor, type CaseDef } from './cases/case-list.ts';
import type { GradingConfig } from './config/types.ts';
import type { StudentModule } from './course/student-contract.ts';
import type { SubmissionResult } from './results/types.ts';
import { scrubPaths } from './results/scrub.ts';
import { notLoadedResult } from './not-loaded.ts';
import { timeStage } from './stage-clock.ts';

/** Probes and how the first assignment's judge saw them, for a strategy's diagnosis. */
export interface Probed {
  cases: CaseDef[];
  judged: Map<string, Judgement>;
}

/** What one assignment brings to the frame. */
export interface JudgingStrategy {
  /** The student's modules to load, from the student contract. */
  modules: StudentModule[];
  /**
   * Graph cases run in the same sandbox beside the assignment's own, which
   * earn nothing: they show whether the engine underneath is at fault. They
   * are judged as the first assignment judges them, handed to `diagnose`,
   * and then dropped from the result.
   */
  probes(config: GradingConfig): CaseDef[];
  judge(c: CaseDef, outcome: CaseOutcome, tol: Tolerance): Judgement;
  diagnose(cases: CaseDef[], judged: Map<string, Judgement>, tol: Tolerance, probed: Probed): Diagnosis;
}

export async function gradeWithStrategy(
  source: SubmissionSource,
  config: GradingConfig,
  strategy: JudgingStrategy,
): Promise<SubmissionResult> {
  const started = performance.now();
  const cases = casesFor(source.id, config);
  const probes = strategy.probes(config);
  // The first sandbox host starts while the files load (once per process: a class reuses it).
  const sandbox = startSandbox();
  const loaded = await loadSubmission(source, strategy.modules);
  try {
    if (loaded.error) return notLoadedResult(source, cases, loaded.error, config, performance.now() - started);
    await sandbox;
    const run = await runSubmission(loaded, [...cases, ...probes], runLimits(config));
    const outcome = (c: CaseDef) => run.outcomes.get(c.id)!.outcome;
    const tol = config.tolerance;
    const { judged, probed } = timeStage('compare', () => ({
      judged: new Map(cases.map((c) => [c.id, strategy.judge(c, outcome(c), tol)])),
      probed: { cases: probes, judged: new Map(probes.map((c) => [c.id, judge(c, outcome(c), tol)])) },
    }));
    const diagnosis = timeStage('diagnose', () => strategy.diagnose(cases, judged, tol, probed));
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
