/**
 * The second assignment through the real CLI, as an instructor runs it:
 * `grade --assignment nn`, `ci --assignment nn`, and a Gradescope bundle for
 * it. Without --assignment the first assignment is graded, as always.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../../grader/schema.ts';
import { fixture, runCli, tempDir } from '../integrations/run-cli.ts';

describe('grader grade --assignment nn', () => {
  it('grades the network, names the mistake, and draws the loss per step in the report', () => {
    const out = tempDir('nn-grade');
    const run = runCli([
      'grade',
      fixture('nn', 'forgot-zero-grad'),
      fixture('nn', 'correct-commonjs'),
      '--assignment',
      'nn',
      '--out',
      out,
      '--no-cache',
    ]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(check('results', results)).toEqual([]);
    expect(results.assignment).toBe('nn');
    const byId = Object.fromEntries(results.submissions.map((s: { id: string }) => [s.id, s]));
    expect(byId['correct-commonjs']).toMatchObject({ score: 100, maxScore: 100, misconceptions: [] });
    expect(byId['forgot-zero-grad'].misconceptions).toEqual(['forgot-zero-grad']);
    expect(readFileSync(path.join(out, 'grades.csv'), 'utf8')).toMatch(
      /forgot-zero-grad,graded,[\d.]+,100,.*forgot-zero-grad/,
    );
    const page = readdirSync(path.join(out, 'submissions')).find((f) => f.startsWith('forgot-zero-grad'))!;
    const html = readFileSync(path.join(out, 'submissions', page), 'utf8');
    expect(html).toMatch(/<figure class="loss-chart">[\s\S]*<svg [^>]*>[\s\S]*<polyline points="[\d., ]+"/);
    expect(html).toContain('The runs part at step 2, first at parameter');
  });

  it('refuses an assignment course.json does not have, naming the ones it has', () => {
    const run = runCli(['grade', fixture('nn', 'forgot-zero-grad'), '--assignment', 'mlp', '--out', tempDir('nn-bad')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("no assignment 'mlp' in course.json (it has: engine, nn)");
  });
});

describe('grader ci and the Gradescope bundle understand assignments', () => {
  it('ci --assignment nn grades one submission of the second assignment', () => {
    const out = tempDir('nn-ci');
    const run = runCli([
      'ci',
      fixture('nn', 'step-wrong-sign'),
      '--assignment',
      'nn',
      '--out',
      out,
      '--no-annotations',
    ]);
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(results.submissions[0].misconceptions).toEqual(['step-wrong-sign']);
  });

  it('gradescope bundle --assignment nn ships a run_autograder that grades nn', () => {
    const out = tempDir('nn-gs');
    const run = runCli(['gradescope', 'bundle', '--assignment', 'nn', '--out', out, '--no-zip']);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(out, 'run_autograder'))).toBe(true);
    expect(readFileSync(path.join(out, 'run_autograder'), 'utf8')).toContain('args+=(--assignment nn)');
    const plain = tempDir('nn-gs-plain');
    runCli(['gradescope', 'bundle', '--out', plain, '--no-zip']);
    expect(readFileSync(path.join(plain, 'run_autograder'), 'utf8')).not.toContain('--assignment');
  });
});
