/**
 * Markdown pieces shared by the CI job summary and Gradescope's output.
 * Case names, messages and error text can hold characters that Markdown or
 * the HTML it allows would read as markup (a student's syntax error quotes
 * their own code), so every piece of text from a result goes through
 * `mdText` or `mdCell` before it reaches a Markdown document.
 */
import { locatedMessage } from '../../errors.ts';
import { scorePercent } from '../../results/points.ts';
import type { SubmissionResult, TestResult } from '../../results/types.ts';

/**
 * Inline text, whatever it holds: HTML and the Markdown characters that start
 * emphasis, links, code or headings escaped; line breaks become spaces (a
 * line of its own could start a heading, a list or a quote, or underline the
 * line before into a heading); and no bare URL, `www.` or address becomes a
 * link (GitHub links those without brackets). Control characters, which a
 * page cannot show, become U+FFFD.
 */
export function mdText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** One table cell: its lines kept apart with `<br>`, which ends no table row. */
export function mdCell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(mdText)
    .join('<br>');
}

const ICONS: Record<TestResult['status'], string> = {
  pass: '✅',
  fail: '❌',
  error: '💥',
  timeout: '⏱️',
  // A bonus case nobody attempted is neither pass nor fail.
  'not-attempted': '➖',
};

export function statusIcon(test: TestResult): string {
  return ICONS[test.status];
}

export function statusWord(test: TestResult): string {
  return { pass: 'passed', fail: 'failed', error: 'crashed', timeout: 'timed out', 'not-attempted': 'not attempted' }[
    test.status
  ];
}

/** `72 / 100 (72%)` and the bonus beside it when the course has any. */
export function scoreLine(s: SubmissionResult): string {
  const bonus = s.maxBonus > 0 ? ` · bonus ${s.bonus} / ${s.maxBonus}` : '';
  return `**${s.score} / ${s.maxScore}** (${scorePercent(s.score, s.maxScore)}%)${bonus}`;
}

/** The misconception hints as a Markdown list, one per diagnosis. */
export function hintList(s: SubmissionResult): string[] {
  return s.diagnoses.map(
    (d) => `- **${mdText(d.title)}** (\`${d.id}\`${d.bonus ? ', bonus work' : ''}): ${mdText(d.hint)}`,
  );
}

/** Why a submission could not be graded: the load errors with where they are. */
export function errorList(s: SubmissionResult): string[] {
  return s.errors.map((e) => {
    return `- \`${e.code}\` ${mdText(locatedMessage(e))}`;
  });
}
