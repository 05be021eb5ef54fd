/**
 * Turns one student file (and the local files it imports) into a single
 * script for the sandbox. esbuild transpiles the TypeScript; a plugin refuses
 * every import that is not a file of the submission itself, so student code
 * cannot pull in Node's modules, packages, the solutions or the hidden cases.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { GraderError } from '../errors.ts';

const ALLOWED_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.mts', '.json']);

export interface Bundle {
  /** Path of the entry file relative to the submission root. */
  file: string;
  code: string;
}

export async function bundleStudentFile(root: string, entry: string, globalName: string): Promise<Bundle> {
  const realRoot = realpathSync(root);
  const relEntry = path.relative(root, entry);
  let result: esbuild.BuildResult<{ write: false }>;
  try {
    result = await esbuild.build({
      entryPoints: [path.join(realRoot, relEntry)],
      absWorkingDir: realRoot,
      bundle: true,
      write: false,
      format: 'iife',
      globalName,
      platform: 'neutral',
      target: 'es2022',
      logLevel: 'silent',
      // The student's own tsconfig is ignored: it could point outside the submission.
      tsconfigRaw: {},
      plugins: [stayInside(realRoot)],
    });
  } catch (error) {
    throw toGraderError(error, relEntry);
  }
  return { file: relEntry, code: result.outputFiles[0].text };
}

function stayInside(realRoot: string): esbuild.Plugin {
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + path.sep);
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
        let real: string;
        try {
          real = realpathSync(args.path);
        } catch {
          return { errors: [{ text: `cannot read ${path.basename(args.path)}` }] };
        }
        if (!inside(real)) {
          return { errors: [{ text: `'${path.basename(args.path)}' lies outside the submission and cannot be imported` }] };
        }
        if (!ALLOWED_EXTENSIONS.has(path.extname(real))) {
          return { errors: [{ text: `files of type '${path.extname(real)}' cannot be imported` }] };
        }
        return undefined;
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
