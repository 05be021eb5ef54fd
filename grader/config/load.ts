/**
 * Reads a grading config in two passes (shape, then rules) and returns
 * `{value, warnings, errors}`. No file means the defaults.
 */
import { existsSync, readFileSync } from 'node:fs';
import { GraderError } from '../errors.ts';
import { parseConfig } from './parse.ts';
import { applyRules } from './rules.ts';
import { DEFAULT_CONFIG, type ConfigResult } from './types.ts';

export function readConfig(raw: unknown, source: string): ConfigResult {
  const parsed = parseConfig(raw, source);
  if (parsed.errors.length > 0) return { value: parsed.value, warnings: [], errors: parsed.errors };
  const checked = applyRules(parsed.value, source);
  return { value: parsed.value, ...checked };
}

export function loadConfigFile(file: string | undefined): ConfigResult {
  // Without a config file there is nothing to warn about: the defaults are deliberate.
  if (file === undefined) return { ...readConfig({}, 'defaults'), warnings: [] };
  if (!existsSync(file)) throw new GraderError('E_NOT_FOUND', `config file not found: ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GraderError('E_CONFIG', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  return readConfig(raw, file);
}

/** The config, or a typed error listing every problem. */
export function requireConfig(file: string | undefined): ConfigResult {
  const result = loadConfigFile(file);
  if (result.errors.length > 0)
    throw new GraderError('E_CONFIG', `the grading config has ${result.errors.length} error(s)`, {
      details: result.errors,
    });
  return result;
}

export { DEFAULT_CONFIG };
