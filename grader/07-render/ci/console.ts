/**
 * What `grader ci` prints for a person at a terminal (outside GitHub
 * Actions, where the job summary and annotations do this job): the score,
 * load problems, misconception hints, and each case that did not pass, with
 * the same visibility rules as the job summary.
 */
import { locatedMessage } from '../../errors.ts';
import type { ResultsHeader, SubmissionResult } from '../../results/types.ts';
import { concealedFromStudents } from '../visibility.ts';
import { wasNotRun } from './annotations.ts';
import { scorePercent } from '../../results/points.ts';
import { terminalText as line } from '../../terminal-text.ts';
import { statusWord } from './markdown.ts';
import { plural } from '../view-format.ts';

/** `neg()` for a bonus op's case, the export's name for an optional export. */
function attemptName(t: SubmissionResult['tests'][number]): string {
  return /: (\w+\(\))\.$/.exec(t.message)?.[1] ?? /: (\w+) is /.exec(t.message)?.[1] ?? t.id;
}

export function renderConsoleReport(results: ResultsHeader, s: SubmissionResult, now: Date): string {
  const bonus = s.maxBonus > 0 ? `, bonus ${s.bonus}/${s.maxBonus}` : '';
  const lines = [
    `${line(s.id)}: ${s.status}, ${s.score}/${s.maxScore} (${scorePercent(s.score, s.maxScore)}%)${bonus}`,
  ];
  for (const e of s.errors) {
    lines.push(`  ${e.code}: ${line(locatedMessage(e))}`);
  }
  for (const d of s.diagnoses)
    lines.push(`  likely misconception ${d.id}${d.bonus ? ' (bonus work)' : ''}: ${line(d.hint)}`);
  const failing = s.tests.filter((t) => t.status !== 'pass' && t.status !== 'not-attempted');
  const notRun = failing.filter(wasNotRun);
  for (const t of failing.filter((x) => !wasNotRun(x))) {
    const hidden = concealedFromStudents(t, results, now) ? ' (hidden)' : '';
    lines.push(`  ${statusWord(t)}: ${line(t.name)}${hidden} [${t.points}/${t.maxPoints}]: ${line(t.message)}`);
  }
  if (notRun.length > 0) lines.push(`  ${plural(notRun.length, 'case')} not run: ${line(notRun[0].message)}`);
  // Optional work left alone is not a problem to fix: one quiet line, no more.
  const skipped = [...new Set(s.tests.filter((t) => t.status === 'not-attempted').map(attemptName))];
  if (skipped.length > 0) lines.push(`  not attempted (optional): ${line(skipped.join(', '))}`);
  return `${lines.join('\n')}\n`;
}
