/**
 * Submissions that cannot be loaded are reported with a stable code, and one
 * broken submission (or a path that does not exist) never stops the others.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { FIXTURES, gradePaths, resultFor, testConfig } from '../support/fixture-class.ts';

const CORRECT = path.join(FIXTURES, 'submissions', 'correct-micrograd-style');
let temp: string;
let results: Map<string, SubmissionResult>;

beforeAll(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'gradelab-load-errors-'));
  // A submission whose manual.ts was never added.
  cpSync(path.join(CORRECT, 'exercises', 'engine.ts'), path.join(temp, 'no-manual', 'exercises', 'engine.ts'), {
    recursive: true,
  });
  results = await gradePaths(
    [
      path.join(temp, 'no-manual'),
      path.join(temp, 'no-such-student'),
      path.join(FIXTURES, 'submissions', 'error-missing-export'),
      CORRECT,
    ],
    testConfig({ timeouts: { caseMs: 1000, submissionMs: 5000 } }),
  );
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('submissions that cannot be loaded', () => {
  it('a missing manual.ts is E_SUBMISSION_MISSING_FILE; the engine is still graded', () => {
    const r = resultFor(results, 'no-manual');
    expect(r.status).toBe('error');
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'E_SUBMISSION_MISSING_FILE', message: expect.stringContaining('manual.ts') }),
    ]);
    expect(r.tests.find((t) => t.id === 'manual-worked-example')?.status).toBe('error');
    const engineTests = r.tests.filter((t) => t.kind === 'required' && t.exercise !== 'manual');
    expect(engineTests.length).toBeGreaterThan(10);
    expect(engineTests.every((t) => t.status === 'pass')).toBe(true);
  });

  it('a missing export is E_SUBMISSION_MISSING_EXPORT on the file that lacks it', () => {
    const r = resultFor(results, 'error-missing-export');
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'E_SUBMISSION_MISSING_EXPORT', file: 'exercises/engine.ts' }),
    ]);
    expect(r.tests.filter((t) => t.exercise === 'mul').every((t) => t.status === 'error')).toBe(true);
  });

  it('a path that does not exist becomes an errored submission, not a failed run', () => {
    const r = resultFor(results, 'no-such-student');
    expect(r.status).toBe('error');
    expect(r.score).toBe(0);
    expect(r.errors.map((e) => e.code)).toEqual(['E_NOT_FOUND']);
  });

  it('the others in the same run are graded as usual', () => {
    expect(results.size).toBe(4);
    const correct = resultFor(results, 'correct-micrograd-style');
    expect(correct.status).toBe('graded');
    expect(correct.score).toBe(correct.maxScore);
  });

  it('no absolute path of the grading machine reaches a result', () => {
    const text = JSON.stringify([...results.values()]);
    expect(text).not.toContain(temp);
    expect(text).not.toContain(FIXTURES);
  });
});
