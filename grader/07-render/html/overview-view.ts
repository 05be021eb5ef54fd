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
import { scorePercent } from '../../results/points.ts';
import { histogram, wholePercent, type Histogram } from './histogram.ts';
import { submissionPath } from './safe-names.ts';

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
  misconceptions: Array<{ id: string; title: string }>;
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

/** Pass rate per case, in the order the cases are graded; a submission that could not load counts as not passing. */
export function caseRates(submissions: SubmissionResult[]): CaseRate[] {
  const byId = new Map<string, { name: string; kind: string; visibility: string; passed: number; total: number }>();
  for (const s of submissions) {
    for (const t of s.tests) {
      const entry = byId.get(t.id) ?? { name: t.name, kind: t.kind, visibility: t.visibility, passed: 0, total: 0 };
      entry.total++;
      if (t.status === 'pass') entry.passed++;
      byId.set(t.id, entry);
    }
  }
  return [...byId].map(([id, e]) => {
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

/** How much of the class each mistake explains, most common first. */
export function misconceptionRates(submissions: SubmissionResult[]): MisconceptionRate[] {
  const counts = new Map<string, number>();
  for (const s of submissions) for (const id of new Set(s.misconceptions)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => {
      const p = percent(count, submissions.length);
      const title = misconceptionTitle(id, submissions);
      return {
        id,
        title,
        count,
        percent: p,
        barWidth: `${p}%`,
        sentence: `${p}% of the class (${count} of ${submissions.length})`,
        isBonus: MISCONCEPTION_BY_ID.get(id)?.bonus ?? false,
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
      misconceptions: s.misconceptions.map((id) => ({ id, title: misconceptionTitle(id, [s]) })),
      misconceptionCount: s.misconceptions.length,
      adjustText: shortReasons(s),
    };
  });
}

export function buildOverview(results: Results): OverviewView {
  const subs = results.submissions;
  const percents = subs.map(wholePercent).sort((a, b) => a - b);
  const mean = subs.length ? Math.round(percents.reduce((a, b) => a + b, 0) / subs.length) : 0;
  const middle = Math.floor(subs.length / 2);
  const median =
    subs.length === 0
      ? 0
      : subs.length % 2
        ? percents[middle]
        : Math.round((percents[middle - 1] + percents[middle]) / 2);
  const errors = subs.filter((s) => s.status === 'error').length;
  const timeouts = subs.filter((s) => s.status === 'timeout').length;
  const full = subs.filter((s) => s.maxScore > 0 && s.score >= s.maxScore).length;
  const misconceptions = misconceptionRates(subs);
  return {
    pageTitle: 'Class overview',
    generatedAt: readableTime(results.generatedAt),
    graderVersion: `${results.grader.name} ${results.grader.version}`,
    stats: [
      { label: 'submissions', value: String(subs.length), css: '' },
      { label: 'full marks', value: String(full), css: full > 0 ? 'stat-good' : '' },
      { label: 'mean score', value: `${mean}%`, css: '' },
      { label: 'median score', value: `${median}%`, css: '' },
      { label: 'could not load', value: String(errors), css: errors > 0 ? 'stat-bad' : '' },
      { label: 'timed out', value: String(timeouts), css: timeouts > 0 ? 'stat-bad' : '' },
    ],
    hasSubmissions: subs.length > 0,
    histogram: histogram(subs),
    cases: caseRates(subs),
    misconceptions,
    hasMisconceptions: misconceptions.length > 0,
    rows: studentRows(subs),
    warnings: results.warnings ?? [],
    hasWarnings: (results.warnings ?? []).length > 0,
    footer: `${results.grader.name} ${results.grader.version} · graded ${readableTime(results.generatedAt)}`,
  };
}
