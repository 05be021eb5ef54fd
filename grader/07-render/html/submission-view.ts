/**
 * One submission as plain data for its page: the instructor's page shows
 * every case in full; the student's feedback page follows visibility (see
 * ./visibility.ts). Every string is final, and only what the audience may
 * see is put into the view at all, so a template cannot leak what it is
 * never given.
 */
import type { ResultsHeader, SubmissionResult, TestResult } from '../../results/types.ts';
import type { RenderContext } from '../reporter.ts';
import { caseView, type CaseView, type Drawings } from './case-view.ts';
import { formatLocation } from '../../errors.ts';
import {
  misconceptionTitle,
  percent,
  plural,
  points,
  readableTime,
  submissionBadge,
  type StatusBadge,
} from '../view-format.ts';
import { feedbackPath } from '../../results/page-names.ts';
import { concealedFromStudents, concealsDetails } from '../visibility.ts';
import { lateDuration, scoreReasons } from '../score-reasons.ts';

export type { CaseView, Drawings };

export interface ExerciseGroup {
  title: string;
  pointsText: string;
  cases: CaseView[];
}

export interface SubmissionView {
  isInstructor: boolean;
  pageTitle: string;
  id: string;
  badge: StatusBadge;
  scoreText: string;
  percentText: string;
  barWidth: string;
  bonusText: string;
  hasBonus: boolean;
  summary: string;
  overviewHref: string;
  feedbackHref: string;
  errors: Array<{ code: string; message: string; location: string; hasLocation: boolean }>;
  hasErrors: boolean;
  diagnosisHeading: string;
  diagnoses: Array<{
    title: string;
    hint: string;
    id: string;
    isBonus: boolean;
    cases: CaseLink[];
    hiddenText: string;
    hasCases: boolean;
  }>;
  hasDiagnoses: boolean;
  groups: ExerciseGroup[];
  /** Links to every case that did not pass, for a page that is long. */
  failing: CaseLink[];
  hasFailing: boolean;
  output: { show: boolean; text: string; empty: boolean; truncated: boolean; withheld: string };
  concealedCount: number;
  hasConcealed: boolean;
  concealedText: string;
  /** When it was handed in, and why the score differs from the grader's own (late penalty, overrides). */
  term: TermView;
  footer: string;
}

export interface TermView {
  submittedText: string;
  hasSubmitted: boolean;
  autoScoreText: string;
  reasons: string[];
  hasReasons: boolean;
}

export interface CaseLink {
  name: string;
  href: string;
  icon: string;
  css: string;
}

const EXERCISE_TITLES: Record<string, string> = {
  manual: 'Gradients by hand',
  add: 'add',
  mul: 'mul',
  tanh: 'tanh',
  accumulate: 'Accumulating gradients',
  'bonus-ops': 'Bonus operations',
};

function groups(
  s: SubmissionResult,
  results: ResultsHeader,
  context: RenderContext,
  drawings: Drawings,
): ExerciseGroup[] {
  const byExerciseTests = new Map<string, Array<{ test: TestResult; index: number }>>();
  s.tests.forEach((test, index) =>
    byExerciseTests.set(test.exercise, [...(byExerciseTests.get(test.exercise) ?? []), { test, index }]),
  );
  // Hidden tests are numbered in the order the page lists them (grouped by exercise).
  let hidden = 0;
  return [...byExerciseTests].map(([exercise, entries]) => {
    const cases = entries.map(({ test, index }) => {
      if (concealsDetails(test, results, context)) hidden++;
      return caseView(test, index, results, context, drawings, hidden);
    });
    const got = entries.reduce((sum, e) => sum + e.test.points, 0);
    const max = entries.reduce((sum, e) => sum + e.test.maxPoints, 0);
    return {
      title: EXERCISE_TITLES[exercise] ?? exercise,
      pointsText: `${points(got)} / ${points(max)} points`,
      cases,
    };
  });
}

function diagnoses(
  s: SubmissionResult,
  results: ResultsHeader,
  context: RenderContext,
  links: Map<string, CaseLink>,
): SubmissionView['diagnoses'] {
  // The required work's mistakes first; those seen only in bonus work after them, tagged.
  const ordered = [...s.diagnoses].sort((a, b) => Number(a.bonus) - Number(b.bonus));
  return ordered.map((d) => {
    const tests = d.cases.map((id) => s.tests.find((t) => t.id === id)).filter((t): t is TestResult => !!t);
    const shown = tests.filter((t) => !concealsDetails(t, results, context));
    const hidden = tests.length - shown.length;
    return {
      title: d.title || misconceptionTitle(d.id),
      hint: d.hint,
      id: d.id,
      isBonus: d.bonus,
      cases: shown.map((t) => links.get(t.id)!),
      hiddenText: hidden > 0 ? `${shown.length > 0 ? 'and ' : ''}${plural(hidden, 'hidden test')}` : '',
      hasCases: tests.length > 0,
    };
  });
}

