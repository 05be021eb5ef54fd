/**
 * Turns what oxc and rolldown report about a student's file into one
 * GraderError: a stable code, `file:line:column` relative to the submission,
 * and a one-line message — the headline and the line of code it is about.
 * Their own messages are drawn for a terminal (colours, a framed excerpt),
 * which suits neither a results file nor a report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraderError, type ErrorCode, type ErrorLocation } from '../errors.ts';
import { PLUGIN_NAME } from './stay-inside.ts';

/** The fields of oxc's and rolldown's diagnostics that matter here. */
export interface Diagnostic {
  message: string;
  code?: string;
  plugin?: string;
  /** Absolute path of the file, for bundler diagnostics. */
  id?: string;
  /** 1-based line, 0-based column. */
  loc?: { line: number; column: number };
}

const MAX_LINE_SHOWN = 120;
const IMPORT_CODES = new Set(['UNRESOLVED_IMPORT', 'MISSING_EXPORT']);

/** Diagnostics from transforming the single file `relFile`, whose text is `source`. */
export function transformError(diagnostics: Diagnostic[], relFile: string, source: string): GraderError {
  return toGraderError(diagnostics.map((d) => ({ d, file: relFile, source })));
}

/** Diagnostics from bundling a submission rooted at `realRoot`; `relEntry` names the entry. */
export function bundleError(error: unknown, realRoot: string, relEntry: string): GraderError {
  const diagnostics = (error as { errors?: Diagnostic[] }).errors;
  if (!Array.isArray(diagnostics) || diagnostics.length === 0) {
    return new GraderError('E_SUBMISSION_LOAD', `could not transpile ${relEntry}`, { cause: error });
  }
  return toGraderError(
    diagnostics.map((d) => {
      const file = d.id && !d.id.startsWith('\0') ? path.relative(realRoot, d.id) : relEntry;
      // Only a submission's own file is quoted.
      const inside = !file.startsWith('..') && !path.isAbsolute(file);
      return { d, file, source: d.loc && inside ? readOrNothing(path.join(realRoot, file)) : undefined };
    }),
  );
}

function toGraderError(items: Array<{ d: Diagnostic; file: string; source?: string }>): GraderError {
  const [first, ...rest] = items;
  const location: ErrorLocation = first.d.loc
    ? { file: first.file, line: first.d.loc.line, column: first.d.loc.column + 1 }
    : { file: first.file };
  const details = rest
    .slice(0, 4)
    .map(({ d, file, source }) => `${file}${d.loc ? `:${d.loc.line}` : ''}: ${describe(d, source)}`);
  return new GraderError(codeOf(first.d), describe(first.d, first.source), { location, details });
}

function codeOf(d: Diagnostic): ErrorCode {
  return d.plugin === PLUGIN_NAME || IMPORT_CODES.has(d.code ?? '') ? 'E_SUBMISSION_IMPORT' : 'E_SUBMISSION_SYNTAX';
}

function describe(d: Diagnostic, source: string | undefined): string {
  const headline = d.message
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')[0]
    .replace(/^\[[A-Z_]+\]\s*/, '')
    .replace(/^\[plugin [^\]]*\]\s*/, '');
  const text = d.loc && source !== undefined ? source.split(/\r?\n/)[d.loc.line - 1]?.trim() : undefined;
  if (!text) return headline;
  return `${headline} — ${text.length > MAX_LINE_SHOWN ? `${text.slice(0, MAX_LINE_SHOWN)}…` : text}`;
}

function readOrNothing(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
