/**
 * results.json is a fixed interface: whatever happened to each submission,
 * the file written must validate against the schema that ships with the
 * project. Checked here with a fresh ajv instance, not the grader's own.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../../grader/07-render/write-outputs.ts';
import { ERROR_CODES } from '../../../grader/errors.ts';
import { buildResults } from '../../../grader/results/build.ts';
import { FIXTURES, REPO, gradePaths, testConfig } from '../support/fixture-class.ts';

let out: string;
let written: unknown;
let ids: string[];

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'gradelab-results-'));
  const config = testConfig({ timeouts: { caseMs: 500, submissionMs: 4000 } });
  // Every kind of outcome: graded, errored, timed out, missing, hostile.
  const inputs = [
    path.join(FIXTURES, 'submissions'),
    path.join(FIXTURES, 'hostile', 'huge-output'),
    path.join(FIXTURES, 'hostile', 'throw-number'),
    path.join(out, 'absent'),
  ];
  const results = [...(await gradePaths(inputs, config)).values()];
  ids = results.map((r) => r.id).sort();
  await writeOutputs(path.join(out, 'report'), buildResults(results, config), ['json', 'csv'], {
    audience: 'instructor',
    now: new Date(),
  });
  written = JSON.parse(readFileSync(path.join(out, 'report', 'results.json'), 'utf8'));
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('results.json', () => {
  it('validates against schemas/results.schema.json', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'results.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = validate(written);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('holds every submission of the run, with each status the contract names', () => {
    const results = written as { version: number; submissions: Array<{ id: string; status: string }> };
    expect(results.version).toBe(2);
    expect(results.submissions.map((s) => s.id).sort()).toEqual(ids);
    expect(new Set(results.submissions.map((s) => s.status))).toEqual(new Set(['graded', 'error', 'timeout']));
  });

  it('the schema is not vacuous: a result missing its score is rejected', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'results.schema.json'), 'utf8'));
    const broken = structuredClone(written) as { submissions: Array<Record<string, unknown>> };
    delete broken.submissions[0].score;
    expect(new Ajv({ strict: false }).compile(schema)(broken)).toBe(false);
  });

  it('grades.csv has one row per submission', () => {
    const files = readdirSync(path.join(out, 'report')).sort();
    expect(files).toEqual(['grades.csv', 'results.json']);
    const rows = readFileSync(path.join(out, 'report', 'grades.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(rows.length).toBe(ids.length + 1);
  });

  it("lists exactly the grader's error codes, and refuses any other", () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'results.schema.json'), 'utf8'));
    expect(schema.definitions.errorCode.enum).toEqual([...ERROR_CODES]);
    const broken = structuredClone(written) as { submissions: Array<{ errors: Array<{ code: string }> }> };
    const withError = broken.submissions.find((s) => s.errors.length > 0)!;
    withError.errors[0].code = 'E_MADE_UP';
    expect(new Ajv({ strict: false }).compile(schema)(broken)).toBe(false);
  });

  it('marks the cases that never ran with a code of their own', () => {
    const results = written as { submissions: Array<{ id: string; tests: Array<{ notRun?: string }> }> };
    const syntax = results.submissions.find((s) => s.id === 'error-syntax')!;
    expect(syntax.tests.filter((t) => t.notRun === 'E_NOT_RUN').length).toBeGreaterThan(0);
  });
});
