/**
 * The shape of results.json (see schemas/results.schema.json). Renderers
 * (HTML, CSV, JUnit, CI summaries, Gradescope) read only this.
 */
import type { Visibility } from '../config/types.ts';
import type { NodeReport } from './node-report.ts';
import type { ErrorCode, NotRunCode } from '../errors.ts';
import type { TrainingView } from '../cases/training/training-record.ts';

/**
 * 2: submissions gained submittedAt, submittedFrom, late, autoScore and overrides; `score` is the final score.
 * 3: results.json holds each submission's summary (its tests without `nodes`) and `detail`, the path of the
 *    submission's own file (details/<name>.json) with everything.
 * 4: tests gained the status `not-attempted` (optional work not started), which was `fail` with `notAttempted`;
 *    diagnoses[].bonus also marks a required rule's mistake seen only in bonus cases.
 */
export const RESULTS_VERSION = 4;

export type TestStatus = 'pass' | 'fail' | 'error' | 'timeout' | 'not-attempted';
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
  /** Kept beside status `not-attempted` for readers of version 3, which had only this flag. */
  notAttempted?: boolean;
  /** Set when the case never ran (status `error`): its code could not load, or earlier cases hung. */
  notRun?: NotRunCode;
  /** Student and reference values per node, for failed graph cases. */
  nodes?: NodeReport[];
  /** Nodes left out of a very large graph (only those around the first divergence are kept). */
  nodesOmitted?: number;
  /** Failed training cases (assignment nn): the loss per step, student and reference, and where the runs part. */
  training?: TrainingView;
  durationMs: number;
  /** Set when an instructor's override replaced this test's points (`points` is the new value). */
  override?: { previousPoints: number; comment: string };
}

/** How late a submission was, against its own due date (an extension, or the config's). */
export interface LateInfo {
  /** Minutes after the due date, rounded up. */
  minutes: number;
  /** Days charged: begun days after the due date plus the grace period. */
  days: number;
  /** Percent of the required score taken off, after the cap. */
  percent: number;
  penaltyPoints: number;
  /** The due date this submission was held to (ISO 8601). */
  due: string;
}

/** One override as applied: a test's new points, or an amount added to the total (test null). */
export interface AppliedOverride {
  /** Its line in the overrides CSV. */
  line: number;
  test: string | null;
  points: number;
  /** The test's points before the override (test overrides only). */
  previousPoints?: number;
  comment: string;
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
  /** The final score: autoScore after overrides and the late penalty, within [0, maxScore]. */
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
  /** The rest is the instructor's term (grader/term/), added after grading and never cached. */
  /** When it was handed in (ISO 8601), or null when no source knows. */
  submittedAt?: string | null;
  /** Where submittedAt came from: the platform's CSV, or a git commit date (the student's own clock). */
  submittedFrom?: 'csv' | 'git' | null;
  late?: LateInfo | null;
  /** The required score as the grader computed it, before overrides and the late penalty. */
  autoScore?: number;
  overrides?: AppliedOverride[];
  /**
   * In results.json: the path, relative to it, of this submission's detail file
   * (details/<name>.json), which holds the full result with every node.
   */
  detail?: string;
}

/** Everything of a run but its submissions: what a page or a row needs besides its own submission. */
export type ResultsHeader = Omit<Results, 'submissions'>;

export interface Results {
  version: typeof RESULTS_VERSION;
  /** The assignment graded, when it is not the course's first (`--assignment`). */
  assignment?: string;
  grader: { name: string; version: string };
  generatedAt: string;
  config: {
    tolerance: { rtol: number; atol: number };
    timeouts: { caseMs: number; submissionMs: number };
    memoryMb: number;
    dueDate?: string;
    late?: { graceMinutes: number; penaltyPercentPerDay: number; maxPenaltyPercent: number };
  };
  submissions: SubmissionResult[];
  /** What the instructor should know about this run (a submission time missing under a late policy, ...). */
  warnings?: string[];
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
