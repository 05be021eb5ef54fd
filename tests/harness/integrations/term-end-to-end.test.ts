/**
 * The instructor's term end to end, through the real CLI: three students who
 * are git clones (committed on time, 1.5 days late, late but with an
 * extension), a manual override that survives the cache, and `--only`
 * re-grading one changed submission without touching anyone else.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { feedbackPath, submissionPath } from '../../../grader/results/page-names.ts';
import { parseCsv } from '../../../grader/roster/csv.ts';
import type { Results, SubmissionResult } from '../../../grader/results/types.ts';
import { fixture, runCli, tempDir } from './run-cli.ts';

const DUE = Date.parse('2026-11-20T23:59:00Z');
const HOUR = 3_600_000;

/** A student's folder as a real git clone, committed (author and committer) at `at`. */
function gitStudent(root: string, id: string, from: string, at: number): string {
  const dir = path.join(root, 'class', id);
  cpSync(fixture('submissions', from), dir, { recursive: true });
  const date = new Date(at).toISOString();
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Student', '-c', 'user.email=s@example.edu', ...args], { cwd: dir, env });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'my work');
  return dir;
}

let root: string;
let out: string;
let args: string[];
const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');
const results = () => JSON.parse(read('results.json')) as Results;
const byId = (r: Results) => new Map(r.submissions.map((s) => [s.id, s]));

beforeAll(() => {
  root = tempDir('term');
  out = path.join(root, 'out');
  gitStudent(root, 'ontime', 'correct-micrograd-style', DUE - HOUR);
  gitStudent(root, 'late', 'bug-overwrite-add', DUE + 36 * HOUR);
  gitStudent(root, 'extended', 'correct-micrograd-style', DUE + 24 * HOUR);
  gitStudent(root, 'fixed', 'bug-overwrite-add', DUE - 2 * HOUR);
  writeFileSync(
    path.join(root, 'grading.json'),
    JSON.stringify({
      salt: 'term-test',
      dueDate: new Date(DUE).toISOString(),
      late: { penaltyPercentPerDay: 10, maxPenaltyPercent: 50 },
    }),
  );
  writeFileSync(path.join(root, 'ext.csv'), `id,due\nextended,${new Date(DUE + 72 * HOUR).toISOString()}\n`);
  args = [
    'grade',
    path.join(root, 'class'),
    '--out',
    out,
    '--config',
    path.join(root, 'grading.json'),
    '--extensions',
    path.join(root, 'ext.csv'),
    '--cache-dir',
    path.join(root, 'cache'),
  ];
  const run = runCli(args);
  expect(run.stderr).not.toMatch(/error/i);
  expect(run.status).toBe(0);
}, 240_000);

describe('deadlines: three git clones', () => {
  it('take submittedAt from the commit date, and score on time, late and extended as the policy says', () => {
    const s = byId(results());
    const ontime = s.get('ontime')!;
    expect(ontime).toMatchObject({ submittedAt: new Date(DUE - HOUR).toISOString(), submittedFrom: 'git', late: null });
    expect(ontime.score).toBe(ontime.maxScore);
    const late = s.get('late')!;
    // 36 hours late: a begun second day counts whole, 2 × 10 %.
    expect(late.late).toMatchObject({ minutes: 36 * 60, days: 2, percent: 20 });
    expect(late.autoScore).toBeGreaterThan(0);
    expect(late.score).toBeCloseTo(0.8 * late.autoScore!, 2);
    const extended = s.get('extended')!;
    expect(extended.late).toBeNull();
    expect(extended.score).toBe(extended.maxScore);
  });

  it('agree in results.json, grades.csv and the report', () => {
    const s = byId(results());
    const [header, ...rows] = parseCsv(read('grades.csv')).map((r) => r.fields);
    const col = (name: string) => header.indexOf(name);
    for (const row of rows) {
      const r = s.get(row[col('id')])!;
      expect(Number(row[col('score')])).toBe(r.score);
      expect(Number(row[col('auto_score')])).toBe(r.autoScore);
      expect(Number(row[col('late_penalty')])).toBe(r.late?.penaltyPoints ?? 0);
    }
    const lateRow = rows.find((row) => row[col('id')] === 'late')!;
    expect(lateRow[col('score_note')]).toMatch(/2 days charged, 20% off/);
    const overview = read('index.html');
    for (const r of s.values()) expect(overview).toContain(`<a href="${submissionPath(r.id)}">${r.id}</a>`);
    const late = s.get('late')!;
    expect(overview).toContain(`${late.score} / ${late.maxScore}`);
    expect(overview).toContain(`late −${late.late!.penaltyPoints}`);
    const feedback = read(feedbackPath('late'));
    expect(feedback).toContain(`${late.score} / ${late.maxScore}`);
    expect(feedback).toContain(`The grader gave <strong>${late.autoScore} / ${late.maxScore}</strong>`);
    expect(feedback).toMatch(/20% off \(−14\.4\)/);
    expect(read(feedbackPath('extended'))).not.toContain('How the score was set');
  });
});

