/**
 * The second hostile corpus (fixtures/hostile2) graded with the real CLI in
 * one class beside a clean submission, as GitHub Actions would run it, with
 * decoy secrets in the environment; then `grader ci` on the injection ones
 * and `grader gradescope run` on the forged timings. What must hold: nothing
 * runs outside the sandbox, nothing changes outside the output and the cache,
 * every class file is written, the clean result is the one it gets alone, no
 * decoy reaches any output, no student text starts a line or a command on
 * stdout, and the class output stays under the documented limit.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results, SubmissionResult } from '../../../grader/results/types.ts';
import { CAPS } from '../../../grader/text-caps.ts';
import { runCli, tempDir, type CliRun } from '../integrations/run-cli.ts';
import { REPO } from '../support/fixture-class.ts';
import { clearMarks, HOSTILE2, marksLeft } from '../support/hostile-clone.ts';
import { BULK, buildHostileClass, CLEAN_ID, HOSTILE_NAMES } from '../support/hostile2-class.ts';
import { changes, snapshot, type Snapshot } from '../support/tree-snapshot.ts';

/** docs/security.md: what one submission may add to a class's output, all files together. */
const PER_SUBMISSION_LIMIT = 2 * 1024 * 1024;

const DECOYS = {
  GITHUB_TOKEN: `ghs_decoy${randomUUID().replace(/-/g, '')}`,
  AWS_SECRET_ACCESS_KEY: `decoy-aws-${randomUUID()}`,
  GRADELAB_DEPLOY_KEY: `-----BEGIN OPENSSH PRIVATE KEY----- decoy-${randomUUID()}`,
};
const ACTIONS = { GITHUB_ACTIONS: 'true', CI: 'true', ...DECOYS };
const CONFIG = { timeouts: { caseMs: 2000, submissionMs: 20000 }, concurrency: 2 };

let temp: string;
let classDir: string;
let out: string;
let cache: string;
let ids: Record<string, string>;
let before: Snapshot;
let after: Snapshot;
const runs: Record<string, CliRun> = {};
let results: Map<string, SubmissionResult>;

const watched = () => [classDir, HOSTILE2, path.join(REPO, 'solutions'), path.join(REPO, 'grader')];
const jsonOf = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
const withoutTimings = (text: string) => text.replace(/"durationMs": ?[0-9.e+-]+,?/g, '');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

beforeAll(() => {
  clearMarks();
  temp = tempDir('hostile2');
  classDir = path.join(temp, 'class');
  out = path.join(temp, 'out');
  cache = path.join(temp, 'cache');
  ids = buildHostileClass(classDir);
  const config = path.join(temp, 'config.json');
  mkdirSync(path.join(temp, 'summaries'));
  writeFileSync(config, JSON.stringify(CONFIG));
  before = snapshot(watched());
  const grade = [
    'grade',
    classDir,
    '--out',
    out,
    '--cache-dir',
    cache,
    '--config',
    config,
    '--reporter',
    'json',
    'csv',
    'html',
    'junit',
    'canvas',
  ];
  runs.grade = runCli(grade, ACTIONS);
  runs.regrade = runCli(grade, ACTIONS);
  for (const name of ['workflow-commands-in-output', 'markdown-in-load-error', HOSTILE_NAMES.controlChars]) {
    const where = path.join(temp, 'ci', String(Object.keys(runs).length));
    runs[`ci ${name}`] = runCli(
      ['ci', path.join(classDir, name), '--out', where, '--junit', path.join(where, 'junit.xml'), '--config', config],
      { ...ACTIONS, GITHUB_STEP_SUMMARY: path.join(temp, 'summaries', `${Object.keys(runs).length}.md`) },
    );
  }
  runs.gradescope = runCli(
    [
      'gradescope',
      'run',
      '--submission',
      path.join(classDir, 'timing-patched-push'),
      '--results',
      path.join(temp, 'gs', 'results.json'),
      '--config',
      config,
    ],
    ACTIONS,
  );
  runs.solo = runCli(
    ['grade', path.join(classDir, CLEAN_ID), '--out', path.join(temp, 'solo'), '--no-cache', '--config', config],
    ACTIONS,
  );
  after = snapshot(watched());
  results = new Map(jsonOf<Results>(path.join(out, 'results.json')).submissions.map((s) => [s.id, s]));
}, 600_000);

