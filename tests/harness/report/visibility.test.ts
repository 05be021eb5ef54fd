/**
 * Student-facing pages follow visibility: a hidden case (or an
 * after_due_date case before the due date) shows that it failed, its points,
 * the student-safe message, the note and the hints, and nothing that names
 * its values: no detail, no node table, no drawing. The instructor's page of
 * the same submission shows all of them.
 */
import { describe, expect, it } from 'vitest';
import type { NodeReport } from '../../../grader/results/node-report.ts';
import { renderHtml } from '../../../grader/07-render/html/html-reporter.ts';
import { feedbackPath, submissionPath } from '../../../grader/results/page-names.ts';
import type { Results } from '../../../grader/results/types.ts';
import { byPath, decoded, failedGraphCase, results, submission, test } from './sample-results.ts';

const SECRET = 123.456789;
const SECRET_TEXT = '123.456789';

const secretNodes: NodeReport[] = [
  {
    id: 'w',
    op: 'leaf',
    args: [],
    student: { data: 0.5, grad: 7 },
    expected: { data: 0.5, grad: SECRET },
    ok: false,
    divergence: true,
  },
  {
    id: 'y',
    op: 'tanh',
    args: ['w'],
    student: { data: 0.4621171572600098, grad: 1 },
    expected: { data: 0.4621171572600098, grad: 1 },
    ok: true,
  },
];

function secretCase(visibility: 'hidden' | 'after_due_date') {
  return failedGraphCase({
    id: 'tanh-secret',
    name: 'tanh at w = 0.5 (secret)',
    exercise: 'tanh',
    visibility,
    message: '1 of 2 values or gradients differ from the reference.',
    detail: `w.grad is 7 but should be ${SECRET_TEXT}.`,
    note: 'Likely cause: tanh uses its input x in 1 - x² instead of its output t.',
    hints: ['The derivative of tanh(x) is 1 - tanh(x)², which is 1 - t² with the output t.'],
    nodes: secretNodes,
  });
}

function classWith(visibility: 'hidden' | 'after_due_date', dueDate?: string): Results {
  const s = submission({
    id: 'student-one',
    score: 4,
    maxScore: 8,
    output: `w is 0.5, expecting ${SECRET_TEXT}\n`,
    tests: [test(), secretCase(visibility)],
  });
  return results([s], dueDate ? { dueDate } : {});
}

async function pages(r: Results, audience: 'instructor' | 'student', now = new Date('2026-03-01T12:00:00Z')) {
  const files = new Map([...byPath(await renderHtml(r, { audience, now }))].map(([p, html]) => [p, decoded(html)]));
  return {
    files,
    instructor: files.get(submissionPath('student-one')),
    student: files.get(feedbackPath('student-one'))!,
  };
}

function expectConcealed(html: string) {
  expect(html).not.toContain(SECRET_TEXT);
  expect(html).not.toContain('class="node-table"');
  expect(html).not.toContain('<svg class="histogram"');
  expect(html).not.toMatch(/<figure class="graph">|<svg width/);
  expect(html).not.toContain('w.grad is 7');
  // Its name describes the graph, so a number stands in for it.
  expect(html).not.toContain('tanh at w = 0.5');
  expect(html).toContain('Hidden test 1');
  // What a student may see of it.
  expect(html).toContain('✗</span> Failed');
  expect(html).toContain('0 / 4 pts');
  expect(html).toContain('1 of 2 values or gradients differ from the reference.');
  expect(html).toContain('Likely cause: tanh uses its input x');
  expect(html).toContain('The derivative of tanh(x) is 1 - tanh(x)²');
}

describe('hidden cases on student pages', () => {
  it('with --audience student: only feedback pages, and the hidden values are absent', async () => {
    const { files, student } = await pages(classWith('hidden'), 'student');
    expect([...files.keys()]).toEqual([feedbackPath('student-one')]);
    expectConcealed(student);
    // Output is captured while hidden cases run, so it could print their inputs.
    expect(student).toContain('Console output is not shown');
  });

  it('the instructor run writes the same student page next to a full instructor page', async () => {
    const { files, instructor, student } = await pages(classWith('hidden'), 'instructor');
    expect(files.has('index.html')).toBe(true);
    expectConcealed(student);
    expect(instructor).toBeDefined();
    expect(instructor).toContain(SECRET_TEXT);
    expect(instructor).toContain('class="node-table"');
    expect(instructor).toMatch(/<figure class="graph">[\s\S]*<svg width/);
    expect(instructor).toContain('w.grad is 7 but should be 123.456789.');
    expect(instructor).toContain('tanh at w = 0.5 (secret)');
    expect(instructor).toContain('hidden from students');
  });

  it('after_due_date cases stay concealed before the due date, and with no due date at all', async () => {
    expectConcealed((await pages(classWith('after_due_date', '2026-03-02T00:00:00Z'), 'student')).student);
    expectConcealed((await pages(classWith('after_due_date'), 'student')).student);
  });

  it('after the due date, after_due_date cases show their values to students', async () => {
    const { student } = await pages(classWith('after_due_date', '2026-02-01T00:00:00Z'), 'student');
    expect(student).toContain(SECRET_TEXT);
    expect(student).toContain('class="node-table"');
    expect(student).toContain('tanh at w = 0.5 (secret)');
    expect(student).toContain('expecting 123.456789');
  });

  it('visible failed cases keep their node table and drawing on the student page', async () => {
    const r = results([submission({ id: 'student-one', tests: [failedGraphCase()] })]);
    const { student } = await pages(r, 'student');
    expect(student).toContain('class="node-table"');
    expect(student).toMatch(/<figure class="graph">[\s\S]*<svg width/);
    expect(student).toContain('b = a * a');
  });

  it('diagnoses on the student page name visible cases and only count hidden ones', async () => {
    const r = classWith('hidden');
    r.submissions[0].diagnoses = [
      {
        id: 'tanh-uses-input',
        title: 'tanh uses its input',
        hint: 'Use t.',
        rule: 'tanh',
        bonus: false,
        cases: ['tanh-secret', 'add-two-leaves'],
      },
    ];
    const { student, instructor } = await pages(r, 'instructor');
    const seenIn = (html: string) => /Seen in:([\s\S]*?)<\/p>/.exec(html)![1].replace(/\s+/g, ' ').trim();
    expect(seenIn(student)).toBe('<a href="#case-1">c = a + b</a> and 1 hidden test');
    expect(seenIn(instructor!)).toBe('<a href="#case-2">tanh at w = 0.5 (secret)</a> <a href="#case-1">c = a + b</a>');
    // The list of cases still to fix names a hidden one only by its number.
    expect(student).toContain(
      '<a class="failing-link st-fail" href="#case-2"><span aria-hidden="true">✗</span> Hidden test 1</a>',
    );
  });
});
