/**
 * Gradescope: the results.json renderer, `grader gradescope run` on a folder
 * laid out as Gradescope lays it out, and the bundle's own run_autograder
 * script run against a fake /autograder tree.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderGradescope } from '../../../grader/07-render/gradescope-results.ts';
import { check } from '../../../grader/schema.ts';
import { fixture, REPO, runCli, tempDir } from './run-cli.ts';
import { HIDDEN_DETAIL, outcomeSubmission } from './every-outcome.ts';

describe('Gradescope results.json renderer', () => {
  const out = renderGradescope(outcomeSubmission());

  it('matches the schema, and the schema rejects what Gradescope would not read', () => {
    expect(check('gradescope-results', out)).toEqual([]);
    expect(check('gradescope-results', { ...out, tests: [{ ...out.tests[0], status: 'pass' }] })).not.toEqual([]);
    expect(check('gradescope-results', { ...out, visibility: 'students' })).not.toEqual([]);
  });

  it('scores required plus bonus points, in seconds of execution time', () => {
    expect(out.score).toBe(6);
    expect(out.execution_time).toBe(1.5);
    expect(out.stdout_visibility).toBe('hidden');
    expect(out.output_format).toBe('md');
  });

  it('maps each case: status, points, visibility, tags and a safe output with note and hints', () => {
    const fails = out.tests.find((t) => t.name === 'b = a | a')!;
    expect(fails).toMatchObject({
      status: 'failed',
      score: 0,
      max_score: 4,
      visibility: 'visible',
      tags: ['accumulate', 'overwrite-instead-of-accumulate'],
    });
    expect(fails.output).toContain('Likely cause: overwrite');
    expect(fails.output).toContain('Hint: Use += not =');
    const hidden = out.tests.find((t) => t.name === 'hidden-fails')!;
    expect(hidden.visibility).toBe('hidden');
    expect(JSON.stringify(out)).not.toContain(HIDDEN_DETAIL);
    expect(out.tests.find((t) => t.name === 'c = a + b')!.status).toBe('passed');
    expect(out.tests.find((t) => t.name.startsWith('hangs'))!.output).toMatch(/^Timed out: /);
    const skipped = out.tests.find((t) => t.name.startsWith('bonus-relu'))!;
    expect(skipped.name).toBe('bonus-relu (not attempted)');
    // Gradescope knows only passed and failed: optional work not started is given neither.
    expect(skipped.status).toBeUndefined();
    expect(skipped.tags).toContain('not-attempted');
  });

  it('keeps after_due_date for Gradescope to apply', () => {
    const s = outcomeSubmission({
      tests: [outcomeSubmission().tests[0]].map((t) => ({ ...t, visibility: 'after_due_date' as const })),
    });
    expect(renderGradescope(s).tests[0].visibility).toBe('after_due_date');
  });

  it("says why the final score differs from the grader's: late penalty and overrides, with comments", () => {
    const s = outcomeSubmission({ score: 7.2, maxScore: 10, bonus: 0, autoScore: 8 });
    s.late = { minutes: 90, days: 1, percent: 10, penaltyPoints: 0.8, due: '2026-11-20T23:59:00.000Z' };
    s.overrides = [{ line: 4, test: 'fails', points: 2, previousPoints: 0, comment: 'Accepted by hand' }];
    s.tests = s.tests.map((t) =>
      t.id === 'fails' ? { ...t, override: { previousPoints: 0, comment: 'Accepted by hand' } } : t,
    );
    const out = renderGradescope(s);
    expect(out.score).toBe(7.2);
    expect(out.output).toContain('The grader gave 8 / 10; your score differs because of:');
    expect(out.output).toMatch(
      /- late: 1\.5 hours after the due date 2026-11-20T23:59Z, 1 day charged, 10% off \(−0\.8\)/,
    );
    expect(out.output).toContain('- override of fails, 0 → 2 points (+2): Accepted by hand');
    const test = out.tests.find((t) => t.name === 'b = a | a')!;
    expect(test.output).toContain('Points set by your instructor (the grader gave 0): Accepted by hand');
  });

  it('puts the score and misconception hints in the top-level output', () => {
    expect(out.output).toContain('## Score: **4 / 24**');
    expect(out.output).toContain('`overwrite-instead-of-accumulate`');
  });
});

/** A temporary folder shaped like Gradescope's /autograder, with the student's files at the top of submission/. */
function fakeAutograder(files: string | undefined, metadata?: object): string {
  const root = tempDir('gradescope');
  mkdirSync(path.join(root, 'submission'));
  mkdirSync(path.join(root, 'results'));
  if (files) cpSync(files, path.join(root, 'submission'), { recursive: true });
  if (metadata) writeFileSync(path.join(root, 'submission_metadata.json'), JSON.stringify(metadata));
  return root;
}

