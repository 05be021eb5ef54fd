/**
 * Gradescope's results.json for one submission (the autograder
 * specification's format). Gradescope shows `output` and each test's
 * `output` to students according to each test's `visibility`, and decides
 * after_due_date itself, so a case's visibility maps straight across. Test
 * output is still only the student-safe message, the note and the hints: a
 * hidden test's details are never written here, whoever may read them.
 *
 * `score` is required plus bonus points, so extra credit reaches the
 * gradebook; set the assignment's autograder points to maxScore.
 */
import type { SubmissionResult, TestResult } from '../results/types.ts';
import { round2, scorePercent } from '../results/points.ts';
import { errorList, hintList, mdText, scoreLine, statusWord } from './ci/markdown.ts';
import { scoreReasons } from './score-reasons.ts';

export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeTest {
  name: string;
  name_format: 'text';
  number: string;
  score: number;
  max_score: number;
  /** Left out for optional work not attempted, which is neither. */
  status?: 'passed' | 'failed';
  output: string;
  output_format: 'text';
  visibility: GradescopeVisibility;
  tags: string[];
  execution_time: number;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'md';
  visibility: GradescopeVisibility;
  stdout_visibility: 'hidden';
  tests: GradescopeTest[];
}

export interface GradescopeOptions {
  /** Visibility of the whole result (Gradescope's top-level `visibility`). */
  visibility?: GradescopeVisibility;
}

function testOutput(t: TestResult): string {
  const lead =
    t.status === 'error' || t.status === 'timeout'
      ? `${statusWord(t)[0].toUpperCase()}${statusWord(t).slice(1)}: `
      : '';
  const parts = [`${lead}${t.message}`];
  if (t.note) parts.push(t.note);
  if (t.override)
    parts.push(
      `Points set by your instructor (the grader gave ${round2(t.override.previousPoints)})${t.override.comment ? `: ${t.override.comment}` : ''}`,
    );
  parts.push(...t.hints.map((h) => `Hint: ${h}`));
  return parts.join('\n\n');
}

function gradescopeTest(t: TestResult, index: number): GradescopeTest {
  return {
    name: t.notAttempted ? `${t.name} (not attempted)` : t.name,
    name_format: 'text',
    number: String(index + 1),
    score: t.points,
    max_score: t.maxPoints,
    // Gradescope knows only passed and failed; optional work not started is neither, so it gets no status.
    ...(t.status === 'not-attempted'
      ? {}
      : { status: t.status === 'pass' ? ('passed' as const) : ('failed' as const) }),
    output: testOutput(t),
    output_format: 'text',
    visibility: t.visibility,
    tags: [
      t.exercise,
      ...(t.kind === 'bonus' ? ['bonus'] : []),
      ...(t.status === 'not-attempted' ? ['not-attempted'] : []),
      ...t.misconceptions,
    ],
    execution_time: round2(t.durationMs / 1000),
  };
}

/** The Markdown shown above the tests: score, load problems and misconception hints. */
export function gradescopeOutput(s: SubmissionResult): string {
  const required = s.tests.filter((t) => t.kind === 'required');
  const lines = [`## Score: ${scoreLine(s)}`, ''];
  const reasons = scoreReasons(s);
  if (reasons.length > 0)
    lines.push(
      `The grader gave ${round2(s.autoScore ?? s.score)} / ${round2(s.maxScore)}; your score differs because of:`,
      '',
      ...reasons.map((r) => `- ${mdText(r.text)}`),
      '',
    );
  if (s.status === 'error')
    lines.push(
      'Some of your files could not be loaded, so the cases that need them did not run. Fix the problems below and submit again.',
      '',
      ...errorList(s),
      '',
    );
  if (s.status === 'timeout')
    lines.push('Grading stopped because your code ran out of time (an endless loop or very slow code).', '');
  if (s.diagnoses.length > 0) lines.push('### Likely misconceptions', '', ...hintList(s), '');
  if (required.length > 0) {
    const passed = required.filter((t) => t.status === 'pass').length;
    const hidden = s.tests.some((t) => t.visibility !== 'visible')
      ? ' Some cases are not shown to you yet, or at all; their points are counted.'
      : '';
    lines.push(
      `${passed} of ${required.length} required cases passed (${scorePercent(s.score, s.maxScore)}% of the points).${hidden}`,
    );
  }
  return lines.join('\n').trimEnd();
}

export function renderGradescope(s: SubmissionResult, options: GradescopeOptions = {}): GradescopeResults {
  return {
    score: round2(s.score + s.bonus),
    execution_time: round2(s.durationMs / 1000),
    output: gradescopeOutput(s),
    output_format: 'md',
    visibility: options.visibility ?? 'visible',
    stdout_visibility: 'hidden',
    tests: s.tests.map(gradescopeTest),
  };
}
