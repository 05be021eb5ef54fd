/**
 * Turns one student file (and the local files it imports) into code for the
 * sandbox. A file that imports nothing is transpiled by oxc, in this process:
 * the same transformer Vitest (through Vite 8) applies to the file on the
 * student's machine, and the file stays an ES module, as it is there. A file
 * that imports others is bundled by esbuild, with a plugin that refuses every
 * import that is not a file of the submission itself, so student code cannot
 * pull in Node's modules, packages, the solutions or the hidden cases.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { transformSync } from 'rolldown/utils';
import { GraderError } from '../errors.ts';

const ALLOWED_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.mts', '.json']);

export interface Bundle {
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
const MAY_IMPORT = /\bimport\b|\brequire\b|\bfrom\s*['"`]|\bmodule\b|\bexports\b/;

// Student code runs in strict mode on both paths, as ES modules do under Vitest.
const OPTIONS = { format: 'iife', platform: 'neutral', target: 'es2022', logLevel: 'silent', banner: { js: '"use strict";' } } as const;

export async function bundleStudentFile(root: string, entry: string, globalName: string): Promise<Bundle> {
  const realRoot = realpathSync.native(root);
  const relEntry = path.relative(root, entry);
  const source = readEntry(realRoot, path.join(realRoot, relEntry), relEntry);
  if (!MAY_IMPORT.test(source)) {
    // The student's own tsconfig is ignored here too: it could point outside the submission.
    const result = transformSync(relEntry, source, { lang: 'ts', sourceType: 'module', target: 'es2022', tsconfig: false, cwd: realRoot });
    if (result.errors.length > 0) throw transformError(result.errors as OxcError[], relEntry, source);
    return { file: relEntry, code: result.code, format: 'module' };
  }
  let result: esbuild.BuildResult<{ write: false }>;
  try {
    result = await esbuild.build({
      entryPoints: [path.join(realRoot, relEntry)],
      absWorkingDir: realRoot,
      ...OPTIONS,
      bundle: true,
      write: false,
      globalName,
      // The student's own tsconfig is ignored: it could point outside the submission.
      tsconfigRaw: {},
      plugins: [stayInside(realRoot)],
    });
  } catch (error) {
    throw toGraderError(error, relEntry);
  }
  return { file: relEntry, code: result.outputFiles[0].text, format: 'script' };
}

/** The entry's text, if it really lies inside the submission (it may be a symlink). */
function readEntry(realRoot: string, file: string, relEntry: string): string {
  const problem = refusal(realRoot, file);
  if (problem) throw new GraderError('E_SUBMISSION_IMPORT', problem, { location: { file: relEntry } });
  return readFileSync(file, 'utf8');
}

/** Why a file may not be part of a submission's bundle, if it may not. */
function refusal(realRoot: string, file: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return `cannot read ${path.basename(file)}`;
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return `'${path.basename(file)}' lies outside the submission and cannot be imported`;
  if (!ALLOWED_EXTENSIONS.has(path.extname(real))) return `files of type '${path.extname(real)}' cannot be imported`;
  return undefined;
}

function stayInside(realRoot: string): esbuild.Plugin {
  return {
    name: 'stay-inside-submission',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (!args.path.startsWith('./') && !args.path.startsWith('../')) {
          return { errors: [{ text: `only your own files can be imported here, not '${args.path}'` }] };
        }
        return undefined;
      });
      build.onLoad({ filter: /.*/ }, (args) => {
        const problem = refusal(realRoot, args.path);
        return problem ? { errors: [{ text: problem }] } : undefined;
      });
    },
  };
}

interface OxcError extends Error {
  loc?: { line: number; column: number };
}

/**
 * oxc's message is `[KIND] headline` plus a code frame drawn for a terminal;
 * a grader message is one line, so it is the headline and the line it is about.
 */
function transformError(errors: OxcError[], relEntry: string, source: string): GraderError {
  const lines = source.split(/\r?\n/);
  const describe = (e: OxcError) => {
    const headline = e.message.replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0].replace(/^\[[A-Z_]+\]\s*/, '');
    const text = e.loc ? lines[e.loc.line - 1]?.trim() : undefined;
    return text ? `${headline} — ${text.length > MAX_LINE_SHOWN ? `${text.slice(0, MAX_LINE_SHOWN)}…` : text}` : headline;
  };
  const [first, ...rest] = errors;
  const location = first.loc ? { file: relEntry, line: first.loc.line, column: first.loc.column + 1 } : { file: relEntry };
  const details = rest.slice(0, 4).map((e) => `${e.loc ? `${relEntry}:${e.loc.line}: ` : ''}${describe(e)}`);
  return new GraderError('E_SUBMISSION_SYNTAX', describe(first), { location, details });
}

const MAX_LINE_SHOWN = 120;

function toGraderError(error: unknown, relEntry: string): GraderError {
  const failure = error as Partial<esbuild.BuildFailure>;
  const first = failure.errors?.[0];
  if (!first) return new GraderError('E_SUBMISSION_LOAD', `could not transpile ${relEntry}`, { cause: error });
  const location = first.location
    ? { file: first.location.file, line: first.location.line, column: first.location.column + 1 }
    : { file: relEntry };
  const isImport = first.pluginName === 'stay-inside-submission' || /Could not resolve/.test(first.text);
  const code = isImport ? 'E_SUBMISSION_IMPORT' : 'E_SUBMISSION_SYNTAX';
  const details = (failure.errors ?? []).slice(1, 5).map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`);
  return new GraderError(code, first.text, { location, details });
}
