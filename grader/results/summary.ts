/**
 * A submission's summary: its result without the per-node values of failed
 * graph cases, which are by far its bulk. The summary is what results.json
 * and every class-wide output hold; the full result goes to the submission's
 * detail file, which the summary names.
 */
import { pageName } from './page-names.ts';
import type { SubmissionResult, TestResult } from './types.ts';

/** Where a submission's full result is written, relative to the output folder. */
export function detailPath(id: string): string {
  return `details/${pageName(id).replace(/\.html$/, '.json')}`;
}

export function summarize(full: SubmissionResult): SubmissionResult {
  // Copied field by field rather than spread, so the summary shares no arrays with the full result.
  const tests = full.tests.map(({ nodes: _nodes, ...test }): TestResult => test);
  const { detail: _detail, ...rest } = full;
  return { ...rest, tests, detail: detailPath(full.id) };
}

/** The full result as its detail file holds it: no pointer to itself. */
export function withoutPointer(full: SubmissionResult): SubmissionResult {
  if (full.detail === undefined) return full;
  const { detail: _detail, ...rest } = full;
  return rest;
}
