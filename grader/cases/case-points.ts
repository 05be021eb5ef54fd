/**
 * The config's say over a course's cases, the same for every assignment: a
 * case's own points or visibility, else its exercise's points shared evenly
 * among the exercise's cases, else the points the case data gives.
 */
import type { GradingConfig } from '../config/types.ts';
import type { CaseDef } from './case-def.ts';

export function applyCasePoints(cases: CaseDef[], config: GradingConfig): CaseDef[] {
  const perExercise = new Map<string, number>();
  for (const c of cases) perExercise.set(c.exercise, (perExercise.get(c.exercise) ?? 0) + 1);
  return cases.map((c) => {
    const override = config.cases[c.id] ?? {};
    const exercisePoints = config.exercises[c.exercise]?.points;
    const points =
      override.points ?? (exercisePoints !== undefined ? exercisePoints / perExercise.get(c.exercise)! : c.points);
    return { ...c, points, visibility: override.visibility ?? c.visibility };
  });
}
