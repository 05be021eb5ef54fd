/** Reporters by name, as vitest keeps its reporters. */
import { canvasReporter } from './canvas-reporter.ts';
import { csvReporter } from './csv-reporter.ts';
import { htmlReporter } from './html/html-reporter.ts';
import { jsonReporter } from './json-reporter.ts';
import { junitReporter } from './junit-reporter.ts';
import type { Reporter } from './reporter.ts';

export const reporters: Record<string, Reporter> = {
  json: jsonReporter,
  csv: csvReporter,
  html: htmlReporter,
  junit: junitReporter,
  canvas: canvasReporter,
};

export const DEFAULT_REPORTERS = ['json', 'csv', 'html'];
