/**
 * Writes reporter output into the output folder, each file atomically.
 */
import path from 'node:path';
import { GraderError } from '../errors.ts';
import { closest } from '../suggest.ts';
import { writeFileAtomic } from '../write-atomic.ts';
import type { Results } from '../results/types.ts';
import type { OutputFile, RenderContext } from './reporter.ts';
import { isReporterName, REPORTER_NAMES, reporters, type ReporterName } from './registry.ts';

/** Fails on an unknown reporter name, naming the one it probably meant; cheap enough to call before grading. */
export function checkReporterNames(names: string[]): ReporterName[] {
  for (const name of names) {
    if (isReporterName(name)) continue;
    const guess = closest(name, REPORTER_NAMES);
    throw new GraderError(
      'E_USAGE',
      `unknown reporter '${name}'${guess ? `: did you mean '${guess}'?` : ''} (known: ${REPORTER_NAMES.join(', ')})`,
    );
  }
  return names as ReporterName[];
}

export async function renderAll(results: Results, requested: string[], context: RenderContext): Promise<OutputFile[]> {
  const names = checkReporterNames(requested);
  const files: OutputFile[] = [];
  for (const name of names) files.push(...(await reporters[name].render(results, context)));
  return files;
}

export interface WriteOptions {
  /** Write only these submissions' own files, plus every class-wide file (`grade --only`). */
  only?: Set<string>;
}

/** Paths that belong to submissions other than `only`: left as they are on disk. */
function othersFiles(results: Results, names: ReporterName[], only: Set<string>): Set<string> {
  const skip = new Set<string>();
  for (const s of results.submissions) {
    if (only.has(s.id)) continue;
    for (const name of names) for (const file of reporters[name].filesOf?.(s.id) ?? []) skip.add(file);
  }
  return skip;
}

export async function writeOutputs(
  outDir: string,
  results: Results,
  names: string[],
  context: RenderContext,
  options: WriteOptions = {},
): Promise<string[]> {
  const rendered = await renderAll(results, names, context);
  const skip = options.only ? othersFiles(results, checkReporterNames(names), options.only) : new Set<string>();
  const files = rendered.filter((f) => !skip.has(f.path));
  const root = path.resolve(outDir);
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep))
      throw new GraderError('E_INTERNAL', `refusing to write outside the output folder: ${file.path}`);
    writeFileAtomic(target, file.content);
  }
  return files.map((f) => f.path);
}
