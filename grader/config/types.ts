/**
 * The grading config as the code reads it, and the grader's defaults. What a
 * field means is written once, in schemas/grading-config.schema.json, with
 * each default as its `default`; tests/harness/core/config-sources.test.ts
 * proves this interface, DEFAULT_CONFIG, the schema and the merge in
 * ./parse.ts agree field by field.
 */

/** Who may see a case's inputs and expected values: everyone, nobody, or everyone once the due date passed. */
export type Visibility = 'visible' | 'hidden' | 'after_due_date';

export interface GradingConfig {
  salt: string;
  dueDate?: string;
  /** The late policy (see grader/term/late.ts); needs dueDate. */
  late?: LatePolicy;
  tolerance: { rtol: number; atol: number };
  timeouts: { caseMs: number; submissionMs: number };
  memoryMb: number;
  concurrency: number;
  exercises: Record<string, { points: number }>;
  cases: Record<string, { points?: number; visibility?: Visibility }>;
  randomCases: { count: number; nodes: number; points: number };
  longChain: { length: number; points: number };
  /**
   * How many nodes a failed case records in its submission's detail file
   * (results.json holds none): a window of this many around the first wrong
   * node, or `all`. A window keeps detail files small for a class that fails
   * the 5,000-node chain.
   */
  nodesPerFailedCase: number | 'all';
  /**
   * Which assignment of course.json is graded (`--assignment`), and how its cases are made;
   * `course` is the course root whose case files it reads, when not the grader's own.
   */
  assignment: { id: string; kind: 'graphs' | 'training'; first: boolean; course?: string };
  /** The training assignment's cases: steps after the first trainStep, the learning rate, random datasets per student. */
  training: { steps: number; lr: number; randomDatasets: { count: number; points: number } };
}

export interface LatePolicy {
  graceMinutes: number;
  penaltyPercentPerDay: number;
  maxPenaltyPercent: number;
}

export const DEFAULT_SALT = 'gradelab-default-salt';

/** What a late policy leaves out: no grace period, and a cap of the whole score. */
export const DEFAULT_LATE: Omit<LatePolicy, 'penaltyPercentPerDay'> = { graceMinutes: 0, maxPenaltyPercent: 100 };

export const DEFAULT_CONFIG: GradingConfig = {
  salt: DEFAULT_SALT,
  tolerance: { rtol: 1e-6, atol: 1e-9 },
  timeouts: { caseMs: 1000, submissionMs: 10000 },
  memoryMb: 128,
  concurrency: 4,
  exercises: {},
  cases: {},
  randomCases: { count: 3, nodes: 14, points: 4 },
  longChain: { length: 5000, points: 4 },
  nodesPerFailedCase: 120,
  assignment: { id: 'engine', kind: 'graphs', first: true },
  training: { steps: 8, lr: 0.05, randomDatasets: { count: 2, points: 10 } },
};

export interface ConfigResult {
  value: GradingConfig;
  warnings: string[];
  errors: string[];
}
