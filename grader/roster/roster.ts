/**
 * Reads a class roster: a CSV with a header row naming at least `folder`,
 * `student_id` and `name`, and optionally `email`, `section` and `canvas_id`
 * (Canvas's own numeric user id, when the roster came from a Canvas export).
 * Header names are matched loosely (case, spaces, dashes), column order is
 * free and unknown columns are ignored, since rosters come from spreadsheets.
 * Every problem is collected with its line, so one run reports them all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraderError } from '../errors.ts';
import type { RosterStudent } from '../results/types.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';

const REQUIRED = ['folder', 'student_id', 'name'] as const;
const OPTIONAL = ['email', 'section', 'canvas_id'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

export interface Roster {
  file: string;
  students: RosterStudent[];
}

/** Spellings spreadsheets use for the same column. */
const ALIASES: Record<string, Column> = { e_mail: 'email', studentid: 'student_id', canvas_user_id: 'canvas_id' };

function normalizeHeader(name: string): string {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ALIASES[key] ?? key;
}

export function parseRoster(text: string, file: string): Roster {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new GraderError('E_CONFIG', `roster: ${error.message}`, { location: { file, line: error.line } });
    throw error;
  }
  if (records.length === 0)
    throw new GraderError('E_CONFIG', 'roster: the file is empty (it needs a header row: folder,student_id,name)', {
      location: { file },
    });
  const [header, ...rows] = records;
  const index = new Map<Column, number>();
  header.fields.forEach((name, i) => {
    const key = normalizeHeader(name) as Column;
    if ((REQUIRED as readonly string[]).includes(key) || (OPTIONAL as readonly string[]).includes(key)) {
      if (!index.has(key)) index.set(key, i);
    }
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new GraderError(
      'E_CONFIG',
      `roster: the header row lacks ${missing.join(', ')} (it has: ${header.fields.join(', ')})`,
      { location: { file, line: header.line } },
    );
  }
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const students: RosterStudent[] = [];
  for (const row of rows) {
    const get = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (row.fields[i] ?? '').trim();
    };
    const student: RosterStudent = { folder: get('folder'), studentId: get('student_id'), name: get('name') };
    for (const c of OPTIONAL) {
      const value = get(c);
      if (value) student[c === 'canvas_id' ? 'canvasId' : c] = value;
    }
    if (!student.folder) {
      problems.push(`${file}:${row.line}: the folder is empty`);
      continue;
    }
    const first = seen.get(student.folder);
    if (first !== undefined) {
      problems.push(`${file}:${row.line}: folder '${student.folder}' is already listed on line ${first}`);
      continue;
    }
    seen.set(student.folder, row.line);
    if (!student.studentId) problems.push(`${file}:${row.line}: the student_id of '${student.folder}' is empty`);
    students.push(student);
  }
  if (problems.length > 0)
    throw new GraderError(
      'E_CONFIG',
      `the roster has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`,
      { details: problems },
    );
  return { file, students };
}

export function loadRoster(file: string): Roster {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new GraderError('E_NOT_FOUND', `roster file not found: ${file}`);
  }
  return parseRoster(text, path.basename(file));
}
