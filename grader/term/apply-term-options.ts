/**
 * What `grader grade` adds for the instructor's term, kept out of the command:
 * the CSVs are read and checked against the discovered ids before grading (a
 * typo in overrides.csv should fail in a second, not after an hour), and
 * applied to the graded results after the cache, on every run.
 */
import type { SubmissionSource } from '../01-discover/discover.ts';
import { allCaseIds } from '../cases/case-list.ts';
import type { GradingConfig } from '../config/types.ts';
import type { SubmissionResult } from '../results/types.ts';
import { applyTerm } from './apply.ts';
import { readExtensions } from './late.ts';
import { readOverrides, type Override } from './overrides.ts';
import { readSubmissionTimes, submissionTime } from './submitted-at.ts';

export interface TermOptions {
  /** `id,submitted_at` */
  submittedAt?: string;
  /** `id,due` */
  extensions?: string;
  /** `id,test,points,comment` */
  overrides?: string;
}

export interface Term {
  config: GradingConfig;
  times: Map<string, string>;
  extensions: Map<string, string>;
  overrides: Map<string, Override[]>;
  /** Found while reading the files, before any grading. */
  warnings: string[];
}

/** Reads and checks every file named; each problem names its file and line. */
export function readTerm(options: TermOptions, sources: SubmissionSource[], config: GradingConfig): Term {
  const ids = new Set(sources.map((s) => s.id));
  const warnings: string[] = [];
  if (options.extensions !== undefined && !config.late)
    warnings.push('--extensions changes nothing without a late policy (`late` in the grading config)');
  return {
    config,
    times: options.submittedAt === undefined ? new Map() : readSubmissionTimes(options.submittedAt, ids),
    extensions: options.extensions === undefined ? new Map() : readExtensions(options.extensions, ids),
    overrides:
      options.overrides === undefined ? new Map() : readOverrides(options.overrides, ids, new Set(allCaseIds(config))),
    warnings,
  };
}

/** One graded result with its submission time, late penalty and overrides applied, and what to warn about. */
export function applyTermToOne(
  result: SubmissionResult,
  source: SubmissionSource | undefined,
  term: Term,
): { result: SubmissionResult; warnings: string[] } {
  // One form for every due date in the results, whatever zone the config wrote it in.
  const configDue = term.config.dueDate ? new Date(Date.parse(term.config.dueDate)).toISOString() : undefined;
  const { warning, ...time } = source
    ? submissionTime(source, term.times)
    : { submittedAt: null, submittedFrom: null, warning: undefined };
  const applied = applyTerm(result, {
    time,
    due: term.extensions.get(result.id) ?? configDue,
    late: term.config.late,
    overrides: term.overrides.get(result.id) ?? [],
  });
  const warnings = [...(warning ? [warning] : []), ...applied.warnings];
  if (term.config.late && time.submittedAt === null) {
    const canvas = source?.lmsLate ? ' Canvas marked it LATE;' : '';
    warnings.push(
      `${result.id}: no submission time is known (not in --submitted-at, not a git clone):${canvas} no late penalty applied`,
    );
  }
  return { result: applied.result, warnings };
}

/** The graded results with submission times, late penalties and overrides applied, and what to warn about. */
export function applyTermToRun(
  graded: SubmissionResult[],
  sources: SubmissionSource[],
  term: Term,
): { results: SubmissionResult[]; warnings: string[] } {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const warnings: string[] = [];
  const results = graded.map((result) => {
    const applied = applyTermToOne(result, byId.get(result.id), term);
    warnings.push(...applied.warnings);
    return applied.result;
  });
  return { results, warnings };
}
