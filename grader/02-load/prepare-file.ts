/**
 * Turns one student file (and the local files it imports) into code for the
 * sandbox, with oxc: the transformer Vitest (through Vite 8) applies to the
 * same file on the student's machine. A file that imports nothing is
 * transpiled in this process and stays an ES module, as it is there. A file
 * that imports others is bundled by rolldown (oxc's bundler) into one
 * strict-mode script, and only the submission's own files may be imported
 * (./stay-inside.ts). The bundler loads on first use: a class of single
 * files, or `grader ci` on one, never pays for loading it.
 */
import '../rust-threads.ts';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { GraderError } from '../errors.ts';
import { readCode, stayInside, type CodeFile } from './stay-inside.ts';
import { bundleError, transformError } from './transpile-error.ts';
import { TARGET, transpile } from './transpile-thread.ts';

export interface PreparedFile {
  /** Path of the entry file relative to the submission root. */
  file: string;
  code: string;
  /**
   * `module`: an ES module that imports nothing; its exports are the module's.
   * `script`: a strict-mode script that assigns the exports to a global.
   */
  format: 'module' | 'script';
}

/**
 * Words without which a file cannot load another module (or use CommonJS's
 * `module.exports`, which the bundler understands). Most submissions are one
 * file per exercise: for those a transform in this process does the work of a
 * bundle at a small fraction of the cost. Anything that merely looks like an
 * import (even in a comment) takes the bundling path, which is always right.
 */
const MAY_IMPORT = /\bimport\b|\brequire\b|\bfrom\s*['"`]|\bmodule\b|\bexports\b|\bexport\s*=/;
/** A re-export whose path hides behind a comment passes MAY_IMPORT; oxc prints it as `from "…"`. */
const REEXPORTS = /\bfrom\s*["']/;

/** An ES module's own syntax, at the start of a line (not `import(`, which CommonJS may use too). */
const ESM_SYNTAX = /^[ \t]*(?:import\s*[\w{*'"]|export\b)/m;

/**
 * Whether Node would run the file as CommonJS: by its extension, or, for
 * `.js` and `.ts`, because it has no import or export of an ES module.
 * CommonJS runs in sloppy mode in Node, and so it does here.
 */
export function isCommonJs(file: string, source: string): boolean {
  const ext = path.extname(file);
  if (ext === '.cjs' || ext === '.cts') return true;
  if (ext === '.mjs' || ext === '.mts') return false;
  return !ESM_SYNTAX.test(source) && /\b(?:module\.exports|exports\.|require\s*\()/.test(source);
}

/** `read`: the entry as ./stay-inside.ts's readCode read it already, if it was. */
export async function prepareStudentFile(
  root: string,
  entry: string,
  globalName: string,
  read?: CodeFile,
): Promise<PreparedFile> {
  const realRoot = realpathSync.native(root);
  const relEntry = path.relative(root, entry);
  const source = readEntry(realRoot, path.join(realRoot, relEntry), relEntry, read);
  const lang = /\.[cm]?js$/.test(relEntry) ? 'js' : 'ts';
  if (!MAY_IMPORT.test(source)) {
    const result = await transpile(relEntry, source, realRoot, lang);
    if (result.errors.length > 0) throw transformError(result.errors, relEntry, source);
    if (!REEXPORTS.test(result.code)) return { file: relEntry, code: result.code, format: 'module' };
  }
  try {
    const { rolldown } = await import('rolldown');
    const bundle = await rolldown({
      input: path.join(realRoot, relEntry),
      cwd: realRoot,
      platform: 'neutral',
      tsconfig: false,
      transform: { target: TARGET },
      // Tree shaking would drop code it deems free of effects, such as a
      // top-level `while (true) {}`: student code runs as written.
      treeshake: false,
      logLevel: 'silent',
      plugins: [stayInside(realRoot)],
    });
    try {
      // Strict mode, as an ES module is; CommonJS stays sloppy, as Node runs it.
      const banner = isCommonJs(relEntry, source) ? '' : '"use strict";';
      const { output } = await bundle.generate({ format: 'iife', name: globalName, banner });
      return { file: relEntry, code: output[0].code, format: 'script' };
    } finally {
      await bundle.close();
    }
  } catch (error) {
    throw bundleError(error, realRoot, relEntry);
  }
}

/** The entry's text, if it really lies inside the submission (it may be a symlink) and may be read as code. */
function readEntry(realRoot: string, file: string, relEntry: string, already?: CodeFile): string {
  const read = already ?? readCode(realRoot, file);
  if ('text' in read) return read.text;
  throw new GraderError(read.code, read.refused, {
    location: { file: relEntry, ...(read.line === undefined ? {} : { line: read.line }) },
  });
}
