/**
 * Bad arguments get a clear message, a suggestion where one is plausible,
 * exit status 2, and no output folder.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { closest, editDistance } from '../../../grader/suggest.ts';
import { fixture, runCli, tempDir } from '../integrations/run-cli.ts';

describe('closest', () => {
  test('finds a near miss and refuses a wild guess', () => {
    expect(editDistance('confg', 'config')).toBe(1);
    expect(closest('confg', ['config', 'concurrency', 'out'])).toBe('config');
    expect(closest('diamnd', ['diamond', 'mul-self'])).toBe('diamond');
    expect(closest('xyz', ['config', 'reporter'])).toBeUndefined();
  });
});

describe('the CLI', () => {
  test('an unknown option is named, with the option it probably meant', () => {
    const out = path.join(tempDir('usage'), 'out');
    const run = runCli(['grade', fixture('submissions', 'correct-micrograd-style'), '--out', out, '--confg', 'x.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error [E_USAGE]: Unknown argument: confg');
    expect(run.stderr).toContain('confg: did you mean --config?');
    expect(existsSync(out)).toBe(false);
  });

  test('an unknown reporter is refused before any grading, with the one it probably meant', () => {
    const out = path.join(tempDir('usage'), 'out');
    const run = runCli(['grade', fixture('submissions'), '--out', out, '--reporter', 'jsn']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown reporter 'jsn': did you mean 'json'?");
    expect(run.stdout).not.toContain('graded');
    expect(existsSync(out)).toBe(false);
  });

  test('a mistyped command is suggested by name', () => {
    const run = runCli(['grde']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Did you mean grade?');
  });

  test('a mistyped case id in the config is suggested by name, with the config path first', () => {
    const dir = tempDir('usage');
    const config = path.join(dir, 'grading.json');
    writeFileSync(config, JSON.stringify({ cases: { diamnd: { points: 3 } } }));
    const run = runCli([
      'grade',
      fixture('submissions', 'correct-micrograd-style'),
      '--out',
      path.join(dir, 'out'),
      '--config',
      config,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${config}: $.cases.diamnd: no case has the id 'diamnd': did you mean 'diamond'?`);
  });
});
