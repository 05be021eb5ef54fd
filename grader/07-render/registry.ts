/**
 * Class reporters by name, as vitest keeps its built-in reporters: the names
 * (`ReporterName`) are derived from this table, so an unknown name is a type
 * error in code and a usage error (with a suggestion) on the command line.
 *
 * Beside them, the reporters of one submission graded on its own, in a CI
 * job or on Gradescope (./submission-reporter.ts): the single-submission runs
 * (grader/runs/ci-run.ts, grader/runs/gradescope-run.ts) take them from here
 * by name, as a class run takes the class reporters.
 */
import { canvasReporter } from './canvas-reporter.ts';
import { consoleReporter, githubAnnotationsReporter, githubSummaryReporter } from './ci/ci-reporters.ts';
import { csvReporter } from './csv-reporter.ts';
import { gradescopeLogReporter, gradescopeReporter } from './gradescope-reporters.ts';
import { htmlReporter } from './html/html-reporter.ts';
import { jsonReporter } from './json-reporter.ts';
import { junitReporter } from './junit-reporter.ts';
import type { Reporter } from './reporter.ts';

export const reporters = {
  json: jsonReporter,
  csv: csvReporter,
  html: htmlReporter,
  junit: junitReporter,
  canvas: canvasReporter,
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;

export const REPORTER_NAMES = Object.keys(reporters) as ReporterName[];

export const DEFAULT_REPORTERS: ReporterName[] = ['json', 'csv', 'html'];

/** One submission's reporters, each with options of its own. */
export const submissionReporters = {
  'github-summary': githubSummaryReporter,
  'github-annotations': githubAnnotationsReporter,
  console: consoleReporter,
  gradescope: gradescopeReporter,
  'gradescope-log': gradescopeLogReporter,
} as const;

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}
