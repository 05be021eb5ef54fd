/**
 * The instructor's term as pure functions: the late penalty's arithmetic,
 * the order overrides and the penalty are applied in, the config rule, and
 * the CSV checks that name their line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lmsMarkedLate } from '../../../grader/01-discover/bulk.ts';
import { createKeyContext } from '../../../grader/cache/key.ts';
import { readConfig } from '../../../grader/config/load.ts';
import type { LatePolicy } from '../../../grader/config/types.ts';
import { isGraderError } from '../../../grader/errors.ts';
import { applyTerm } from '../../../grader/term/apply.ts';
import { applyTermToRun } from '../../../grader/term/apply-term-options.ts';
import { readGitDate } from '../../../grader/term/git-date.ts';
import { parseIdCsv, parseInstant } from '../../../grader/term/id-csv.ts';
import { extensionDates, lateness } from '../../../grader/term/late.ts';
import { parseOverrides, type Override } from '../../../grader/term/overrides.ts';
import { outcomeSubmission } from '../integrations/every-outcome.ts';

const DUE = '2026-11-20T23:59:00.000Z';
const at = (minutesAfterDue: number) => new Date(Date.parse(DUE) + minutesAfterDue * 60_000).toISOString();
const policy: LatePolicy = { graceMinutes: 15, penaltyPercentPerDay: 10, maxPenaltyPercent: 25 };

describe('late penalty', () => {
  it('is nothing on time, within the grace period, or with no known time', () => {
    expect(lateness(at(-60), DUE, policy, 80)).toBeNull();
    expect(lateness(at(0), DUE, policy, 80)).toBeNull();
    expect(lateness(at(10), DUE, policy, 80)).toEqual({ minutes: 10, days: 0, percent: 0, penaltyPoints: 0, due: DUE });
    expect(lateness(null, DUE, policy, 80)).toBeNull();
  });

  it('counts a begun day whole, after the grace period, and caps the total', () => {
    expect(lateness(at(16), DUE, policy, 80)).toMatchObject({ days: 1, percent: 10, penaltyPoints: 8 });
    expect(lateness(at(24 * 60 + 15), DUE, policy, 80)).toMatchObject({ days: 1, percent: 10 });
    expect(lateness(at(24 * 60 + 16), DUE, policy, 80)).toMatchObject({ days: 2, percent: 20, penaltyPoints: 16 });
    expect(lateness(at(10 * 24 * 60), DUE, policy, 80)).toMatchObject({ days: 10, percent: 25, penaltyPoints: 20 });
  });
});

describe('applying the term', () => {
  const graded = () => {
    const s = outcomeSubmission({ id: 'ann', score: 6, maxScore: 10, bonus: 0 });
    s.tests = [
      { ...s.tests[0], id: 'add-basic', kind: 'required', status: 'fail', points: 0, maxPoints: 4 },
      { ...s.tests[0], id: 'mul-basic', kind: 'required', status: 'pass', points: 6, maxPoints: 6 },
    ];
    return s;
  };
  const o = (test: string | null, points: number, line = 2): Override => ({
    line,
    id: 'ann',
    test,
    points,
    comment: `c${line}`,
  });
  const time = { submittedAt: at(2 * 24 * 60), submittedFrom: 'csv' as const };

  it('applies test overrides, then the penalty, then total adjustments, then the clamp', () => {
    // 0 → 4 on add-basic: 10; late 2 days of 10 %: −2 → 8; +5 → 13, clamped to 10.
    const { result } = applyTerm(graded(), {
      time,
      due: DUE,
      late: { ...policy, graceMinutes: 0 },
      overrides: [o(null, 5, 3), o('add-basic', 4, 2)],
    });
    expect(result).toMatchObject({ autoScore: 6, score: 10, late: { days: 2, percent: 20, penaltyPoints: 2 } });
    expect(result.overrides!.map((x) => x.line)).toEqual([2, 3]);
    expect(result.tests[0]).toMatchObject({ points: 4, override: { previousPoints: 0, comment: 'c2' } });
  });

  it('clamps at zero and leaves the graded result unchanged', () => {
    const s = graded();
    const { result } = applyTerm(s, { time, overrides: [o(null, -20)] });
    expect(result.score).toBe(0);
    expect(s.score).toBe(6);
    expect(s.tests[0].points).toBe(0);
  });
});

describe('the result cache and the term', () => {
  it('keys results without the late policy, so changing it re-grades nobody', () => {
    const base = readConfig({ dueDate: DUE }, 'g.json').value;
    const late = readConfig({ dueDate: DUE, late: { penaltyPercentPerDay: 50 } }, 'g.json').value;
    expect(createKeyContext(late).base).toBe(createKeyContext(base).base);
    const otherDue = readConfig({ dueDate: '2026-12-24T00:00:00Z' }, 'g.json').value;
    expect(createKeyContext(otherDue).base).not.toBe(createKeyContext(base).base);
  });
});

describe('term CSVs and config', () => {
  const ids = new Set(['ann', 'bo']);
  const errorsOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return isGraderError(error) ? [error.message, ...error.details] : [String(error)];
    }
    return [];
  };

  it('name the line of every unknown id, unknown test, bad number and duplicate', () => {
    const csv = parseIdCsv(
      'id,test,points,comment\nann,add-basic,4,ok\nanm,,1,\nbo,add-basc,1,\nbo,,x,\nann,add-basic,2,again\n',
      'ov.csv',
      ['id', 'test', 'points'],
      ['comment'],
    );
    expect(errorsOf(() => parseOverrides(csv, ids, new Set(['add-basic'])))).toEqual([
      'ov.csv has 4 problem(s)',
      "ov.csv:3: no submission has the id 'anm': did you mean 'ann'?",
      "ov.csv:4: no test has the id 'add-basc': did you mean 'add-basic'?",
      "ov.csv:5: points 'x' is not a number",
      "ov.csv:6: test 'add-basic' of 'ann' is already overridden on line 2",
    ]);
  });

  it('refuse a header with a missing or unknown column, and a time without a zone', () => {
    expect(errorsOf(() => parseIdCsv('id,when\n', 'ext.csv', ['id', 'due']))[0]).toBe(
      'ext.csv:1: the header row lacks due and has unknown column(s) when (expected: id,due)',
    );
    const ext = parseIdCsv('id,due\nann,2026-11-23 23:59\n', 'ext.csv', ['id', 'due']);
    expect(errorsOf(() => extensionDates(ext, ids))[1]).toMatch(
      /^ext\.csv:2: '2026-11-23 23:59' is not a date and time/,
    );
    expect(parseInstant('2026-11-23T23:59:00+01:00')).toBe(Date.parse('2026-11-23T22:59:00Z'));
  });

  it('a late policy without a dueDate is a config error at $.late', () => {
    const { errors } = readConfig({ late: { penaltyPercentPerDay: 10 } }, 'course/grading.json');
    expect(errors).toContainEqual(
      expect.stringMatching(/^course\/grading\.json: \$\.late: .*dueDate.*\[late-needs-due-date\]$/),
    );
    const ok = readConfig({ dueDate: DUE, late: { penaltyPercentPerDay: 10 } }, 'g.json');
    expect(ok.errors).toEqual([]);
    expect(ok.value.late).toEqual({ graceMinutes: 0, penaltyPercentPerDay: 10, maxPenaltyPercent: 100 });
  });
});

describe('where a submission time comes from', () => {
  const graded = (id: string) => outcomeSubmission({ id, score: 10, maxScore: 10, bonus: 0, tests: [] });
  const term = (times: Map<string, string>) => ({
    config: readConfig({ dueDate: DUE, late: { penaltyPercentPerDay: 10 } }, 'g.json').value,
    times,
    extensions: new Map<string, string>(),
    overrides: new Map(),
    warnings: [],
  });

  it("prefers the platform's CSV, and warns (naming Canvas's LATE mark) when nothing knows the time", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gradelab-term-'));
    try {
      const sources = [
        { id: 'listed', kind: 'folder' as const, path: dir },
        { id: 'canvas', kind: 'zip' as const, path: path.join(dir, 'x.zip'), lmsLate: true },
      ];
      const { results, warnings } = applyTermToRun(
        [graded('listed'), graded('canvas')],
        sources,
        term(new Map([['listed', at(30)]])),
      );
      expect(results[0]).toMatchObject({ submittedAt: at(30), submittedFrom: 'csv', late: { days: 1 }, score: 9 });
      expect(results[1]).toMatchObject({ submittedAt: null, submittedFrom: null, late: null, score: 10 });
      expect(warnings).toEqual([
        'canvas: no submission time is known (not in --submitted-at, not a git clone): Canvas marked it LATE; no late penalty applied',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a commit date only from a real .git folder, never from a .git file pointing elsewhere', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gradelab-term-'));
    try {
      expect(readGitDate(dir).date).toBeUndefined();
      writeFileSync(path.join(dir, '.git'), 'gitdir: /somewhere/else\n');
      expect(readGitDate(dir).date).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("recognises Canvas's LATE mark in a bulk download's file names", () => {
    expect(lmsMarkedLate('lovelaceada_LATE_10001_90001_hw.zip')).toBe(true);
    expect(lmsMarkedLate('lovelaceada_10001_90001_hw.zip')).toBe(false);
    expect(lmsMarkedLate('Ada Lovelace_10001_assignsubmission_file_')).toBe(false);
  });
});
