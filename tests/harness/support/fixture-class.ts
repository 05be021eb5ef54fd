/**
 * Shared by the harness tests that grade fixture folders: where the fixtures
 * are, a grading config for tests, and grading through the library exactly
 * as the CLI does (discover, then gradeAll).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover } from '../../../grader/01-discover/discover.ts';
import { readConfig } from '../../../grader/config/load.ts';
import type { GradingConfig } from '../../../grader/config/types.ts';
import { gradeAll } from '../../../grader/grade.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = path.join(REPO, 'fixtures');

/** Absolute paths of the fixture folders in one group, optionally by name prefix. */
export function fixtureFolders(group: 'submissions' | 'diagnosis' | 'hostile' | 'nn' | 'ports', prefix = ''): string[] {
  const dir = path.join(FIXTURES, group);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith(prefix))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** A validated config; throws if the overrides themselves are invalid. */
export function testConfig(overrides: Record<string, unknown> = {}): GradingConfig {
  const result = readConfig(overrides, 'test');
  if (result.errors.length > 0) throw new Error(`bad test config: ${result.errors.join('; ')}`);
  return result.value;
}

/** Grades the given paths in one run and returns the results by submission id. */
export async function gradePaths(paths: string[], config: GradingConfig): Promise<Map<string, SubmissionResult>> {
  const { submissions } = discover(paths);
  const results = await gradeAll(submissions, config);
  return new Map(results.map((r) => [r.id, r]));
}

/** A deep copy without wall-clock timings, which legitimately differ between runs. */
export function withoutTimings<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'durationMs' ? undefined : v))) as T;
}

/** Looks a result up, failing loudly when the submission is missing from the run. */
export function resultFor(results: Map<string, SubmissionResult>, id: string): SubmissionResult {
  const result = results.get(id);
  if (!result) throw new Error(`no result for ${id} (have: ${[...results.keys()].join(', ')})`);
  return result;
}