describe('grader gradescope run', () => {
  it('grades the submission folder and writes a valid results.json', () => {
    const root = fakeAutograder(fixture('submissions', 'bug-overwrite-add', 'exercises'), {
      id: 99,
      users: [{ id: 7 }],
    });
    const results = path.join(root, 'results', 'results.json');
    const run = runCli([
      'gradescope',
      'run',
      '--submission',
      path.join(root, 'submission'),
      '--results',
      results,
      '--metadata',
      path.join(root, 'submission_metadata.json'),
    ]);
    expect(run.status).toBe(0);
    const written = JSON.parse(readFileSync(results, 'utf8'));
    expect(check('gradescope-results', written)).toEqual([]);
    expect(written.tests.find((t: { name: string }) => t.name === 'b = a + a').status).toBe('failed');
    expect(written.output).toContain('overwrite-instead-of-accumulate');
    // The random cases are drawn for the student named in the metadata, not for the folder "submission".
    expect(run.stdout).toMatch(/^gradescope-user-7: graded/);
  });

  it('turns an empty upload into a zero with the reason, not an autograder failure', () => {
    const root = fakeAutograder(undefined);
    const results = path.join(root, 'results', 'results.json');
    const run = runCli(['gradescope', 'run', '--submission', path.join(root, 'submission'), '--results', results]);
    expect(run.status).toBe(0);
    const written = JSON.parse(readFileSync(results, 'utf8'));
    expect(written.score).toBe(0);
    expect(written.output).toContain('engine.ts is missing');
    expect(written.output).toContain('could not be loaded, so the cases that need them did not run');
  });
});

function zipModes(file: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const modes = new Map<string, number>();
      zip.on('entry', (entry: yauzl.Entry) => {
        modes.set(entry.fileName, (entry.externalFileAttributes >>> 16) & 0o777);
        zip.readEntry();
      });
      zip.on('end', () => resolve(modes));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('grader gradescope bundle', () => {
  const work = tempDir('bundle');
  const out = path.join(work, 'autograder');
  let build: ReturnType<typeof runCli>;
  beforeAll(() => {
    build = runCli(['gradescope', 'bundle', '--out', out, '--config', fixture('integrations', 'fast-timeouts.json')]);
  });

  it('builds a folder with the scripts, the grader sources and the build, never node_modules, tests or dev tools', () => {
    expect(build.status).toBe(0);
    for (const file of [
      'setup.sh',
      'run_autograder',
      'package.json',
      'package-lock.json',
      'bin/grader.js',
      'grader/grade.ts',
      'tools/build.ts',
      'schemas/results.schema.json',
      'solutions/engine.ts',
      'grading.json',
    ]) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    for (const absent of ['node_modules', 'tests', 'fixtures', '.git', 'tools/update-fixtures.ts'])
      expect(existsSync(path.join(out, absent)), absent).toBe(false);
    expect(statSync(path.join(out, 'run_autograder')).mode & 0o111).not.toBe(0);
    expect(readFileSync(path.join(out, 'setup.sh'), 'utf8')).toContain('npm ci');
  });

  it('ships scripts that bash can parse', () => {
    for (const script of ['setup.sh', 'run_autograder']) {
      const parsed = spawnSync('bash', ['-n', path.join(out, script)], { encoding: 'utf8' });
      expect(parsed.stderr, script).toBe('');
      expect(parsed.status, script).toBe(0);
    }
  });

  it('zips the files at the root of the archive, with the scripts executable', async () => {
    const modes = await zipModes(`${out}.zip`);
    expect(modes.get('run_autograder')).toBe(0o755);
    expect(modes.get('setup.sh')).toBe(0o755);
    expect(modes.get('package.json')).toBe(0o644);
    expect([...modes.keys()].some((name) => name.startsWith('node_modules/') || name.startsWith('autograder/'))).toBe(
      false,
    );
  });

  it('refuses to overwrite a folder it did not build', () => {
    const other = path.join(work, 'precious');
    mkdirSync(other);
    writeFileSync(path.join(other, 'notes.txt'), 'keep me');
    const run = runCli(['gradescope', 'bundle', '--out', other, '--no-zip']);
    expect(run.status).toBe(2);
    expect(readFileSync(path.join(other, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('runs its own run_autograder against a fake Gradescope tree and writes valid results', () => {
    const root = fakeAutograder(fixture('submissions', 'bug-overwrite-add'), { id: 5, users: [{ id: 11 }] });
    const source = path.join(root, 'source');
    cpSync(out, source, { recursive: true });
    // setup.sh would run npm ci here; the repository's own node_modules stand in for it,
    // and the bundle's own build script for the prepare step that npm ci runs.
    symlinkSync(path.join(REPO, 'node_modules'), path.join(source, 'node_modules'), 'dir');
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'tools/build.ts'], {
      cwd: source,
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    const results = path.join(root, 'results', 'results.json');
    const run = spawnSync('bash', [path.join(source, 'run_autograder')], {
      cwd: root,
      env: {
        ...process.env,
        GRADELAB_SOURCE: source,
        GRADELAB_SUBMISSION: path.join(root, 'submission'),
        GRADELAB_RESULTS: results,
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = JSON.parse(readFileSync(results, 'utf8'));
    expect(check('gradescope-results', written)).toEqual([]);
    expect(written.score).toBeGreaterThan(0);
    expect(written.tests.some((t: { status: string }) => t.status === 'failed')).toBe(true);
    expect(run.stdout).toMatch(/^gradescope-user-11: graded/);
  });
});
