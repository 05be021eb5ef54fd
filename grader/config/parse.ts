/**
 * Pass one: the config's shape, against the published JSON Schema. Errors
 * start with the config's path, then the JSON path inside it.
 */
import { check } from '../schema.ts';
import { DEFAULT_CONFIG, type GradingConfig, type LatePolicy } from './types.ts';

type PartialSections<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };

export function parseConfig(raw: unknown, source: string): { value: GradingConfig; errors: string[] } {
  const errors = check('grading-config', raw, `${source}: $`);
  if (errors.length > 0) return { value: DEFAULT_CONFIG, errors };
  const input = raw as PartialSections<GradingConfig>;
  const value: GradingConfig = {
    ...DEFAULT_CONFIG,
    ...input,
    tolerance: { ...DEFAULT_CONFIG.tolerance, ...input.tolerance },
    timeouts: { ...DEFAULT_CONFIG.timeouts, ...input.timeouts },
    randomCases: { ...DEFAULT_CONFIG.randomCases, ...input.randomCases },
    longChain: { ...DEFAULT_CONFIG.longChain, ...input.longChain },
    ...(input.late
      ? { late: { graceMinutes: 0, maxPenaltyPercent: 100, ...(input.late as Partial<LatePolicy>) } as LatePolicy }
      : {}),
    exercises: { ...(input.exercises as GradingConfig['exercises']) },
    cases: { ...(input.cases as GradingConfig['cases']) },
  };
  return { value, errors: [] };
}
