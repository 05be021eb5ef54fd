/**
 * JUnit XML, the format CI systems show as a test report: one <testsuite>
 * per submission, one <testcase> per case. A crash (`error`) or a timeout is
 * an <error>, a wrong answer a <failure>: neither is ever a pass. A bonus case
 * the student did not attempt is <skipped/>, so it counts neither way.
 *
 * Text comes from student code (messages, console output, error text), so
 * everything is escaped, and characters XML 1.0 cannot hold at all (most
 * control characters, lone surrogates, U+FFFE/U+FFFF) are removed: a single
 * one would make the whole report unreadable. For the student audience a
 * hidden case carries only its safe message, never the instructor's detail.
 */
import { locatedMessage } from '../errors.ts';
import type { Results, ResultsHeader, SubmissionResult, TestResult } from '../results/types.ts';
import { defineReporter, inMemoryClass } from './define-reporter.ts';
import { concealedFromStudents } from './visibility.ts';
import type { ClassResults, RenderContext } from './reporter.ts';

// Everything outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

export function xmlText(text: string): string {
  return stripForbidden(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also keep their tabs and line breaks, which a parser would otherwise turn into spaces. */
export function xmlAttr(text: string | number): string {
  return xmlText(String(text))
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function counts(s: SubmissionResult): Counts {
  const tests = s.tests.length === 0 && s.errors.length > 0 ? 1 : s.tests.length;
  const errors =
    s.tests.filter((t) => t.status === 'error' || t.status === 'timeout').length +
    (s.tests.length === 0 && s.errors.length > 0 ? 1 : 0);
  return {
    tests,
    failures: s.tests.filter((t) => t.status === 'fail').length,
    errors,
    skipped: s.tests.filter((t) => t.status === 'not-attempted').length,
  };
}

function outcome(t: TestResult, body: string): string {
  if (t.status === 'not-attempted') return `<skipped message="${xmlAttr(t.message)}"/>`;
  if (t.status === 'pass') return '';
  const element = t.status === 'fail' ? 'failure' : 'error';
  return `<${element} message="${xmlAttr(t.message)}" type="${t.status}">${xmlText(body)}</${element}>`;
}

function caseBody(t: TestResult, results: ResultsHeader, context: RenderContext): string {
  const concealed = context.audience === 'student' && concealedFromStudents(t, results, context.now);
  const lines = [concealed ? t.message : t.detail || t.message];
  if (!concealed && t.note) lines.push(t.note);
  lines.push(...t.hints.map((h) => `Hint: ${h}`));
  return lines.join('\n');
}

function testcase(s: SubmissionResult, t: TestResult, results: ResultsHeader, context: RenderContext): string {
  const attrs = `name="${xmlAttr(`${t.name} [${t.id}]`)}" classname="${xmlAttr(`${s.id}.${t.exercise}`)}" time="${seconds(t.durationMs)}"`;
  const inner = outcome(t, caseBody(t, results, context));
  return inner ? `    <testcase ${attrs}>\n      ${inner}\n    </testcase>` : `    <testcase ${attrs}/>`;
}

function suite(s: SubmissionResult, results: ResultsHeader, context: RenderContext): string {
  const c = counts(s);
  const props = {
    status: s.status,
    score: s.score,
    maxScore: s.maxScore,
    bonus: s.bonus,
    maxBonus: s.maxBonus,
    misconceptions: s.misconceptions.join(' '),
  };
  const lines = [
    `  <testsuite name="${xmlAttr(s.id)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(s.durationMs)}" timestamp="${xmlAttr(results.generatedAt)}">`,
    '    <properties>',
    ...Object.entries(props).map(([name, value]) => `      <property name="${name}" value="${xmlAttr(value)}"/>`),
    '    </properties>',
    ...s.tests.map((t) => testcase(s, t, results, context)),
  ];
  // A submission that produced no cases at all (the grader failed on it) must not read as an empty, green suite.
  if (s.tests.length === 0 && s.errors.length > 0) {
    lines.push(
      `    <testcase name="load submission" classname="${xmlAttr(s.id)}" time="0.000">`,
      `      <error message="${xmlAttr(s.errors[0].message)}" type="${s.errors[0].code}"/>`,
      '    </testcase>',
    );
  }
  if (s.errors.length > 0)
    lines.push(
      `    <system-err>${xmlText(s.errors.map((e) => `${e.code}: ${locatedMessage(e)}`).join('\n'))}</system-err>`,
    );
  lines.push('  </testsuite>');
  return lines.join('\n');
}

export function renderJunit(results: Results, context: RenderContext): string {
  return [...junitChunks(inMemoryClass(results), context)].join('');
}

/** Totals first (one pass over the summaries), then one suite at a time (a second). */
function* junitChunks(run: ClassResults, context: RenderContext): Generator<string> {
  const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  let ms = 0;
  for (const s of run.summaries()) {
    const c = counts(s);
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
    total.skipped += c.skipped;
    ms += s.durationMs;
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="gradelab" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="${seconds(ms)}">\n`;
  for (const s of run.summaries()) yield `${suite(s, run, context)}\n`;
  yield '</testsuites>\n';
}

export const junitReporter = defineReporter({
  name: 'junit',
  description: 'junit.xml, one testsuite per submission (for CI test reports)',
  finish: (run, context) => [{ path: 'junit.xml', content: junitChunks(run, context) }],
});
