/**
 * The numbers the class overview prints, computed from hand-made results:
 * histogram buckets and bar heights, pass rates per case, and how much of
 * the class each misconception explains.
 */
import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketCounts, histogram } from '../../../grader/07-render/html/histogram.ts';
import {
  buildOverview,
  caseRates,
  misconceptionRates,
  studentRows,
} from '../../../grader/07-render/html/overview-view.ts';
import { buildSubmission } from '../../../grader/07-render/html/submission-view.ts';
import { nodeTable } from '../../../grader/07-render/html/node-table.ts';
import { results, submission, test, wrongNodes } from './sample-results.ts';

const scored = (id: string, score: number, maxScore = 100) => submission({ id, score, maxScore });

describe('score histogram', () => {
  it('puts each score in its band of ten, floors, and keeps full marks apart', () => {
    const subs = [
      scored('a', 0),
      scored('b', 9.9),
      scored('c', 10),
      scored('d', 89.9),
      scored('e', 99.5),
      scored('f', 100),
      scored('g', 100),
      scored('h', 3, 0),
    ];
    const counts = bucketCounts(subs);
    expect(BUCKETS.map((b) => b.label)).toEqual([
      '0–9',
      '10–19',
      '20–29',
      '30–39',
      '40–49',
      '50–59',
      '60–69',
      '70–79',
      '80–89',
      '90–99',
      '100',
    ]);
    // a, b and h (nothing to earn counts as 0 %) | c | d | e | f, g
    expect(counts).toEqual([3, 1, 0, 0, 0, 0, 0, 0, 1, 1, 2]);
  });

  it('scales bars to the fullest band, with a sliver for empty ones', () => {
    const h = histogram([scored('a', 100), scored('b', 100), scored('c', 100), scored('d', 100), scored('e', 55)]);
    const full = h.bars[10];
    const half = h.bars[5];
    expect(full.count).toBe(4);
    expect(half.count).toBe(1);
    expect(full.height).toBe(h.baseline - 28);
    expect(half.height).toBe(Math.round(full.height / 4));
    expect(full.y + full.height).toBe(h.baseline);
    expect(h.bars[0]).toMatchObject({ count: 0, height: 1, css: 'bar-empty' });
    expect(full.css).toBe('bar-full');
    expect(full.title).toBe('4 submissions scored 100 %');
    expect(half.title).toBe('1 submission scored 50–59 %');
  });
});

describe('pass rate per case', () => {
  it('counts passes over every submission that has the case, in grading order', () => {
    const subs = [
      submission({ id: 'a', tests: [test({ id: 'x' }), test({ id: 'y', status: 'fail' })] }),
      submission({ id: 'b', tests: [test({ id: 'x', status: 'error' }), test({ id: 'y' })] }),
      submission({
        id: 'c',
        tests: [test({ id: 'x' }), test({ id: 'y', status: 'fail', kind: 'bonus', visibility: 'hidden' })],
      }),
    ];
    const rates = caseRates(subs);
    expect(rates.map((r) => [r.id, r.passed, r.total, r.percent, r.barWidth, r.css])).toEqual([
      ['x', 2, 3, 67, '67%', 'rate-mid'],
      ['y', 1, 3, 33, '33%', 'rate-low'],
    ]);
    expect(rates[0].text).toBe('67% (2 of 3)');
  });
});

