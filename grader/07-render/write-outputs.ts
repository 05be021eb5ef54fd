/**
 * Writes reporter output into the output folder. Each file is written to a
 * temporary name and renamed, so a killed run never leaves a half file.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GraderError } from '../errors.ts';
import type { Results } from '../results/types.ts';
import type { OutputFile, RenderContext } from './reporter.ts';
import { reporters } from './registry.ts';

export function writeFileAtomic(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

export async function renderAll(results: Results, names: string[], context: RenderContext): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const name of names) {
    const reporter = reporters[name];
    if (!reporter) throw new GraderError('E_USAGE', `unknown reporter '${name}' (known: ${Object.keys(reporters).join(', ')})`);
    files.push(...(await reporter.render(results, context)));
  }
  return files;
}

export async function writeOutputs(outDir: string, results: Results, names: string[], context: RenderContext): Promise<string[]> {
  const files = await renderAll(results, names, context);
  const root = path.resolve(outDir);
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new GraderError('E_INTERNAL', `refusing to write outside the output folder: ${file.path}`);
    writeFileAtomic(target, file.content);
  }
  return files.map((f) => f.path);
}
