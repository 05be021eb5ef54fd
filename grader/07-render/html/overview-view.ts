/**
 * The class overview as plain data: every number, percentage, bar size and
 * CSS class the template prints is computed here, so the template only
 * loops and the numbers can be tested without rendering.
 */
import type { Results, SubmissionResult } from '../../results/types.ts';
import { MISCONCEPTION_BY_ID } from '../../05-diagnose/misconceptions.ts';
import {
  misconceptionTitle,
  percent,
  points,
  readableTime,
  submissionBadge,
  type StatusBadge,
} from '../view-format.ts';
import { inMemoryClass } from '../define-reporter.ts';
import type { ClassResults } from '../reporter.ts';
import { scorePercent } from '../../results/points.ts';
import { histogram, wholePercent, type Histogram } from './histogram.ts';
import { submissionPath } from '../../results/page-names.ts';

export interface CaseRate {
  id: string;
  name: string;
  passed: number;
  total: number;
  percent: number;
  barWidth: string;
  css: string;
  text: string;
  isBonus: boolean;
  isHidden: boolean;
}

export interface MisconceptionRate {
  id: string;
  title: string;
  count: number;
  percent: number;
  barWidth: string;
  sentence: string;
  isBonus: boolean;
}

export interface StudentRow {
  id: string;
  href: string;
  badge: StatusBadge;
  statusOrder: number;
  scoreText: string;
  percent: number;
  percentText: string;
  bonusText: string;
  bonus: number;
  misconceptions: Array<{ id: string; title: string; isBonus: boolean }>;
  /** Mistakes of the required work only: one seen only in bonus cases is listed, tagged, and not counted. */
  misconceptionCount: number;
  /** Why the score differs from the grader's own, shortly ("late −14.4 · adjusted +2"); empty when it does not. */
  adjustText: string;
}

export interface OverviewView {
  pageTitle: string;
  generatedAt: string;
  graderVersion: string;
  stats: Array<{ label: string; value: string; css: string }>;
  hasSubmissions: boolean;
  histogram: Histogram;
  cases: CaseRate[];
  misconceptions: MisconceptionRate[];
  hasMisconceptions: boolean;
  rows: StudentRow[];
  /** The run's warnings (e.g. no submission time under a late policy). */
  warnings: string[];
  hasWarnings: boolean;
  footer: string;
}

function rateCss(p: number): string {
  return p >= 80 ? 'rate-good' : p >= 50 ? 'rate-mid' : 'rate-low';
}

/** Pass rates per case, counted one submission at a time. */
class CaseTally {
  private readonly byId = new Map<
    string,
    { name: string; kind: string; visibility: string; passed: number; total: number }
  >();

  add(s: SubmissionResult): void {
    for (const t of s.tests) {
      const entry = this.byId.get(t.id) ?? {
        name: t.name,
        kind: t.kind,
        visibility: t.visibility,
        passed: 0,
        total: 0,
      };
      entry.total++;
      if (t.status === 'pass') entry.passed++;
      this.byId.set(t.id, entry);
    }
  }

  rates(): CaseRate[] {
    return [...this.byId].map(([id, e]) => {
      const p = percent(e.passed, e.total);
      return {
        id,
        name: e.name,
        passed: e.passed,
        total: e.total,
        percent: p,
        barWidth: `${p}%`,
        css: rateCss(p),
        text: `${p}% (${e.passed} of ${e.total})`,
        isBonus: e.kind === 'bonus',
        isHidden: e.visibility !== 'visible',
      };
    });
  }
}

/** Pass rate per case, in the order the cases are graded; a submission that could not load counts as not passing. */
export function caseRates(submissions: SubmissionResult[]): CaseRate[] {
  const tally = new CaseTally();
  for (const s of submissions) tally.add(s);
  return tally.rates();
}

/**
 * Whether a submission's mistake is bonus work's: a bonus rule's, or one its
 * diagnosis saw only in bonus cases (results.json's diagnoses[].bonus).
 */
export function isBonusMistake(s: SubmissionResult, id: string): boolean {
  return s.diagnoses.find((d) => d.id === id)?.bonus ?? MISCONCEPTION_BY_ID.get(id)?.bonus ?? false;
}

type Tally = Map<string, { id: string; bonus: boolean; count: number; title: string }>;

/** Counts one submission's mistakes: an id seen only in bonus cases is counted apart from the same id in required work. */
function tally(counts: Tally, s: SubmissionResult, titleFrom: SubmissionResult[]): void {
  for (const id of new Set(s.misconceptions)) {
    const bonus = isBonusMistake(s, id);
    const key = `${id}${bonus ? ' (bonus)' : ''}`;
    const seen = counts.get(key);
    counts.set(key, {
      id,
      bonus,
      count: (seen?.count ?? 0) + 1,
      title: seen?.title ?? misconceptionTitle(id, titleFrom),
    });
  }
}

/** How much of the class each mistake explains, most common first. */
export function misconceptionRates(submissions: SubmissionResult[]): MisconceptionRate[] {
  const counts: Tally = new Map();
  for (const s of submissions) tally(counts, s, submissions);
  return ratesOf(counts, submissions.length);
}