afterAll(() => {
  clearMarks();
  rmSync(temp, { recursive: true, force: true });
});

describe('the second hostile corpus, graded as a class under GitHub Actions', () => {
  it('every run exits 0 and writes every class file, with a row for every submission', () => {
    for (const [name, run] of Object.entries(runs)) expect(run.status, `${name}: ${run.stderr}`).toBe(0);
    for (const file of ['results.json', 'grades.csv', 'index.html', 'junit.xml', 'canvas-grades.csv'])
      expect(existsSync(path.join(out, file)), file).toBe(true);
    expect([...results.keys()].sort()).toEqual(Object.keys(ids).sort());
    expect(existsSync(path.join(temp, 'gs', 'results.json'))).toBe(true);
  });

  it('runs nothing outside the sandbox and changes nothing outside --out and the cache', () => {
    expect(marksLeft()).toEqual([]);
    expect(before.size).toBeGreaterThan(100);
    expect(changes(before, after)).toEqual([]);
  });

  it('grades the clean submission exactly as it is graded alone', () => {
    const detail = (dir: string) => {
      const summary = jsonOf<Results>(path.join(dir, 'results.json')).submissions.find((s) => s.id === CLEAN_ID)!;
      return withoutTimings(readFileSync(path.join(dir, summary.detail!), 'utf8'));
    };
    expect(detail(out)).toBe(detail(path.join(temp, 'solo')));
    expect(results.get(CLEAN_ID)!.score).toBe(results.get(CLEAN_ID)!.maxScore);
  });

  it('lets no decoy secret reach any output', () => {
    const texts = [
      ...Object.values(runs).flatMap((r) => [r.stdout, r.stderr]),
      ...filesUnder(temp)
        .filter((f) => !f.startsWith(classDir))
        .map((f) => readFileSync(f, 'latin1')),
    ];
    for (const decoy of Object.values(DECOYS)) for (const text of texts) expect(text.includes(decoy)).toBe(false);
  });

  it('prints no raw control character, and no student text starts a line or a workflow command', () => {
    for (const [name, run] of Object.entries(runs)) {
      const text = `${run.stdout}${run.stderr}`;
      expect(text.replace(/\n/g, ''), name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      for (const line of text.split('\n')) {
        if (!/^\s*(::|##\[)/.test(line)) continue;
        // Only the grader's own annotations: error, warning or notice with file/title properties.
        expect(line, name).toMatch(/^::(error|warning|notice) (file|title)=[^:]*::/);
      }
      expect(text, name).not.toMatch(/^\s*::(add-mask|set-output|stop-commands)/m);
      expect(text, name).not.toMatch(/^::error file=exercises\/engine\.ts,line=1::forged/m);
    }
  });

  it('the job summary shows student text inline: no heading, list, quote, link or image of its own', () => {
    const summaries = readdirSync(path.join(temp, 'summaries')).map((f) =>
      readFileSync(path.join(temp, 'summaries', f), 'utf8'),
    );
    expect(summaries).toHaveLength(3);
    // Every line starts as the grader writes it; student text never starts one.
    const starts = /^($|## gradelab: |### |Score: \*\*|Status: |\| |- `E_[A-Z_]+` |- \*\*|<sub>)/;
    for (const md of summaries) {
      for (const line of md.split('\n')) expect(line).toMatch(starts);
      // Escaped (`\]\(`, `https\://`), so inert.
      expect(md).not.toMatch(/https?:\/\/|<img|(?<!\\)\]\(/);
    }
  });

  it('no cell of either CSV starts a formula, split at commas, semicolons or tabs', () => {
    for (const file of ['grades.csv', 'canvas-grades.csv']) {
      const text = readFileSync(path.join(out, file), 'utf8');
      expect(text).toContain(';');
      for (const cell of text.split(/[,;\t\r\n]/)) expect(cell.replace(/^[ "]+/, ''), file).not.toMatch(/^[=+\-@]/);
    }
  });

  it('a commit date outside the window, a FIFO as HEAD and a command-laden config give no time, with a warning', () => {
    for (const id of ['git-date-far-future', 'fifo-git-head', 'git-config-runs-commands']) {
      expect(results.get(id)!.submittedAt, id).toBeNull();
      expect(results.get(id)!.score, id).toBe(results.get(id)!.maxScore);
    }
    expect(runs.grade.stderr).toMatch(/git-date-far-future: the HEAD commit's date \(@9999999999999\) is outside/);
    expect(runs.grade.stderr).toMatch(/fifo-git-head: the git clone cannot be read \(HEAD: not a regular file/);
  });

  it('thrown names and messages are cut to their caps, and the class stays under the documented limit', () => {
    const huge = results.get('thrown-message-12mb')!;
    const thrown = huge.tests.filter((t) => t.message.includes('Your code threw'));
    expect(thrown.length).toBeGreaterThan(0);
    for (const t of huge.tests) expect(t.message.length).toBeLessThanOrEqual(CAPS.name + CAPS.message + 100);
    expect(thrown[0].message).toMatch(/more characters cut/);
    const total = filesUnder(out).reduce((sum, f) => sum + statSync(f).size, 0);
    expect(total).toBeLessThan(results.size * PER_SUBMISSION_LIMIT);
    const own = filesUnder(out).filter((f) => f.includes('thrown-message-12mb'));
    expect(own.reduce((sum, f) => sum + statSync(f).size, 0)).toBeLessThan(PER_SUBMISSION_LIMIT);
  });

  it('WebAssembly is not there to allocate memory the heap cap does not count', () => {
    const wasm = results.get('wasm-memory-grows')!;
    expect(wasm.score).toBeLessThan(wasm.maxScore);
    expect(wasm.tests.some((t) => t.message.includes('WebAssembly is not defined'))).toBe(true);
  });

  it("durations are the grader's own: finite, never negative, and within the run", () => {
    const forged = jsonOf<{ submission: SubmissionResult }>(
      path.join(out, results.get('timing-patched-push')!.detail!),
    ).submission;
    expect(forged.score).toBe(forged.maxScore);
    for (const t of forged.tests) {
      expect(Number.isFinite(t.durationMs)).toBe(true);
      expect(t.durationMs).toBeGreaterThanOrEqual(0);
      expect(t.durationMs).toBeLessThanOrEqual(CONFIG.timeouts.submissionMs);
    }
    for (const time of readFileSync(path.join(out, 'junit.xml'), 'utf8').matchAll(/time="([^"]*)"/g))
      expect(Number(time[1])).toBeLessThan(CONFIG.timeouts.submissionMs);
  });

  it("a thrown message in the sandbox's own words is a thrown error, not a timeout", () => {
    const r = results.get('throws-timeout-words')!;
    expect(r.status).toBe('error');
    expect(r.errors[0].message).toMatch(/threw an error while loading: Script execution timed out\./);
  });

  it('ids stay unique: a folder x, a zip x.zip and a folder x-2 are three rows and three pages', () => {
    const three = ['x', 'x-2', 'x-3'].map((id) => results.get(id)!);
    for (const r of three) expect(r.score).toBe(r.maxScore);
    expect(new Set(three.map((r) => r.detail)).size).toBe(3);
  });

  it('in a bulk download, only the student whose entry is bad is refused', () => {
    expect(results.get(BULK.good)!.score).toBe(results.get(BULK.good)!.maxScore);
    const bad = results.get(BULK.bad)!;
    expect(bad.errors.map((e) => e.code)).toEqual(['E_ZIP']);
    expect(bad.errors[0].message).toMatch(/backslash/);
  });

  it('a re-run from the cache writes the same class', () => {
    expect(runs.regrade.stdout).toMatch(/cache: \d+ hit\(s\)/);
    expect(runs.regrade.stdout).not.toMatch(/cache: 0 hit/);
  });
});
