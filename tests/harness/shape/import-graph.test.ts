/**
 * The shape of grader/: no import cycle (type-only imports count: a cycle of
 * types still ties files together), and no pipeline step imports a later one.
 * `npm run lint` runs the same check; this test also proves the check can fail.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backwardEdges, cycles, importGraph, type ImportGraph } from '../../../tools/import-graph.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('import graph of grader/', () => {
  const graph = importGraph(root);

  it('reads the real tree, type-only imports included', () => {
    expect(graph.get('grader/03-sandbox/host/protocol.ts')).toContain('grader/03-sandbox/sandbox-types.ts');
    expect(graph.size).toBeGreaterThan(80);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no edge from a pipeline step to a later one', () => {
    expect(backwardEdges(graph)).toEqual([]);
  });
});

describe('the check itself', () => {
  const made: ImportGraph = new Map([
    ['grader/a.ts', ['grader/b.ts']],
    ['grader/b.ts', ['grader/c.ts']],
    ['grader/c.ts', ['grader/a.ts']],
    ['grader/d.ts', ['grader/d.ts']],
    ['grader/01-discover/x.ts', ['grader/02-load/y.ts']],
    ['grader/02-load/y.ts', ['grader/01-discover/z.ts']],
    ['grader/01-discover/z.ts', []],
  ]);

  it('finds a cycle of three files and a file that imports itself', () => {
    expect(cycles(made)).toEqual([['grader/a.ts', 'grader/b.ts', 'grader/c.ts'], ['grader/d.ts']]);
  });

  it('finds a step that reaches forward, and allows one that reaches back', () => {
    expect(backwardEdges(made)).toEqual(['grader/01-discover/x.ts -> grader/02-load/y.ts']);
  });
});
