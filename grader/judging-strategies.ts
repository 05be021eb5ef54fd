/**
 * Each assignment's judging strategy for the frame in ./grade-frame.ts, and
 * the choice between them by the assignment's kind.
 *
 * The engine (graphs): load engine.ts and manual.ts, judge each graph node
 * by node against the reference, and name the misconception by replaying
 * the failures through mutants.
 *
 * Training (nn): load engine.ts and nn.ts, judge the training cases stage
 * by stage, and run the first assignment's required graph cases beside them
 * as probes of the engine nn.ts runs on. The probes earn nothing; they
 * decide whether a failing case is the engine's fault, which the diagnosis
 * then says instead of naming a training misconception.
 */
import { judge, type Judgement } from './04-compare/compare.ts';
import { judgeTraining } from './04-compare/training-judge.ts';
import type { Tolerance } from './04-compare/tolerance.ts';
import { diagnose } from './05-diagnose/diagnose.ts';
import { MISCONCEPTION_BY_ID } from './05-diagnose/misconceptions.ts';
import { diagnoseTraining, type EnginePrerequisite } from './05-diagnose/training-diagnose.ts';
import { fixedCases, isTraining, type CaseDef } from './cases/case-list.ts';
import type { GradingConfig } from './config/types.ts';
import { ENGINE_MODULES, TRAINING_MODULES } from './course/student-contract.ts';
import type { JudgingStrategy } from './grade-frame.ts';

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

export const ENGINE_STRATEGY: JudgingStrategy = {
  modules: ENGINE_MODULES,
  // The engine is what is graded here, so nothing needs probing beneath it.
  probes: () => [],
  judge,
  diagnose,
};

export const TRAINING_STRATEGY: JudgingStrategy = {
  modules: TRAINING_MODULES,
  probes: (config) => engineProbes(config.assignment?.course),
  judge: judgeTraining,
  // An engine that fails its probes explains the training failures before any training mistake can.
  diagnose: (cases, judged, tol, probed) =>
    diagnoseTraining(cases, judged, tol, enginePrerequisite(probed.cases, probed.judged, tol)),
};

/** The strategy an assignment is judged by: its kind decides, and an engine assignment is the default. */
export function strategyFor(config: GradingConfig): JudgingStrategy {
  return isTraining(config) ? TRAINING_STRATEGY : ENGINE_STRATEGY;
}
