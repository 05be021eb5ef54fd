/**
 * The shape of results.json (see schemas/results.schema.json). Renderers
 * (HTML, CSV, JUnit, CI summaries, Gradescope) read only this.
 */
import type { Visibility } from '../cases/catalog.ts';
import type { NodeReport } from '../04-compare/compare.ts';
import type { ErrorCode } from '../errors.ts';

export const RESULTS_VERSION = 1;

export type TestStatus = 'pass' | 'fail' | 'error' | 'timeout';
export type SubmissionStatus = 'graded' | 'error' | 'timeout';

export interface TestResult {
  id: string;
  name: string;
  exercise: string;
  kind: 'required' | 'bonus';
  visibility: Visibility;
  status: TestStatus;
  points: number;
  maxPoints: number;
  /** For students: never names a hidden case's inputs or expected values. */
  message: string;
  /** For instructors: the first wrong node with its values. */
  detail: string;
  misconceptions: string[];
  hints: string[];
  diagnosis?: 'explained' | 'prerequisite' | 'unexplained';
  /** Diagnosis for students (visibility-safe). */
  note?: string;
  notAttempted?: boolean;
  /** Student and reference values per node, for failed graph cases. */
  nodes?: NodeReport[];
  /** Nodes left out of a very large graph (only those around the first divergence are kept). */
  nodesOmitted?: number;
  durationMs: number;
}

export interface SubmissionError {
  code: ErrorCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface DiagnosisSummary {
  id: string;
  title: string;
  hint: string;
  rule: string;
  bonus: boolean;
  cases: string[];
}

export interface SubmissionResult {
  id: string;
  status: SubmissionStatus;
  score: number;
  maxScore: number;
  bonus: number;
  maxBonus: number;
  misconceptions: string[];
  diagnoses: DiagnosisSummary[];
  /** True when one set of known mistakes explains every wrong gradient. */
  explainsAll: boolean;
  errors: SubmissionError[];
  output: string;
  outputTruncated: boolean;
  tests: TestResult[];
  durationMs: number;
}

export interface Results {
  version: typeof RESULTS_VERSION;
  grader: { name: string; version: string };
  generatedAt: string;
  config: {
    tolerance: { rtol: number; atol: number };
    timeouts: { caseMs: number; submissionMs: number };
    memoryMb: number;
    dueDate?: string;
  };
  submissions: SubmissionResult[];
  /** Present only when the run was given a roster (`grader grade --roster`). */
  roster?: RosterReport;
}

/** One row of a class roster (grader/roster). */
export interface RosterStudent {
  folder: string;
  studentId: string;
  name: string;
  email?: string;
  section?: string;
  /** Canvas's own user id, when the roster has one. */
  canvasId?: string;
}

/** How the submissions of a run matched the roster: unmatched ones on either side are listed. */
export interface RosterReport {
  file: string;
  matched: Array<{ submission: string; student: RosterStudent }>;
  submissionsNotInRoster: string[];
  studentsWithoutSubmission: RosterStudent[];
}
