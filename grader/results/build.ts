import { readFileSync } from 'node:fs';
import type { GradingConfig } from '../config/types.ts';
import { packagePath } from '../package-root.ts';
import { RESULTS_VERSION, type Results, type ResultsHeader, type SubmissionResult } from './types.ts';

const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
  version: string;
};
export const GRADER_VERSION = pkg.version;

/** Everything results.json says about the run but its submissions. */
export function resultsHeader(config: GradingConfig, now = new Date()): ResultsHeader {
  return {
    version: RESULTS_VERSION,
    // Named only for a later assignment, so that the first's results stay as they always were.
    ...(config.assignment && !config.assignment.first ? { assignment: config.assignment.id } : {}),
    grader: { name: 'gradelab', version: GRADER_VERSION },
    generatedAt: now.toISOString(),
    config: {
      tolerance: config.tolerance,
      timeouts: config.timeouts,
      memoryMb: config.memoryMb,
      ...(config.dueDate ? { dueDate: config.dueDate } : {}),
      ...(config.late ? { late: config.late } : {}),
    },
  };
}

export function buildResults(submissions: SubmissionResult[], config: GradingConfig, now = new Date()): Results {
  return {
    ...resultsHeader(config, now),
    submissions: [...submissions].sort((a, b) => a.id.localeCompare(b.id)),
  } as Results;
}