describe('overrides', () => {
  let failed: SubmissionResult['tests'][number];
  let before: SubmissionResult;

  it('award a failed test its points, raising the score by exactly those points, with the comment shown', () => {
    before = byId(results()).get('fixed')!;
    failed = before.tests.find((t) => t.kind === 'required' && t.status !== 'pass' && t.points < t.maxPoints)!;
    expect(failed).toBeDefined();
    const csv = path.join(root, 'overrides.csv');
    writeFileSync(
      csv,
      `id,test,points,comment\nfixed,${failed.id},${failed.maxPoints},"Regraded by hand: your fix was right"\n`,
    );
    const run = runCli([...args, '--overrides', csv]);
    expect(run.status).toBe(0);
    // The cache answered for everyone: the override is applied after it.
    expect(run.stdout).toMatch(/cache: 4 hit\(s\), 0 miss\(es\)/);
    const after = byId(results()).get('fixed')!;
    expect(after.score).toBeCloseTo(before.score + failed.maxPoints - failed.points, 2);
    expect(after.autoScore).toBe(before.score);
    expect(after.overrides).toEqual([
      {
        line: 2,
        test: failed.id,
        points: failed.maxPoints,
        previousPoints: failed.points,
        comment: 'Regraded by hand: your fix was right',
      },
    ]);
    expect(read(feedbackPath('fixed'))).toContain('Regraded by hand: your fix was right');
    expect(read(submissionPath('fixed'))).toContain('Regraded by hand: your fix was right');
  }, 120_000);

  it('are errors naming the CSV line when an id or a test id is unknown', () => {
    const csv = path.join(root, 'bad-overrides.csv');
    writeFileSync(csv, `id,test,points,comment\nfixd,,1,typo\nfixed,no-such-test,1,x\n`);
    const run = runCli([...args, '--overrides', csv]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("bad-overrides.csv:2: no submission has the id 'fixd': did you mean 'fixed'?");
    expect(run.stderr).toContain("bad-overrides.csv:3: no test has the id 'no-such-test'");
  }, 60_000);
});

describe('grade --only', () => {
  it('re-grades one changed submission and leaves every other result byte-identical', () => {
    const csv = path.join(root, 'overrides.csv');
    const earlier = results();
    const pages = (id: string) => [read(submissionPath(id)), read(feedbackPath(id))];
    const othersBefore = new Map(
      earlier.submissions.filter((s) => s.id !== 'fixed').map((s) => [s.id, [JSON.stringify(s), ...pages(s.id)]]),
    );
    // The student fixes the bug: their engine is now the correct one.
    const engine = (from: string) => path.join(fixture('submissions', from), 'exercises', 'engine.ts');
    cpSync(engine('correct-micrograd-style'), path.join(root, 'class', 'fixed', 'exercises', 'engine.ts'));
    const run = runCli([...args, '--overrides', csv, '--only', 'fixed']);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/re-graded 1 submission\(s\)/);
    const now = results();
    for (const s of now.submissions.filter((x) => x.id !== 'fixed'))
      expect([JSON.stringify(s), ...pages(s.id)]).toEqual(othersBefore.get(s.id));
    const fixed = byId(now).get('fixed')!;
    expect(fixed.autoScore).toBe(fixed.maxScore);
    // Its override is still applied (the test now passes on its own, so it changes nothing).
    expect(fixed.overrides?.[0]?.comment).toBe('Regraded by hand: your fix was right');
    // Class aggregates follow: the overview and grades.csv show the new score.
    const [header, ...rows] = parseCsv(read('grades.csv')).map((r) => r.fields);
    const row = rows.find((r) => r[0] === 'fixed')!;
    expect(Number(row[header.indexOf('score')])).toBe(fixed.maxScore);
    expect(rows).toHaveLength(4);
  }, 120_000);

  it('refuses an id that names no submission, and a folder with no earlier run', () => {
    const typo = runCli([...args, '--only', 'fixd']);
    expect(typo.status).not.toBe(0);
    expect(typo.stderr).toMatch(/no submission has the id 'fixd' \(did you mean 'fixed'\?\)/);
    const fresh = runCli([...args.slice(0, 3), path.join(root, 'nowhere'), ...args.slice(4), '--only', 'fixed']);
    expect(fresh.status).not.toBe(0);
    expect(fresh.stderr).toMatch(/grade the whole class into .* first/);
  }, 60_000);
});
