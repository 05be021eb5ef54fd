/**
 * Turns judgements and a diagnosis into one submission's result: points per
 * case (partial credit per case), required score and bonus kept apart, and
 * the submission's status. This is the grader's score (`autoScore`); the
 * term (grader/term/apply.ts: overrides, the late penalty, adjustments)
 * turns it into the final score after grading, as docs/architecture.md shows.
 */
import type { CaseDef } from '../cases/case-list.ts';
import type { Judgement } from '../04-compare/compare.ts';
import type { NodeReport } from '../results/node-report.ts';
import type { Diagnosis } from '../05-diagnose/diagnose.ts';
import { MISCONCEPTION_BY_ID } from '../05-diagnose/misconceptions.ts';
import type { GraderError } from '../errors.ts';
import type { SandboxRun } from '../03-sandbox/run-submission.ts';
import { round2 as round } from '../results/points.ts';
import type { SubmissionError, SubmissionResult, TestResult } from '../results/types.ts';

export interface ScoreInput {
  id: string;
  cases: CaseDef[];
  judged: Map<string, Judgement>;
  run?: SandboxRun;
  diagnosis: Diagnosis;
  loadErrors: GraderError[];
  durationMs: number;
  /** Nodes a failed case records (GradingConfig.nodesPerFailedCase); all when not given. */
  nodesPerFailedCase?: number | 'all';
}

export function scoreSubmission(input: ScoreInput): SubmissionResult {
  const tests = input.cases.map((c) => testResult(c, input.judged.get(c.id)!, input));
  const sum = (kind: CaseDef['kind'], field: 'points' | 'maxPoints') =>
    round(tests.filter((t) => t.kind === kind).reduce((s, t) => s + t[field], 0));
  const errors = input.loadErrors.flatMap((e) => [e, ...e.also]).map(toSubmissionError);
  const timedOut = input.run?.timedOut ?? false;
  const diagnoses = input.diagnosis.ids.map((id) => {
    const m = MISCONCEPTION_BY_ID.get(id)!;
    const seenIn = tests.filter((t) => t.misconceptions.includes(id));
    return {
      id,
      title: m.title,
      hint: m.hint,
      rule: m.rule,
      // A mistake seen only in bonus cases is bonus work's, whatever rule it lives in: it never reads as required work's.
      bonus: m.bonus || (seenIn.length > 0 && seenIn.every((t) => t.kind === 'bonus')),
      cases: seenIn.map((t) => t.id),
    };
  });
  return {
    id: input.id,
    status: timedOut ? 'timeout' : errors.length > 0 ? 'error' : 'graded',
    score: sum('required', 'points'),
    maxScore: sum('required', 'maxPoints'),
    bonus: sum('bonus', 'points'),
    maxBonus: sum('bonus', 'maxPoints'),
    misconceptions: input.diagnosis.ids,
    diagnoses,
    explainsAll: input.diagnosis.explainsAll,
    errors,
    output: input.run?.output ?? '',
    outputTruncated: input.run?.outputTruncated ?? false,
    tests,
    durationMs: Math.round(input.durationMs),
  };
}

function testResult(c: CaseDef, j: Judgement, input: ScoreInput): TestResult {
  const note = input.diagnosis.perCase.get(c.id);
  const earned =
    j.status === 'pass' ? c.points : j.status === 'fail' && j.fraction !== undefined ? c.points * j.fraction : 0;
  const { nodes, omitted } = trimNodes(j.status === 'pass' ? undefined : j.nodes, input.nodesPerFailedCase ?? 'all');
  const visible = c.visibility === 'visible';
  return {
    id: c.id,
    name: c.name,
    exercise: c.exercise,
    kind: c.kind,
    visibility: c.visibility,
    status: j.status,
    points: round(earned),
    maxPoints: round(c.points),
    message: visible ? j.detail : j.summary,
    detail: j.detail,
    misconceptions: note?.ids ?? [],
    hints: note?.hints ?? [],
    ...(note ? { diagnosis: note.kind, note: note.note } : {}),
    ...(j.notAttempted ? { notAttempted: true } : {}),
    ...(j.notRun ? { notRun: j.notRun } : {}),
    ...(nodes ? { nodes } : {}),
    ...(j.status !== 'pass' && j.training ? { training: j.training } : {}),
    ...(omitted > 0 ? { nodesOmitted: omitted } : {}),
    durationMs: Math.round(input.run?.outcomes.get(c.id)?.ms ?? 0),
  };
}

/** Every node of a small graph; of one larger than `limit`, the `limit` nodes around its first divergence. */
function trimNodes(nodes: NodeReport[] | undefined, limit: number | 'all'): { nodes?: NodeReport[]; omitted: number } {
  if (!nodes || limit === 'all' || nodes.length <= limit) return { nodes, omitted: 0 };
  let at = nodes.findIndex((n) => n.divergence);
  if (at < 0) at = nodes.findIndex((n) => !n.ok);
  const half = Math.floor(limit / 2);
  const start = Math.max(0, Math.min(at - half, nodes.length - limit));
  const kept = nodes.slice(start, start + limit);
  return { nodes: kept, omitted: nodes.length - kept.length };
}

function toSubmissionError(error: GraderError): SubmissionError {
  return {
    code: error.code,
    message: error.message,
    ...(error.location ? { file: error.location.file, line: error.location.line, column: error.location.column } : {}),
  };
}