describe('misconception frequency', () => {
  it('says what share of the whole class each mistake explains, most common first, with its title', () => {
    const subs = [
      submission({ id: 'a', misconceptions: ['overwrite-instead-of-accumulate', 'tanh-uses-input'] }),
      submission({ id: 'b', misconceptions: ['overwrite-instead-of-accumulate'] }),
      submission({ id: 'c', misconceptions: ['overwrite-instead-of-accumulate'] }),
      ...['d', 'e', 'f', 'g', 'h'].map((id) => submission({ id })),
    ];
    const rates = misconceptionRates(subs);
    expect(rates.map((r) => [r.id, r.count, r.percent])).toEqual([
      ['overwrite-instead-of-accumulate', 3, 38],
      ['tanh-uses-input', 1, 13],
    ]);
    expect(rates[0].sentence).toBe('38% of the class (3 of 8)');
    expect(rates[0].title).toBe('Gradients are assigned (=) instead of accumulated (+=)');
  });

  it('counts a mistake seen only in bonus cases apart, tagged bonus, and never as required work', () => {
    const upstream = { id: 'missing-upstream-grad', title: 't', hint: 'h', rule: 'chain rule', cases: [] };
    const subs = [
      submission({ id: 'full-marks', misconceptions: [upstream.id], diagnoses: [{ ...upstream, bonus: true }] }),
      submission({ id: 'required', misconceptions: [upstream.id], diagnoses: [{ ...upstream, bonus: false }] }),
    ];
    expect(misconceptionRates(subs).map((r) => [r.id, r.count, r.isBonus])).toEqual([
      [upstream.id, 1, false],
      [upstream.id, 1, true],
    ]);
    const [full, required] = studentRows(subs);
    expect(full.misconceptionCount).toBe(0);
    expect(full.misconceptions).toEqual([expect.objectContaining({ id: upstream.id, isBonus: true })]);
    expect(required.misconceptionCount).toBe(1);
    const page = (s: (typeof subs)[number]) =>
      buildSubmission(results(subs), s, { audience: 'student', now: new Date() });
    expect(page(subs[0]).diagnosisHeading).toBe('What went wrong in the bonus work');
    expect(page(subs[1]).diagnosisHeading).toBe('What went wrong');
  });

  it('falls back to the title in the results for an id the catalogue does not know', () => {
    const s = submission({
      misconceptions: ['brand-new'],
      diagnoses: [{ id: 'brand-new', title: 'A new mistake', hint: 'h', rule: 'add', bonus: false, cases: [] }],
    });
    expect(misconceptionRates([s])[0]).toMatchObject({ title: 'A new mistake', percent: 100 });
  });
});

describe('rows and summaries', () => {
  it('gives each student a row with a safe link, badge words and sort keys', () => {
    const [row] = studentRows([
      submission({
        id: 'Ana Lima',
        score: 36,
        maxScore: 48,
        bonus: 2,
        maxBonus: 20,
        misconceptions: ['tanh-uses-input'],
      }),
    ]);
    expect(row.href).toMatch(/^submissions\/ana-lima-[0-9a-f]{8}\.html$/);
    expect(row).toMatchObject({
      scoreText: '36 / 48',
      percent: 75,
      percentText: '75%',
      bonusText: '2 / 20',
      bonus: 2,
      misconceptionCount: 1,
    });
    expect(row.badge).toMatchObject({ label: 'Partial', css: 'st-partial' });
    expect(row.misconceptions[0].title).toMatch(/tanh uses its input/);
  });

  it('counts errors, timeouts and full marks for the summary cards', () => {
    const view = buildOverview(
      results([
        scored('a', 100),
        submission({ id: 'b', status: 'error', score: 0 }),
        submission({ id: 'c', status: 'timeout', score: 0 }),
        scored('d', 50),
      ]),
    );
    const stat = (label: string) => view.stats.find((s) => s.label === label)?.value;
    expect([
      stat('submissions'),
      stat('full marks'),
      stat('could not load'),
      stat('timed out'),
      stat('mean score'),
      stat('median score'),
    ]).toEqual(['4', '1', '1', '1', '38%', '25%']);
    expect(view.rows.map((r) => r.badge.label)).toEqual(['Full marks', 'Could not load', 'Timed out', 'Partial']);
  });

  it('marks wrong cells and the first divergence in the node table', () => {
    const table = nodeTable(wrongNodes(), { rtol: 1e-6, atol: 1e-9 });
    expect(table.rows[0]).toMatchObject({
      id: 'a',
      opText: 'input',
      dataCss: '',
      gradCss: 'cell-wrong',
      gotGrad: '3',
      wantGrad: '6',
      rowCss: 'row-divergence',
    });
    expect(table.rows[1]).toMatchObject({ id: 'b', opText: 'mul(a, a)', rowCss: 'row-ok' });
    expect(table.summary).toBe('1 of 2 nodes differs; the first wrong gradient is at a.');
  });

  it('groups cases by exercise with point subtotals', () => {
    const s = submission({
      tests: [
        test({ id: 'p', points: 4 }),
        test({ id: 'q', status: 'fail', points: 1, maxPoints: 4 }),
        test({ id: 'r', exercise: 'mul', points: 2, maxPoints: 2 }),
      ],
    });
    const view = buildSubmission(results([s]), s, { audience: 'instructor', now: new Date() });
    expect(view.groups.map((g) => [g.title, g.pointsText, g.cases.length])).toEqual([
      ['add', '5 / 8 points', 2],
      ['mul', '2 / 2 points', 1],
    ]);
    expect(view.summary).toBe('2 of 3 tests passed.');
  });
});
