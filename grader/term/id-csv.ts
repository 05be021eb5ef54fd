/**
 * The instructor's CSV files for a term (submission times, extensions,
 * overrides) share one shape: a header row naming the columns, one row per
 * student keyed by the submission id. They are read with the roster's CSV
 * reader, so the same spreadsheet quirks are handled, and every problem is
 * collected with its line (`overrides.csv:7: ...`) so one run reports them all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CsvSyntaxError, parseCsv } from '../roster/csv.ts';
import { GraderError } from '../errors.ts';
import { closest } from '../suggest.ts';

export interface IdRow {
  line: number;
  /** Cell by column name (columns as the header names them, lower-cased). */
  get(column: string): string;
}

export interface IdCsv {
  /** The file's name as messages show it. */
  file: string;
  rows: IdRow[];
}

const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Reads `text`, checking that the header has every required column; unknown columns are an error too (a typo would silently lose data). */
export function parseIdCsv(text: string, file: string, required: string[], optional: string[] = []): IdCsv {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new GraderError('E_CONFIG', `${file}:${error.line}: ${error.message}`);
    throw error;
  }
  const expected = [...required, ...optional].join(',');
  if (records.length === 0)
    throw new GraderError('E_CONFIG', `${file}: the file is empty (it needs a header row: ${expected})`);
  const [header, ...body] = records;
  const index = new Map<string, number>();
  header.fields.forEach((name, i) => index.set(normalize(name), i));
  const missing = required.filter((c) => !index.has(c));
  const unknown = [...index.keys()].filter((c) => !required.includes(c) && !optional.includes(c));
  if (missing.length > 0 || unknown.length > 0) {
    const what = [
      missing.length > 0 ? `lacks ${missing.join(', ')}` : '',
      unknown.length > 0 ? `has unknown column(s) ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new GraderError(
      'E_CONFIG',
      `${file}:${header.line}: the header row ${what.join(' and ')} (expected: ${expected})`,
    );
  }
  const rows = body.map((record) => ({
    line: record.line,
    get: (column: string) => {
      const i = index.get(column);
      return i === undefined ? '' : (record.fields[i] ?? '').trim();
    },
  }));
  return { file, rows };
}

export function readIdCsv(file: string, required: string[], optional: string[] = []): IdCsv {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new GraderError('E_NOT_FOUND', `file not found: ${file}`);
  }
  return parseIdCsv(text, path.basename(file), required, optional);
}

/** Throws one error listing every problem, or returns quietly. */
export function throwProblems(file: string, problems: string[]): void {
  if (problems.length > 0)
    throw new GraderError('E_CONFIG', `${file} has ${problems.length} problem(s)`, { details: problems });
}

/**
 * An ISO 8601 date and time with its zone (`2026-12-01T23:59:00Z`,
 * `...+01:00`). A time without a zone would mean whatever zone the grading
 * machine is in, so it is refused rather than guessed.
 */
export function parseInstant(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

export const INSTANT_HELP = 'use ISO 8601 with a zone, e.g. 2026-12-01T23:59:00Z or 2026-12-01T23:59:00+01:00';

/** Problems with ids: the same id twice, or one that names no submission of this run. */
export function idProblems(csv: IdCsv, known: Set<string>, unique = true): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const row of csv.rows) {
    const id = row.get('id');
    if (!id) problems.push(`${csv.file}:${row.line}: the id is empty`);
    else if (!known.has(id)) {
      const guess = closest(id, known);
      problems.push(
        `${csv.file}:${row.line}: no submission has the id '${id}'${guess ? `: did you mean '${guess}'?` : ''}`,
      );
    } else if (unique && seen.has(id))
      problems.push(`${csv.file}:${row.line}: '${id}' is already listed on line ${seen.get(id)}`);
    if (id && !seen.has(id)) seen.set(id, row.line);
  }
  return problems;
}

/**
 * A file of `id,<column>` rows whose column is a date and time (submission
 * times, extensions): each id's instant as ISO 8601 in UTC; or, when an id
 * or a date is wrong, one error listing every such problem of the file.
 */
export function dateColumn(csv: IdCsv, column: string, ids: Set<string>): Map<string, string> {
  const problems = idProblems(csv, ids);
  const dates = new Map<string, string>();
  for (const row of csv.rows) {
    const text = row.get(column);
    const ms = parseInstant(text);
    if (ms === undefined) problems.push(`${csv.file}:${row.line}: '${text}' is not a date and time (${INSTANT_HELP})`);
    else dates.set(row.get('id'), new Date(ms).toISOString());
  }
  throwProblems(csv.file, problems);
  return dates;
}
