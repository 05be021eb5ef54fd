/**
 * GitHub Actions annotations (`::error file=…,line=…::message`) for one
 * submission: load errors at the exact place the transpiler reported, and
 * failing cases on the definition in the student's file that they exercise.
 * Returns lines; the `ci` command prints them.
 *
 * Workflow commands are parsed line by line, so text from a result must never
 * carry a raw line break (it would end the command and could start another).
 * The runner decodes %25, %0D and %0A in the message, and additionally %3A
 * and %2C in property values, where `:` and `,` separate the properties.
 * Case messages follow visibility: a hidden case shows its safe message only.
 */
import { commandDataText } from '../../terminal-text.ts';
import type { ResultsHeader, SubmissionResult, TestResult } from '../../results/types.ts';
import { concealedFromStudents } from '../visibility.ts';
import { anchorFor, type Anchor } from './source-lines.ts';
import { statusWord } from './markdown.ts';
import { plural } from '../view-format.ts';

/** GitHub shows at most this many annotations of one kind per step. */
export const MAX_PER_KIND = 10;

export type AnnotationKind = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

export function escapeData(text: string): string {
  // GitHub's own escaping for line breaks; every other control character (ESC and its sequences) as a
  // visible escape, and `##[` made inert.
  return commandDataText(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(kind: AnnotationKind, props: AnnotationProperties, message: string): string {
  const parts = (['file', 'line', 'col', 'title'] as const)
    .filter((key) => props[key] !== undefined && props[key] !== '')
    .map((key) => `${key}=${escapeProperty(String(props[key]))}`);
  return `::${kind}${parts.length > 0 ? ` ${parts.join(',')}` : ''}::${escapeData(message)}`;
}

/** A student file as the repository sees it: its path from the repository root and its definitions' lines. */
export interface StudentFile {
  path: string;
  lines: Partial<Record<Anchor, number>>;
}

export interface AnnotationContext {
  /** Turns a path relative to the submission folder into one relative to the repository root. */
  toRepoPath: (submissionPath: string) => string;
  engine?: StudentFile;
  manual?: StudentFile;
  now: Date;
}

export function renderAnnotations(
  results: ResultsHeader,
  submission: SubmissionResult,
  context: AnnotationContext,
): string[] {
  const all: Array<{ kind: AnnotationKind; line: string }> = [];
  for (const error of submission.errors) {
    const props: AnnotationProperties = error.file
      ? { file: context.toRepoPath(error.file), line: error.line, col: error.column, title: `gradelab: ${error.code}` }
      : { title: `gradelab: ${error.code}` };
    all.push({ kind: 'error', line: workflowCommand('error', props, error.message) });
  }
  const notRun: TestResult[] = [];
  for (const test of submission.tests) {
    if (test.status === 'pass' || test.status === 'not-attempted') continue;
    if (wasNotRun(test)) {
      notRun.push(test);
      continue;
    }
    const kind: AnnotationKind = test.kind === 'required' ? 'error' : 'warning';
    all.push({
      kind,
      line: workflowCommand(kind, caseLocation(test, context), caseMessage(test, results, context.now)),
    });
  }
  // Cases skipped after a load error or a hang all share one cause, already annotated: one notice, not twenty.
  if (notRun.length > 0) {
    all.push({
      kind: 'notice',
      line: workflowCommand(
        'notice',
        { title: `gradelab: ${plural(notRun.length, 'case')} not run` },
        notRun[0].message,
      ),
    });
  }
  return capPerKind(all);
}

/** The grader's own wording for a case it never ran (see 04-compare and grade.ts). */
export function wasNotRun(test: TestResult): boolean {
  return test.notRun !== undefined;
}

function caseLocation(test: TestResult, context: AnnotationContext): AnnotationProperties {
  const { module, anchor } = anchorFor(test.exercise, test.id);
  const file = context[module];
  const title = `${test.name} (${statusWord(test)}, ${test.points}/${test.maxPoints})`;
  if (!file) return { title };
  const line = anchor ? file.lines[anchor] : undefined;
  return { file: file.path, ...(line !== undefined ? { line } : {}), title };
}

function caseMessage(test: TestResult, results: ResultsHeader, now: Date): string {
  const hidden = concealedFromStudents(test, results, now);
  const parts = [hidden ? `Hidden case: ${test.message}` : test.message];
  if (!hidden && test.note) parts.push(test.note);
  return parts.join('\n');
}

function capPerKind(all: Array<{ kind: AnnotationKind; line: string }>): string[] {
  const out: string[] = [];
  const dropped = new Map<AnnotationKind, number>();
  const shown = new Map<AnnotationKind, number>();
  for (const { kind, line } of all) {
    const n = shown.get(kind) ?? 0;
    if (n < MAX_PER_KIND) {
      out.push(line);
      shown.set(kind, n + 1);
    } else dropped.set(kind, (dropped.get(kind) ?? 0) + 1);
  }
  const more = [...dropped.values()].reduce((a, b) => a + b, 0);
  if (more > 0)
    out.push(
      workflowCommand(
        'notice',
        { title: 'gradelab' },
        `${more} more failing ${more === 1 ? 'case is' : 'cases are'} listed in the job summary.`,
      ),
    );
  return out;
}
