/**
 * `grader ci` as a GitHub Actions job runs it: a real process with
 * GITHUB_ACTIONS, GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE set, checked on
 * what it prints, writes and exits with.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../../grader/schema.ts';
import { fixture, runCli, tempDir, type CliRun } from './run-cli.ts';

function githubEnv(dir: string): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_WORKSPACE: path.join(dir, 'workspace'),
  };
}

describe('grader ci on a submission with a known misconception', () => {
  let dir: string;
  let run: CliRun;
  beforeAll(() => {
    dir = tempDir('ci');
    writeFileSync(path.join(dir, 'summary.md'), '## an earlier step\n');
    run = runCli(
      [
        'ci',
        fixture('submissions', 'bug-overwrite-add'),
        '--out',
        path.join(dir, 'out'),
        '--junit',
        path.join(dir, 'junit.xml'),
      ],
      githubEnv(dir),
    );
  });

  it('exits 0 although the score is not full', () => {
    expect(run.stderr).not.toContain('error');
    expect(run.status).toBe(0);
  });

  it('writes a schema-valid results.json and grades.csv', () => {
    const results = JSON.parse(readFileSync(path.join(dir, 'out', 'results.json'), 'utf8'));
    expect(check('results', results)).toEqual([]);
    expect(results.submissions[0].misconceptions).toContain('overwrite-instead-of-accumulate');
    expect(readFileSync(path.join(dir, 'out', 'grades.csv'), 'utf8')).toMatch(/^id,status,score/);
  });

  it('appends the job summary after what earlier steps wrote, with hints and hidden details withheld', () => {
    const md = readFileSync(path.join(dir, 'summary.md'), 'utf8');
    expect(md.startsWith('## an earlier step\n## gradelab: bug-overwrite-add')).toBe(true);
    expect(md).toContain('`overwrite-instead-of-accumulate`');
    expect(md).toMatch(/\| ❌ failed \| b = a \+ a \| 0 \/ 6 \| a\.grad is 1 but should be 2\./);
    // The diamond case is hidden: its wrong value (x.grad is 1.5, should be 15) must not appear.
    expect(md).toMatch(
      /\| ❌ failed \| 🔒 a diamond: x feeds two paths that meet again \| 0 \/ 4 \| The first wrong gradient is at an input \(a leaf\), which is used more than once/,
    );
    expect(md).not.toContain('should be 15');
  });

  it('prints annotations on the student engine.ts, relative to the submission', () => {
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toContain(
      '::error file=exercises/engine.ts,title=b = a + a (failed%2C 0/6)::a.grad is 1 but should be 2.%0ALikely cause: Gradients are assigned (=) instead of accumulated (+=).',
    );
    expect(annotations.every((l) => /^::(error|warning|notice)( [^:]*)?::/.test(l))).toBe(true);
    expect(run.stdout).not.toContain('should be 15');
  });

  it('writes a valid JUnit file whose counts match the results', () => {
    const xml = readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const results = JSON.parse(readFileSync(path.join(dir, 'out', 'results.json'), 'utf8'));
    const tests = results.submissions[0].tests as Array<{ status: string }>;
    const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).testsuites.testsuite;
    expect(Number(suite.tests)).toBe(tests.length);
    expect(Number(suite.failures)).toBe(tests.filter((t) => t.status === 'fail').length);
    expect(Number(suite.failures)).toBeGreaterThan(0);
  });
});

describe('grader ci exit status', () => {
  it('exits 0 at or above --min-score and 1 below it, with a clear message', () => {
    const dir = tempDir('ci-gate');
    const pass = runCli([
      'ci',
      fixture('submissions', 'bug-overwrite-add'),
      '--out',
      path.join(dir, 'a'),
      '--min-score',
      '50',
    ]);
    expect(pass.status).toBe(0);
    const fail = runCli([
      'ci',
      fixture('submissions', 'bug-overwrite-add'),
      '--out',
      path.join(dir, 'b'),
      '--min-score',
      '95',
    ]);
    expect(fail.status).toBe(1);
    expect(fail.stderr).toMatch(/the score [\d.]+% is below --min-score 95%/);
    // The results are written all the same, for the job's artifacts.
    expect(existsSync(path.join(dir, 'b', 'results.json'))).toBe(true);
  });

  it('exits 2 when it cannot run: a missing path, a class folder, a bad threshold', () => {
    const dir = tempDir('ci-bad');
    const missing = runCli(['ci', path.join(dir, 'nope'), '--out', path.join(dir, 'o')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('E_NOT_FOUND');
    const many = runCli(['ci', fixture('submissions'), '--out', path.join(dir, 'o')]);
    expect(many.status).toBe(2);
    expect(many.stderr).toContain('use grader grade');
    const threshold = runCli([
      'ci',
      fixture('submissions', 'bug-overwrite-add'),
      '--min-score',
      '150',
      '--out',
      path.join(dir, 'o'),
    ]);
    expect(threshold.status).toBe(2);
    expect(threshold.stderr).toContain('--min-score must be a percent from 0 to 100');
  });
});

describe('grader ci on broken submissions', () => {
  it('annotates a syntax error at its line and column, relative to the repository root', () => {
    const dir = tempDir('ci-syntax');
    const env = githubEnv(dir);
    // The submission sits in a sub-folder of the checkout, as in a monorepo of exercises.
    const submission = path.join(env.GITHUB_WORKSPACE, 'hw1');
    cpSync(fixture('integrations', 'syntax-error'), submission, { recursive: true });
    const run = runCli(['ci', submission, '--out', path.join(dir, 'out')], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '::error file=hw1/exercises/engine.ts,line=12,col=44,title=gradelab%3A E_SUBMISSION_SYNTAX::Expected `,` or `)` but found `;` — return new Value(this.data + other.data;',
    );
    expect(run.stdout).toMatch(/::notice title=gradelab%3A \d+ cases? not run::/);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('### Problems loading your files');
  });

  it('prints no annotations outside GitHub Actions unless asked', () => {
    const dir = tempDir('ci-local');
    const run = runCli(['ci', fixture('integrations', 'syntax-error'), '--out', path.join(dir, 'out')]);
    expect(run.stdout).not.toContain('::error');
    expect(run.stdout).toMatch(/syntax-error: error, [\d.]+\/100/);
    expect(run.stdout).toContain(
      'E_SUBMISSION_SYNTAX: exercises/engine.ts:12:44: Expected `,` or `)` but found `;` — return new Value(this.data + other.data;',
    );
  });

  it('still exits 0 when the job summary cannot be written, with a warning', () => {
    const dir = tempDir('ci-summary');
    const run = runCli(['ci', fixture('integrations', 'syntax-error'), '--out', path.join(dir, 'out')], {
      GITHUB_STEP_SUMMARY: path.join(dir, 'missing', 'summary.md'),
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('warning: could not append the job summary');
    expect(existsSync(path.join(dir, 'out', 'results.json'))).toBe(true);
  });

  it('reports crashes and timeouts as JUnit errors, never passes, and exits 0', () => {
    const dir = tempDir('ci-crash');
    const junit = path.join(dir, 'junit.xml');
    const run = runCli([
      'ci',
      fixture('integrations', 'crash-and-hang'),
      '--config',
      fixture('integrations', 'fast-timeouts.json'),
      '--out',
      path.join(dir, 'out'),
      '--junit',
      junit,
    ]);
    expect(run.status).toBe(0);
    const xml = readFileSync(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).testsuites.testsuite;
    const cases = suite.testcase as Array<{ name: string; error?: { type: string } }>;
    const tanh = cases.find((c) => c.name.endsWith('[tanh-small]'))!;
    expect(tanh.error?.type).toBe('error');
    const relu = cases.find((c) => c.name.endsWith('[bonus-relu]'))!;
    expect(relu.error?.type).toBe('timeout');
    const results = JSON.parse(readFileSync(path.join(dir, 'out', 'results.json'), 'utf8'));
    const broken = results.submissions[0].tests.filter(
      (t: { status: string }) => t.status === 'error' || t.status === 'timeout',
    ).length;
    expect(Number(suite.errors)).toBe(broken);
  });
});