function ratesOf(counts: Tally, classSize: number): MisconceptionRate[] {
  return [...counts.values()]
    .sort((a, b) => Number(a.bonus) - Number(b.bonus) || b.count - a.count || a.id.localeCompare(b.id))
    .map(({ id, bonus, count, title }) => {
      const p = percent(count, classSize);
      return {
        id,
        title,
        count,
        percent: p,
        barWidth: `${p}%`,
        sentence: `${p}% of the class (${count} of ${classSize})`,
        isBonus: bonus,
      };
    });
}

const STATUS_ORDER: Record<string, number> = {
  'st-error': 0,
  'st-timeout': 1,
  'st-fail': 2,
  'st-partial': 3,
  'st-pass': 4,
};

/** The short form of score-reasons.ts for a table cell: what changed the score and by how much. */
function shortReasons(s: SubmissionResult): string {
  const parts: string[] = [];
  const signed = (x: number) => (x >= 0 ? `+${points(x)}` : `−${points(-x)}`);
  const tests = (s.overrides ?? []).filter((o) => o.test !== null);
  if (tests.length > 0)
    parts.push(`override ${signed(tests.reduce((sum, o) => sum + o.points - (o.previousPoints ?? 0), 0))}`);
  if (s.late && s.late.penaltyPoints > 0) parts.push(`late ${signed(-s.late.penaltyPoints)}`);
  const total = (s.overrides ?? []).filter((o) => o.test === null);
  if (total.length > 0) parts.push(`adjusted ${signed(total.reduce((sum, o) => sum + o.points, 0))}`);
  return parts.join(' · ');
}

export function studentRows(submissions: SubmissionResult[], hrefPrefix = ''): StudentRow[] {
  return submissions.map((s) => {
    const badge = submissionBadge(s.status, s.score, s.maxScore);
    const p = scorePercent(s.score, s.maxScore);
    return {
      id: s.id,
      href: hrefPrefix + submissionPath(s.id),
      badge,
      statusOrder: STATUS_ORDER[badge.css] ?? 5,
      scoreText: `${points(s.score)} / ${points(s.maxScore)}`,
      percent: p,
      percentText: `${p}%`,
      bonusText: s.maxBonus > 0 ? `${points(s.bonus)} / ${points(s.maxBonus)}` : '—',
      bonus: s.bonus,
      misconceptions: s.misconceptions.map((id) => ({
        id,
        title: misconceptionTitle(id, [s]),
        isBonus: isBonusMistake(s, id),
      })),
      misconceptionCount: s.misconceptions.filter((id) => !isBonusMistake(s, id)).length,
      adjustText: shortReasons(s),
    };
  });
}

export function buildOverview(results: Results): OverviewView {
  return overviewOf(inMemoryClass(results));
}

/**
 * The overview from one pass over the class's summaries: what it keeps per
 * submission is its row and its score, never its tests.
 */
export function overviewOf(run: ClassResults): OverviewView {
  const scores: Array<Pick<SubmissionResult, 'score' | 'maxScore'>> = [];
  const rows: StudentRow[] = [];
  const cases = new CaseTally();
  const mistakes: Tally = new Map();
  let errors = 0;
  let timeouts = 0;
  let full = 0;
  for (const s of run.summaries()) {
    scores.push({ score: s.score, maxScore: s.maxScore });
    rows.push(...studentRows([s]));
    cases.add(s);
    tally(mistakes, s, [s]);
    if (s.status === 'error') errors++;
    if (s.status === 'timeout') timeouts++;
    if (s.maxScore > 0 && s.score >= s.maxScore) full++;
  }
  const count = scores.length;
  const percents = scores.map(wholePercent).sort((a, b) => a - b);
  const mean = count ? Math.round(percents.reduce((a, b) => a + b, 0) / count) : 0;
  const middle = Math.floor(count / 2);
  const median =
    count === 0 ? 0 : count % 2 ? percents[middle] : Math.round((percents[middle - 1] + percents[middle]) / 2);
  const misconceptions = ratesOf(mistakes, count);
  return {
    pageTitle: 'Class overview',
    generatedAt: readableTime(run.generatedAt),
    graderVersion: `${run.grader.name} ${run.grader.version}`,
    stats: [
      { label: 'submissions', value: String(count), css: '' },
      { label: 'full marks', value: String(full), css: full > 0 ? 'stat-good' : '' },
      { label: 'mean score', value: `${mean}%`, css: '' },
      { label: 'median score', value: `${median}%`, css: '' },
      { label: 'could not load', value: String(errors), css: errors > 0 ? 'stat-bad' : '' },
      { label: 'timed out', value: String(timeouts), css: timeouts > 0 ? 'stat-bad' : '' },
    ],
    hasSubmissions: count > 0,
    histogram: histogram(scores),
    cases: cases.rates(),
    misconceptions,
    hasMisconceptions: misconceptions.length > 0,
    rows,
    warnings: run.warnings ?? [],
    hasWarnings: (run.warnings ?? []).length > 0,
    footer: `${run.grader.name} ${run.grader.version} · graded ${readableTime(run.generatedAt)}`,
  };
}
