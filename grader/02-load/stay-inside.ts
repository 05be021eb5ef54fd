/**
 * What a submission may import: its own files, and nothing else. Not Node's
 * modules, not packages, not the solutions or the hidden cases next door,
 * and not a symlink that leads out of the submission.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'rolldown';
import type { ErrorCode } from '../errors.ts';
import { importMessage } from './blockers.ts';
import { tooDeep } from './nesting-guard.ts';
import { isShim, shimFor } from './shims.ts';

const ALLOWED_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json']);

export const PLUGIN_NAME = 'stay-inside-submission';

/** A file of the submission read as code, or why it may not be: the same checks for the entry and for what it imports. */
export type CodeFile = { text: string } | { refused: string; code: ErrorCode; line?: number };

export function readCode(realRoot: string, file: string): CodeFile {
  const elsewhere = outside(realRoot, file);
  if (elsewhere) return { refused: elsewhere, code: 'E_SUBMISSION_IMPORT' };
  const problem = unfit(file);
  if (problem) return { refused: problem, code: 'E_SUBMISSION_LOAD' };
  const text = readFileSync(file, 'utf8');
  const deep = tooDeep(text);
  return deep ? { refused: deep.message, code: 'E_SUBMISSION_LOAD', line: deep.line } : { text };
}

/** Why a file does not belong to the submission, if it does not. */
function outside(realRoot: string, file: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return `cannot read ${path.basename(file)}`;
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep))
    return `'${path.basename(file)}' lies outside the submission and cannot be imported`;
  if (!ALLOWED_EXTENSIONS.has(path.extname(real))) return `files of type '${path.extname(real)}' cannot be imported`;
  return undefined;
}

/** A student's code file: engine.ts is about 5 KB. The transpiler's stack is sized for this (./transpile-thread.ts). */
export const MAX_CODE_BYTES = 128 * 1024;

/**
 * Why a file of the submission cannot be read as code, if it cannot: not a
 * plain file (a FIFO would block the read for ever), or too large.
 */
function unfit(file: string): string | undefined {
  const stats = statSync(file);
  if (!stats.isFile()) return `'${path.basename(file)}' is not a plain file`;
  const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;
  return stats.size > MAX_CODE_BYTES
    ? `'${path.basename(file)}' is ${kb(stats.size)}, over the ${kb(MAX_CODE_BYTES)} limit for one file of code`
    : undefined;
}

/**
 * A bundler plugin that refuses the rest. A harmless Node built-in resolves
 * to its stand-in (./shims.ts); any other bare specifier is refused before
 * anything resolves it; a relative one is resolved and then checked where it
 * really leads, when the file is loaded.
 */
export function stayInside(realRoot: string): Plugin {
  return {
    name: PLUGIN_NAME,
    resolveId(specifier, importer, options) {
      if (importer === undefined || specifier.startsWith('./') || specifier.startsWith('../')) return null;
      // The stand-in itself, as its CommonJS face (below) requires it.
      if (isShim(specifier)) return specifier;
      const shim = shimFor(specifier);
      // require() gets what Node's require gives: the module's own value, not an ES module namespace.
      if (shim) return options?.kind === 'require-call' ? `${REQUIRED_SHIM}${shim}` : shim;
      return this.error({
        message: importMessage(specifier),
        id: importer,
        loc: importLocation(importer, specifier),
      });
    },
    load(id) {
      if (id.startsWith(REQUIRED_SHIM)) return { code: requiredShim(id.slice(REQUIRED_SHIM.length)) };
      // Bundler-internal modules (its runtime helpers) have ids that start with \0.
      if (id.startsWith('\0')) return null;
      if (isShim(id)) return { code: readFileSync(id, 'utf8') };
      const read = readCode(realRoot, id);
      if ('text' in read) return { code: read.text };
      return read.line === undefined
        ? this.error(read.refused)
        : this.error({ message: read.refused, id, loc: { line: read.line, column: 0 } });
    },
  };
}

/** The id prefix of a stand-in as require() sees it; \0 keeps other plugins and the file system out. */
const REQUIRED_SHIM = '\0gradelab-require:';

/**
 * A stand-in as CommonJS: require('assert') is Node's assert function itself
 * (its default export), with every named export on it as Node has them, and
 * require('util').inspect is util.inspect.
 */
function requiredShim(shim: string): string {
  return `module.exports = require(${JSON.stringify(shim)}).default;`;
}

/** Where `specifier` is written in `importer`, in quotes, as well as it can be found. */
function importLocation(importer: string, specifier: string): { line: number; column: number } | undefined {
  let text: string;
  try {
    text = readFileSync(importer, 'utf8');
  } catch {
    return undefined;
  }
  const offsets = ['"', "'", '`']
    .map((quote) => text.indexOf(`${quote}${specifier}${quote}`))
    .filter((offset) => offset >= 0);
  if (offsets.length === 0) return undefined;
  const before = text.slice(0, Math.min(...offsets)).split('\n');
  return { line: before.length, column: before[before.length - 1].length };
}
