/**
 * The grader's import graph, type-only imports included. ESLint's `no-cycle`
 * skips `import type`, but a type-only cycle still ties two files into one
 * unit that cannot be read, moved or tested apart, so this check counts it.
 * It also holds the pipeline to reading top-down: no step imports a later one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { globSync } from 'tinyglobby';

export type ImportGraph = Map<string, string[]>;

/** Every `.ts` file under `dir` (relative to `root`) with the files of `dir` it imports. */
export function importGraph(root: string, dir = 'grader'): ImportGraph {
  const files = globSync(`${dir}/**/*.ts`, { cwd: root }).sort();
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = importedFiles
      .map((ref) => ref.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(root, resolve(root, dirname(file), spec)))
      .filter((target) => known.has(target));
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
export function cycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const stepOf = (file: string): number | undefined => {
  const match = /(?:^|\/)0(\d)-[a-z]+\//.exec(file);
  return match ? Number(match[1]) : undefined;
};

/** Edges from a pipeline step (`grader/0N-…`) to a later one, as `from -> to`. */
export function backwardEdges(graph: ImportGraph): string[] {
  const edges: string[] = [];
  for (const [from, targets] of graph) {
    const own = stepOf(from);
    if (own === undefined) continue;
    for (const to of targets) {
      const theirs = stepOf(to);
      if (theirs !== undefined && theirs > own) edges.push(`${from} -> ${to}`);
    }
  }
  return edges;
}

/** `tsx tools/import-graph.ts`: prints what is wrong and fails, or prints nothing. */
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const graph = importGraph(process.cwd());
  const problems = [
    ...cycles(graph).map((c) => `import cycle: ${c.join(' <-> ')}`),
    ...backwardEdges(graph).map((e) => `pipeline step imports a later step: ${e}`),
  ];
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
}
