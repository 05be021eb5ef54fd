/**
 * Class reporters by name, as vitest keeps its built-in reporters: the names
 * (`ReporterName`) are derived from this table, so an unknown name is a type
 * error in code and a usage error (with a suggestion) on the command line.
 *
 * Outputs for one submission in a CI job or on Gradescope are not class
 * reporters; they live in ./ci/ and ./gradescope-results.ts and are called by
 * the single-submission run.
 */
import { canvasReporter } from './canvas-reporter.ts';
import { csvReporter } from './csv-reporter.ts';
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

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}