/**
 * Console output is captured for the whole run, hidden cases included, so a
 * student could print a hidden case's inputs from a backward rule: the
 * feedback page leaves it out whenever any case is concealed.
 */
function output(s: SubmissionResult, results: ResultsHeader, context: RenderContext): SubmissionView['output'] {
  const withheld =
    context.audience === 'student' && s.tests.some((t) => concealedFromStudents(t, results, context.now));
  return {
    show: !withheld,
    text: withheld ? '' : s.output,
    empty: !withheld && s.output.length === 0,
    truncated: !withheld && s.outputTruncated,
    withheld: withheld
      ? 'Console output is not shown, because it was printed while hidden tests ran. Run the public tests yourself to see it.'
      : '',
  };
}

const SUBMITTED_FROM: Record<string, string> = {
  csv: 'as recorded by the course platform',
  git: "the last commit's date, as the student's computer recorded it",
};

function termView(s: SubmissionResult): TermView {
  const reasons = scoreReasons(s).map((r) => r.text);
  const submitted = s.submittedAt
    ? `Handed in ${readableTime(s.submittedAt)} (${SUBMITTED_FROM[s.submittedFrom ?? ''] ?? 'source unknown'})${s.late ? `, ${lateDuration(s.late.minutes)} after the due date ${readableTime(s.late.due)}` : ''}.`
    : '';
  return {
    submittedText: submitted,
    hasSubmitted: submitted !== '',
    autoScoreText: `${points(s.autoScore ?? s.score)} / ${points(s.maxScore)}`,
    reasons,
    hasReasons: reasons.length > 0,
  };
}

export function buildSubmission(
  results: ResultsHeader,
  s: SubmissionResult,
  context: RenderContext,
  drawings: Drawings = new Map(),
): SubmissionView {
  const instructor = context.audience === 'instructor';
  const passed = s.tests.filter((t) => t.status === 'pass').length;
  const concealedCount = s.tests.filter((t) => concealsDetails(t, results, context)).length;
  const p = percent(s.score, s.maxScore);
  const exerciseGroups = groups(s, results, context, drawings);
  const cases = exerciseGroups.flatMap((g) => g.cases);
  const links = new Map<string, CaseLink>(
    cases.map((c) => [c.testId, { name: c.name, href: `#${c.anchor}`, icon: c.badge.icon, css: c.badge.css }]),
  );
  // Optional bonus work not attempted is not something to fix.
  const failing = cases.filter((c) => !c.passed && c.badge.css !== 'st-skipped').map((c) => links.get(c.testId)!);
  return {
    isInstructor: instructor,
    pageTitle: instructor ? `${s.id}: grading report` : `Feedback for ${s.id}`,
    id: s.id,
    badge: submissionBadge(s.status, s.score, s.maxScore),
    scoreText: `${points(s.score)} / ${points(s.maxScore)}`,
    percentText: `${p}%`,
    barWidth: `${p}%`,
    bonusText: `${points(s.bonus)} / ${points(s.maxBonus)}`,
    hasBonus: s.maxBonus > 0,
    summary: s.tests.length > 0 ? `${passed} of ${plural(s.tests.length, 'test')} passed.` : 'No tests ran.',
    overviewHref: '../index.html',
    // Both pages live one folder down, so a sibling folder is one step up.
    feedbackHref: `../${feedbackPath(s.id)}`,
    errors: s.errors.map((e) => ({
      code: e.code,
      message: e.message,
      location: formatLocation(e),
      hasLocation: !!e.file,
    })),
    hasErrors: s.errors.length > 0,
    diagnoses: diagnoses(s, results, context, links),
    hasDiagnoses: s.diagnoses.length > 0,
    // A full-marks student with a buggy bonus op reads nothing about required work going wrong.
    diagnosisHeading: s.diagnoses.every((d) => d.bonus) ? 'What went wrong in the bonus work' : 'What went wrong',
    groups: exerciseGroups,
    failing,
    hasFailing: failing.length > 0,
    output: output(s, results, context),
    concealedCount,
    hasConcealed: concealedCount > 0,
    concealedText: `${plural(concealedCount, 'test')} ${concealedCount === 1 ? 'is' : 'are'} hidden: you see whether ${concealedCount === 1 ? 'it' : 'they'} passed and a hint, but not ${concealedCount === 1 ? 'its' : 'their'} inputs, so that ${concealedCount === 1 ? 'it checks' : 'they check'} your rules on graphs you have not seen.`,
    term: termView(s),
    footer: `${results.grader.name} ${results.grader.version} · graded ${readableTime(results.generatedAt)}`,
  };
}
