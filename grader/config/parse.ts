/**
 * Pass one: the config's shape, against the published JSON Schema. Errors
 * start with the config's path, then the JSON path inside it.
 */
import { check } from '../schema.ts';
import { DEFAULT_CONFIG, DEFAULT_LATE, type GradingConfig, type LatePolicy } from './types.ts';

export type PartialSections<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };

export function parseConfig(
  raw: unknown,
  source: string,
  base: GradingConfig = DEFAULT_CONFIG,
): { value: GradingConfig; errors: string[] } {
  const errors = check('grading-config', raw, `${source}: $`);
  if (errors.length > 0) return { value: base, errors };
  return { value: layer(base, raw as PartialSections<GradingConfig>), errors: [] };
}

/** `input` over `base`, one level of nesting deep: a config that sets tolerance.rtol keeps the base's atol. */
export function layer(base: GradingConfig, input: PartialSections<GradingConfig>): GradingConfig {
  return {
    ...base,
    ...input,
    tolerance: { ...base.tolerance, ...input.tolerance },
    timeouts: { ...base.timeouts, ...input.timeouts },
    randomCases: { ...base.randomCases, ...input.randomCases },
    longChain: { ...base.longChain, ...input.longChain },
    training: {
      ...base.training,
      ...input.training,
      randomDatasets: { ...base.training.randomDatasets, ...input.training?.randomDatasets },
    },
    ...(input.late ? { late: { ...DEFAULT_LATE, ...(input.late as Partial<LatePolicy>) } as LatePolicy } : {}),
    assignment: base.assignment,
    exercises: { ...base.exercises, ...(input.exercises as GradingConfig['exercises']) },
    cases: { ...base.cases, ...(input.cases as GradingConfig['cases']) },
  };
}
