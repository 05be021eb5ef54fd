/** Reporters by name, as vitest keeps its reporters. */
import { csvReporter } from './csv-reporter.ts';
import { jsonReporter } from './json-reporter.ts';
import type { Reporter } from './reporter.ts';

export const reporters: Record<string, Reporter> = {
  json: jsonReporter,
  csv: csvReporter,
};

export const DEFAULT_REPORTERS = ['json', 'csv'];
