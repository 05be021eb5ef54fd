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
import type { SubmissionResult } from '../../../grader/results/types.ts';
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
    const results = written as {
      version: number;
      submissions: Array<{
        id: string;
        status: string;
        tests: Array<{ status: string; kind: string; points: number }>;
      }>;
    };
    expect(results.version).toBe(4);
    expect(results.submissions.map((s) => s.id).sort()).toEqual(ids);
    expect(new Set(results.submissions.map((s) => s.status))).toEqual(new Set(['graded', 'error', 'timeout']));
    const statuses = new Set(results.submissions.flatMap((s) => s.tests.map((t) => t.status)));
    expect(statuses).toEqual(new Set(['pass', 'fail', 'error', 'timeout', 'not-attempted']));
    // Optional work not started: a bonus case, earning nothing, and never written as a failure.
    const skipped = results.submissions.flatMap((s) => s.tests.filter((t) => t.status === 'not-attempted'));
    expect(skipped.every((t) => t.kind === 'bonus' && t.points === 0)).toBe(true);
  });

  it('the schema is not vacuous: a result missing its score is rejected', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'results.schema.json'), 'utf8'));
    const broken = structuredClone(written) as { submissions: Array<Record<string, unknown>> };
    delete broken.submissions[0].score;
    expect(new Ajv({ strict: false }).compile(schema)(broken)).toBe(false);
  });

  it('names, for each submission, a detail file that validates and holds the same result with its nodes', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(JSON.parse(readFileSync(path.join(REPO, 'schemas', 'results.schema.json'), 'utf8')));
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(REPO, 'schemas', 'submission-detail.schema.json'), 'utf8')),
    );
    const summaries = (written as { submissions: Array<SubmissionResult> }).submissions;
    let nodes = 0;
    for (const summary of summaries) {
      expect(summary.detail, summary.id).toMatch(/^details\/[a-z0-9-]+\.json$/);
      const detail = JSON.parse(readFileSync(path.join(out, 'report', summary.detail!), 'utf8'));
      expect(validate(detail), JSON.stringify(validate.errors)).toBe(true);
      const { detail: _pointer, ...rest } = summary;
      const { tests, ...full } = detail.submission as SubmissionResult;
      expect({ ...full, tests: tests.map(({ nodes: _n, ...t }) => t) }).toEqual(rest);
      for (const t of tests) nodes += t.nodes?.length ?? 0;
      for (const t of summary.tests) expect(t, `${summary.id} ${t.id}`).not.toHaveProperty('nodes');
    }
    // Buggy fixtures fail graph cases, so the per-node values must have gone somewhere.
    expect(nodes).toBeGreaterThan(0);
    expect(readdirSync(path.join(out, 'report', 'details'))).toHaveLength(ids.length);
  });

  it('the schema refuses per-node values inside results.json: they belong in the detail files', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'results.schema.json'), 'utf8'));
    const bloated = structuredClone(written) as { submissions: Array<{ tests: Array<Record<string, unknown>> }> };
    bloated.submissions[0].tests[0].nodes = [];
    expect(new Ajv({ strict: false }).compile(schema)(bloated)).toBe(false);
  });

  it('grades.csv has one row per submission', () => {
    const files = readdirSync(path.join(out, 'report')).sort();
    expect(files).toEqual(['details', 'grades.csv', 'results.json']);
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
