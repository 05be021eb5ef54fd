/**
 * Manual overrides (`--overrides overrides.csv`, columns `id,test,points,comment`):
 * a row naming a test replaces that test's points; a row with an empty test
 * adds its points (which may be negative) to the total. They live in the
 * instructor's file, not in the cache, and are applied to every run's results
 * (./apply.ts), so a regrade never loses them.
 */
import { closest } from '../suggest.ts';
import { idProblems, readIdCsv, throwProblems, type IdCsv } from './id-csv.ts';

export interface Override {
  /** The CSV line, so results and messages can point back to it. */
  line: number;
  id: string;
  /** A test id, or null for an adjustment of the total. */
  test: string | null;
  points: number;
  comment: string;
}

/** Overrides by submission id, in file order. Test ids are checked against `testIds` (every case id of the config). */
export function parseOverrides(csv: IdCsv, ids: Set<string>, testIds: Set<string>): Map<string, Override[]> {
  const problems = idProblems(csv, ids, false);
  const byId = new Map<string, Override[]>();
  const seen = new Map<string, number>();
  for (const row of csv.rows) {
    const id = row.get('id');
    const test = row.get('test') || null;
    const text = row.get('points');
    const points = text === '' ? Number.NaN : Number(text);
    const at = `${csv.file}:${row.line}`;
    if (!Number.isFinite(points)) problems.push(`${at}: points '${text}' is not a number`);
    else if (test !== null && points < 0) problems.push(`${at}: a test's points cannot be negative (${points})`);
    if (test !== null && !testIds.has(test))
      problems.push(`${at}: no test has the id '${test}'${suggest(test, testIds)}`);
    const key = `${id}\u0000${test ?? ''}`;
    if (test !== null && seen.has(key))
      problems.push(`${at}: test '${test}' of '${id}' is already overridden on line ${seen.get(key)}`);
    seen.set(key, row.line);
    byId.set(id, [...(byId.get(id) ?? []), { line: row.line, id, test, points, comment: row.get('comment') }]);
  }
  throwProblems(csv.file, problems);
  return byId;
}

function suggest(id: string, known: Set<string>): string {
  const guess = closest(id, known);
  return guess ? `: did you mean '${guess}'?` : '';
}

export function readOverrides(file: string, ids: Set<string>, testIds: Set<string>): Map<string, Override[]> {
  return parseOverrides(readIdCsv(file, ['id', 'test', 'points'], ['comment']), ids, testIds);
}
