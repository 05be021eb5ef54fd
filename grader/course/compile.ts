/**
 * Type-checks the course's TypeScript as a student will meet it: the stubs,
 * the reference solutions and the public tests with their support code, under
 * the same strict options as the released tsconfig.json. A stub that does not
 * compile is the worst possible first impression, so `grader check` refuses it.
 *
 * Uses the compiler API rather than spawning tsc: no temporary tsconfig, and
 * diagnostics arrive as data, with file and line.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';

export interface CompileDiagnostic {
  /** Relative to the course root. */
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** The folders whose .ts files are checked together, as one program. */
export const COMPILED_DIRS = ['exercises', 'solutions', 'tests/public', 'tests/support'];

export async function compileCourse(root: string): Promise<CompileDiagnostic[]> {
  const patterns = COMPILED_DIRS.filter((dir) => existsSync(join(root, dir))).map((dir) => `${dir}/**/*.ts`);
  const files = (await glob(patterns, { cwd: root, absolute: true })).sort();
  if (files.length === 0) return [];

  // Loaded on demand: the compiler is large, and only `check` needs it.
  const ts = (await import('typescript')).default;
  const options: import('typescript').CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    isolatedModules: true,
    allowImportingTsExtensions: true,
    forceConsistentCasingInFileNames: true,
  };
  const program = ts.createProgram({ rootNames: files, options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0];
    if (!diagnostic.file || diagnostic.start === undefined) return { file: '(compiler options)', message };
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return {
      file: relative(root, diagnostic.file.fileName).split('\\').join('/'),
      line: line + 1,
      column: character + 1,
      message,
    };
  });
}
