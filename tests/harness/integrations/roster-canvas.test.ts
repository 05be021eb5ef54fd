/**
 * Rosters and LMS files: the CSV reader, roster checks, matching submissions
 * to students, the Canvas import file, and `grader grade --roster` end to end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canvasReporter, canvasRows } from '../../../grader/07-render/canvas-reporter.ts';
import { csvReporter, CSV_COLUMNS, TERM_COLUMNS } from '../../../grader/07-render/csv-reporter.ts';
import { isGraderError } from '../../../grader/errors.ts';
import { parseCsv } from '../../../grader/roster/csv.ts';
import { attachRoster, withLmsReporters } from '../../../grader/roster/apply-lms-options.ts';
import { matchRoster } from '../../../grader/roster/match.ts';
import { parseRoster } from '../../../grader/roster/roster.ts';
import { summarize } from '../../../grader/results/summary.ts';
import { check } from '../../../grader/schema.ts';
import { fixture, runCli, tempDir } from './run-cli.ts';
import { outcomeResults, outcomeSubmission } from './every-outcome.ts';

describe('CSV reader', () => {
  it('reads quotes, doubled quotes, embedded commas and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 5, fields: ['last', '', ''] },
    ]);
  });

  it('takes a semicolon separator when the header has no comma', () => {
    expect(parseCsv('folder;student_id;name\nann;1;Ann Lee\n')[1].fields).toEqual(['ann', '1', 'Ann Lee']);
  });

  it('reports an unclosed quote with the line it starts on', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/never closed/);
  });
});

describe('roster', () => {
  it('maps header names loosely and keeps the optional columns', () => {
    const roster = parseRoster(
      'Folder, Student ID ,Name,E-mail,Section,Canvas ID,extra\nann,S1,"Lee, Ann",ann@u.edu,A,501,x\nbo,S2,Bo,,,,\n',
      'r.csv',
    );
    expect(roster.students).toEqual([
      { folder: 'ann', studentId: 'S1', name: 'Lee, Ann', email: 'ann@u.edu', section: 'A', canvasId: '501' },
      { folder: 'bo', studentId: 'S2', name: 'Bo' },
    ]);
  });

  it('names every problem with its line: missing columns, duplicates, empty ids', () => {
    expect(() => parseRoster('folder,name\nann,Ann\n', 'r.csv')).toThrow(/lacks student_id/);
    try {
      parseRoster('folder,student_id,name\nann,S1,Ann\nann,S2,Ann again\nbo,,Bo\n,S4,Nobody\n', 'r.csv');
      expect.unreachable();
    } catch (error) {
      expect(isGraderError(error) && error.code).toBe('E_CONFIG');
      expect(isGraderError(error) && error.details).toEqual([
        "r.csv:3: folder 'ann' is already listed on line 2",
        "r.csv:4: the student_id of 'bo' is empty",
        'r.csv:5: the folder is empty',
      ]);
    }
  });

  it('matches exactly first, then ignoring case, and reports what is left on either side', () => {
    const roster = parseRoster('folder,student_id,name\nAnn,S1,Ann\nann,S2,Ann Two\nBo,S3,Bo\nCy,S4,Cy\n', 'r.csv');
    const report = matchRoster(roster, [{ id: 'ann' }, { id: 'bo' }, { id: 'zed' }]);
    expect(report.matched.map((m) => [m.submission, m.student.studentId])).toEqual([
      ['ann', 'S2'],
      ['bo', 'S3'],
    ]);
    expect(report.submissionsNotInRoster).toEqual(['zed']);
    expect(report.studentsWithoutSubmission.map((s) => s.studentId)).toEqual(['S1', 'S4']);
  });

  it('adds the canvas reporter when a roster or an assignment is named', () => {
    expect(withLmsReporters(['json', 'csv'], {})).toEqual(['json', 'csv']);
    expect(withLmsReporters(['json', 'csv'], { roster: 'r.csv' })).toEqual(['json', 'csv', 'canvas']);
    expect(withLmsReporters(['canvas'], { assignmentId: '9' })).toEqual(['canvas']);
  });
});

describe('grades.csv and canvas-grades.csv with a roster', () => {
  const roster = parseRoster(
    'folder,student_id,name,email,section\nalice,S1,"=Lee, Alice",alice@u.edu,A\nghost,S9,Ghost,,\n',
    'roster.csv',
  );
  const { results: withRoster } = attachRoster(
    outcomeResults([outcomeSubmission(), outcomeSubmission({ id: 'stranger' })]),
    roster,
  );
  const context = { audience: 'instructor' as const, now: new Date(), assignment: { name: 'Backprop', id: '1234' } };

  it('results with a roster still match the results schema', () => {
    // As results.json holds them: summaries, each naming its detail file.
    expect(check('results', { ...withRoster, submissions: withRoster.submissions.map(summarize) })).toEqual([]);
  });

  it('keeps the stable grades.csv columns and appends student_id and name only with a roster, then the term', async () => {
    const plain = (await csvReporter.render(outcomeResults(), context))[0].content.split('\n');
    expect(plain[0]).toBe([...CSV_COLUMNS, ...TERM_COLUMNS].join(','));
    const lines = (await csvReporter.render(withRoster, context))[0].content.split('\n');
    expect(lines[0]).toBe([...CSV_COLUMNS, 'student_id', 'name', ...TERM_COLUMNS].join(','));
    const term = TERM_COLUMNS.length;
    const rows = parseCsv(lines.join('\n')).map((r) => r.fields.slice(CSV_COLUMNS.length, -term));
    expect(rows.slice(1)).toEqual([
      ['S1', "'=Lee, Alice"],
      ['', ''],
    ]);
  });

  it("writes Canvas's import shape: identity columns, the assignment column and Points Possible", async () => {
    expect(canvasRows(withRoster, context.assignment)).toEqual([
      ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'Backprop (1234)'],
      ['Points Possible', '', '', '', '', 24],
      ['=Lee, Alice', '', 'S1', 'alice@u.edu', 'A', 6],
      ['stranger', '', '', '', '', 6],
    ]);
    const csv = (await canvasReporter.render(withRoster, context))[0];
    expect(csv.path).toBe('canvas-grades.csv');
    expect(csv.content.split('\n')[2]).toBe(`"'=Lee, Alice",,S1,alice@u.edu,A,6`);
  });
});

describe('grader grade --roster', () => {
  it('maps ids and names, warns about the unmatched, and writes the Canvas file', () => {
    const dir = tempDir('roster');
    const rosterFile = path.join(dir, 'roster.csv');
    writeFileSync(
      rosterFile,
      'folder,student_id,name,section\r\nbug-overwrite-add,S100,Ana Lima,Sec 1\r\nnobody-here,S200,No Submission,Sec 2\r\n',
    );
    const out = path.join(dir, 'out');
    const run = runCli([
      'grade',
      fixture('submissions', 'bug-overwrite-add'),
      fixture('integrations', 'syntax-error'),
      '--out',
      out,
      '--roster',
      rosterFile,
      '--assignment-name',
      'Backprop',
      '--assignment-id',
      '77',
      '--reporter',
      'json',
      'csv',
      '--no-cache',
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("warning: submission 'syntax-error' is not in the roster roster.csv");
    expect(run.stderr).toContain(
      "warning: No Submission (S200, folder 'nobody-here') is in the roster but has no submission",
    );
    const written = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(check('results', written)).toEqual([]);
    expect(written.roster.submissionsNotInRoster).toEqual(['syntax-error']);
    expect(written.roster.studentsWithoutSubmission.map((s: { folder: string }) => s.folder)).toEqual(['nobody-here']);
    expect(readFileSync(path.join(out, 'grades.csv'), 'utf8')).toMatch(/^bug-overwrite-add,graded,.*,S100,Ana Lima,/m);
    const canvas = readFileSync(path.join(out, 'canvas-grades.csv'), 'utf8').split('\n');
    expect(canvas[0]).toBe('Student,ID,SIS User ID,SIS Login ID,Section,Backprop (77)');
    expect(canvas[1]).toBe('Points Possible,,,,,100');
    expect(canvas[2]).toMatch(/^Ana Lima,,S100,,Sec 1,\d+(\.\d+)?$/);
  });

  it('stops before grading when the roster is malformed', () => {
    const dir = tempDir('roster-bad');
    const rosterFile = path.join(dir, 'roster.csv');
    writeFileSync(rosterFile, 'folder,name\nx,X\n');
    const run = runCli([
      'grade',
      fixture('submissions', 'bug-overwrite-add'),
      '--out',
      path.join(dir, 'out'),
      '--roster',
      rosterFile,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lacks student_id');
  });
});
