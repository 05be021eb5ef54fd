/**
 * The grader's import graph, type-only imports included. ESLint's `no-cycle`
 * skips `import type`, but a type-only cycle still ties two files into one
 * unit that cannot be read, moved or tested apart, so this check counts it.
 * It also holds every folder to its layer (tools/layers.js): no file imports
 * a later layer, every file belongs to one, and no pipeline step names another
 * step's files in a string, where an import would have been seen.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { globSync } from 'tinyglobby';
import { LAYERS, type Layer } from './layers.js';

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

/** The index of the layer `file` belongs to: its most specific path; undefined when none holds it. */
export function layerOf(file: string, layers: Layer[] = LAYERS): number | undefined {
  let best: { index: number; length: number } | undefined;
  layers.forEach((layer, index) => {
    for (const p of layer.paths) {
      const holds = file === p || file.startsWith(`${p}/`);
      if (holds && (!best || p.length > best.length)) best = { index, length: p.length };
    }
  });
  return best?.index;
}

/** Edges from a file to one in a later layer, as `from -> to`. */
export function backwardEdges(graph: ImportGraph, layers: Layer[] = LAYERS): string[] {
  const edges: string[] = [];
  for (const [from, targets] of graph) {
    const own = layerOf(from, layers);
    if (own === undefined) continue;
    for (const to of targets) {
      const theirs = layerOf(to, layers);
      if (theirs !== undefined && theirs > own) edges.push(`${from} -> ${to}`);
    }
  }
  return edges;
}

/** Files of the graph that no layer holds: a new folder must take its place in the table. */
export function unplaced(graph: ImportGraph, layers: Layer[] = LAYERS): string[] {
  return [...graph.keys()].filter((file) => layerOf(file, layers) === undefined);
}

/** Whether a string literal is a module specifier (an import, an export, `import()`, `import('…')` in a type). */
function isSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return parent.moduleSpecifier === node;
  if (ts.isCallExpression(parent)) return parent.expression.kind === ts.SyntaxKind.ImportKeyword;
  return ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent);
}

/**
 * Strings in a pipeline step's file that name another step's folder: a path
 * built by hand to reach its files, which no import shows. `file` is relative
 * to the package root; files outside the steps are not checked.
 */
export function pathStringReaches(file: string, text: string, layers: Layer[] = LAYERS): string[] {
  const own = layerOf(file, layers);
  if (own === undefined || !layers[own].step) return [];
  const others = layers
    .filter((layer, index) => layer.step && index !== own)
    .flatMap((layer) => layer.paths.map((p) => p.slice(p.lastIndexOf('/') + 1)));
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isSpecifier(node)) {
      const named = others.find((folder) => node.text.split(/[\\/]/).includes(folder));
      if (named) found.push(`${file}: '${node.text}' names ${named}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return found;
}

/** `tsx tools/import-graph.ts`: prints what is wrong and fails, or prints nothing. */
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const root = process.cwd();
  const graph = importGraph(root);
  const problems = [
    ...cycles(graph).map((c) => `import cycle: ${c.join(' <-> ')}`),
    ...backwardEdges(graph).map((e) => `import from a later layer (tools/layers.js): ${e}`),
    ...unplaced(graph).map((f) => `no layer holds ${f}: add its folder to tools/layers.js`),
    ...[...graph.keys()].flatMap((f) =>
      pathStringReaches(f, readFileSync(join(root, f), 'utf8')).map((r) => `path string across steps: ${r}`),
    ),
  ];
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
}
