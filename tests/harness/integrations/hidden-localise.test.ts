/**
 * Hidden cases localise without leaking. A failed hidden case tells the
 * student which operation made the first wrong node, and a thrown error its
 * name and the operation it came from; never the case's inputs, expected
 * values or the error's message, which the student's code can fill with
 * both. Checked on every student-facing output of a real run: the feedback
 * page, the CI job summary, the annotations and console report, and the
 * student JUnit. The instructor's results and page keep everything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesFor } from '../../../grader/cases/case-list.ts';
import { requireConfig } from '../../../grader/config/load.ts';
import type { SubmissionResult, TestResult } from '../../../grader/results/types.ts';
import { expectedNumbersOfHiddenCases } from '../support/hidden-numbers.ts';
import { fixture, runCli, tempDir } from './run-cli.ts';

const THROWS = fixture('integrations', 'hidden-throws-inputs');
const WRONG_MUL = fixture('submissions', 'bug-mul-uses-own-value');

/** Every file below `dir`, read as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

/** A submission's full result (every test with its detail), from an instructor's run. */
function fullResult(out: string): SubmissionResult {
  const summary = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')).submissions[0];
  return JSON.parse(readFileSync(path.join(out, summary.detail), 'utf8')).submission;
}

/** What students of one submission read: CI summary, stdout (annotations, report), JUnit, feedback pages. */
function studentOutputs(submission: string): string {
  const dir = tempDir('hidden-student');
  const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') };
  const junit = path.join(dir, 'junit.xml');
  const ci = runCli(['ci', submission, '--out', path.join(dir, 'ci'), '--junit', junit], env);
  expect(ci.status).toBe(0);
  const pages = path.join(dir, 'pages');
  const grade = runCli(['grade', submission, '--audience', 'student', '--out', pages]);
  expect(grade.status).toBe(0);
  return [ci.stdout, readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'), readFileSync(junit, 'utf8'), allText(pages)].join(
    '\n',
  );
}

const hidden = (result: SubmissionResult) => result.tests.filter((t: TestResult) => t.visibility !== 'visible');

describe('a hidden case that throws what it received', () => {
  let instructor: SubmissionResult;
  let instructorPage: string;
  let students: string;
  beforeAll(() => {
    const out = tempDir('hidden-instructor');
    expect(runCli(['grade', THROWS, '--out', out]).status).toBe(0);
    instructor = fullResult(out);
    instructorPage = allText(out);
    students = studentOutputs(THROWS);
  });

  it('keeps the message for the instructor', () => {
    const thrown = hidden(instructor).filter((t) => t.status === 'error');
    expect(thrown.length).toBeGreaterThan(5);
    for (const t of thrown) expect(t.detail).toMatch(/LEAKED (mul operands|tanh input) -?\d/);
    expect(instructorPage).toContain(thrown[0].detail.split(': ').pop());
  });

  it("shows students the error's name and the operation, never the message", () => {
    for (const t of hidden(instructor).filter((t) => t.status === 'error')) {
      expect(t.message).toMatch(/^Your code threw (Error in backward\(\)|RangeError in tanh\(\))/);
      const leaked = t.detail.slice(t.detail.indexOf('LEAKED'));
      expect(students, `${t.name}: ${leaked}`).not.toContain(leaked);
    }
    // Visible cases still show their message: only hidden ones are withheld.
    expect(students).toContain('LEAKED tanh input 0.3');
    expect(students).toContain('RangeError in tanh(). Its message is not shown, because this case is hidden.');
  });
});

describe('a hidden case with a wrong rule', () => {
  let instructor: SubmissionResult;
  let students: string;
  beforeAll(() => {
    const out = tempDir('hidden-wrong-mul');
    expect(runCli(['grade', WRONG_MUL, '--out', out]).status).toBe(0);
    instructor = fullResult(out);
    students = studentOutputs(WRONG_MUL);
  });

  it('names the operation whose backward rule sent the first wrong gradient', () => {
    const failed = hidden(instructor).filter((t) => t.status === 'fail' && t.kind === 'required');
    expect(failed.length).toBeGreaterThan(3);
    for (const t of failed) {
      expect(t.message).toMatch(/^The first wrong gradient is at (a node made by \w+|an input \(a leaf\)), /);
      expect(t.message).toMatch(/mul's backward rule|backward rules? of [a-z ]*mul/);
      expect(students).toContain(t.message);
    }
  });

  it('gives no node name, input or expected value of a hidden case', () => {
    const config = requireConfig(undefined).value;
    const secrets = expectedNumbersOfHiddenCases(casesFor('bug-mul-uses-own-value', config));
    expect(secrets.length).toBeGreaterThan(10);
    for (const n of secrets) expect(students, String(n)).not.toContain(String(n));
    for (const t of hidden(instructor).filter((t) => t.status === 'fail')) {
      // The instructor's detail names the node and both numbers ("x.grad is 3 but should be 15"): none of it reaches students.
      expect(t.detail).toMatch(/\.grad is .* but should be /);
      expect(students).not.toContain(t.detail);
      expect(t.message).not.toMatch(/should be|\d/);
    }
  });
});
