/**
 * Reads a grading config in two passes (shape, then rules) and returns
 * `{value, warnings, errors}`. No file means the defaults.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GraderError } from '../errors.ts';
import { assignmentOf, loadCatalogue } from '../course/catalogue.ts';
import { layer, parseConfig, type PartialSections } from './parse.ts';
import { applyRules } from './rules.ts';
import { DEFAULT_CONFIG, type ConfigResult, type GradingConfig } from './types.ts';

/**
 * The defaults of one assignment of course.json (the first without an id):
 * the grader's own defaults, then the assignment's `defaults` over them.
 * `course` is the course root; without it, the grader's own course.
 */
export function assignmentDefaults(id?: string, course?: string): GradingConfig {
  const catalogue = loadCatalogue(course);
  const assignment = assignmentOf(catalogue, id);
  const base: GradingConfig = {
    ...DEFAULT_CONFIG,
    assignment: {
      id: assignment.id,
      kind: assignment.kind ?? 'graphs',
      first: assignment === catalogue.assignments[0],
      ...(course === undefined ? {} : { course: path.resolve(course) }),
    },
  };
  return layer(base, (assignment.defaults ?? {}) as PartialSections<GradingConfig>);
}

export function readConfig(raw: unknown, source: string, base: GradingConfig = DEFAULT_CONFIG): ConfigResult {
  const parsed = parseConfig(raw, source, base);
  if (parsed.errors.length > 0) return { value: parsed.value, warnings: [], errors: parsed.errors };
  const checked = applyRules(parsed.value, source);
  return { value: parsed.value, ...checked };
}

export function loadConfigFile(file: string | undefined, base: GradingConfig = DEFAULT_CONFIG): ConfigResult {
  // Without a config file there is nothing to warn about: the defaults are deliberate.
  if (file === undefined) return { ...readConfig({}, 'defaults', base), warnings: [] };
  if (!existsSync(file)) throw new GraderError('E_NOT_FOUND', `config file not found: ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GraderError('E_CONFIG', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  return readConfig(raw, file, base);
}

/**
 * The config of a run, or a typed error listing every problem: the config
 * file over the defaults of the assignment graded (`--assignment`; the first
 * of course.json when not given).
 */
export function requireConfig(file: string | undefined, assignment?: string): ConfigResult {
  const result = loadConfigFile(file, assignmentDefaults(assignment));
  if (result.errors.length > 0)
    throw new GraderError(
      'E_CONFIG',
      `the grading config has ${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}`,
      {
        details: result.errors,
      },
    );
  return result;
}

export { DEFAULT_CONFIG };
