/**
 * Turns one student file (and the local files it imports) into a single
 * script for the sandbox. esbuild transpiles the TypeScript; a plugin refuses
 * every import that is not a file of the submission itself, so student code
 * cannot pull in Node's modules, packages, the solutions or the hidden cases.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { GraderError } from '../errors.ts';

const ALLOWED_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.mts', '.json']);

export interface Bundle {
  /** Path of the entry file relative to the submission root. */
  file: string;
  code: string;
}

/**
 * Words without which a file cannot load another module. Most submissions
 * are one file per exercise: for those a single transform does the work of a
 * bundle at about half the cost. Anything that merely looks like an import
 * (even in a comment) takes the bundling path, which is always right.
 */
const MAY_IMPORT = /\bimport\b|\brequire\b|\bfrom\s*['"`]/;

const OPTIONS = { format: 'iife', platform: 'neutral', target: 'es2022', logLevel: 'silent' } as const;

export async function bundleStudentFile(root: string, entry: string, globalName: string): Promise<Bundle> {
  const realRoot = realpathSync.native(root);
  const relEntry = path.relative(root, entry);
  const source = readEntry(realRoot, path.join(realRoot, relEntry), relEntry);
  if (!MAY_IMPORT.test(source)) {
    try {
      const result = await esbuild.transform(source, { ...OPTIONS, globalName, loader: 'ts', sourcefile: relEntry, tsconfigRaw: {} });
      return { file: relEntry, code: result.code };
    } catch (error) {
      throw toGraderError(error, relEntry);
    }
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
  return { file: relEntry, code: result.outputFiles[0].text };
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
