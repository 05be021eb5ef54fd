/**
 * The late penalty: each day after the due date plus the grace period costs
 * `penaltyPercentPerDay` percent of the required score; a day begun counts
 * whole; the total is capped at `maxPenaltyPercent`. Bonus points are not
 * reduced. Per-student due dates (`--extensions ext.csv`, `id,due`) replace
 * the config's dueDate for that student.
 */
import type { LatePolicy } from '../config/types.ts';
import { round2 } from '../results/points.ts';
import type { LateInfo } from '../results/types.ts';
import { dateColumn, readIdCsv, type IdCsv } from './id-csv.ts';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/**
 * How late a submission was against `due` (ISO 8601), and what it costs:
 * null when on time (or when either time is unknown).
 */
export function lateness(submittedAt: string | null, due: string, policy: LatePolicy, score: number): LateInfo | null {
  if (submittedAt === null) return null;
  const after = Date.parse(submittedAt) - Date.parse(due);
  if (!(after > 0)) return null;
  const minutes = Math.ceil(after / MINUTE);
  const charged = minutes - policy.graceMinutes;
  const days = charged > 0 ? Math.ceil(charged / DAY_MINUTES) : 0;
  const percent = Math.min(days * policy.penaltyPercentPerDay, policy.maxPenaltyPercent);
  return { minutes, days, percent, penaltyPoints: round2((Math.max(0, score) * percent) / 100), due };
}

/** `id,due` rows: each student's own due date, checked against the submissions of this run. */
export function extensionDates(csv: IdCsv, ids: Set<string>): Map<string, string> {
  return dateColumn(csv, 'due', ids);
}

export function readExtensions(file: string, ids: Set<string>): Map<string, string> {
  return extensionDates(readIdCsv(file, ['id', 'due']), ids);
}
