/**
 * The shape of grader/: no import cycle (type-only imports count: a cycle of
 * types still ties files together), no file imports a later layer of
 * tools/layers.js, every file has a layer, and no step names another step's
 * files in a string. `npm run lint` runs the same check; this test also
 * proves the check can fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  backwardEdges,
  cycles,
  importGraph,
  layerOf,
  pathStringReaches,
  unplaced,
  type ImportGraph,
} from '../../../tools/import-graph.ts';
import { LAYERS } from '../../../tools/layers.js';

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

  it('has no edge from a layer to a later one', () => {
    expect(backwardEdges(graph)).toEqual([]);
  });

  it('gives every file a layer', () => {
    expect(unplaced(graph)).toEqual([]);
  });

  it('has no string in a step that names another step', () => {
    const reaches = [...graph.keys()].flatMap((f) => pathStringReaches(f, readFileSync(path.join(root, f), 'utf8')));
    expect(reaches).toEqual([]);
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

  it('finds a file in no layer, and places a file by its most specific path', () => {
    expect(unplaced(made)).toEqual(['grader/a.ts', 'grader/b.ts', 'grader/c.ts', 'grader/d.ts']);
    expect(layerOf('grader/config/types.ts')).toBeLessThan(layerOf('grader/cases/case-list.ts')!);
    expect(layerOf('grader/config/rules.ts')).toBeGreaterThan(layerOf('grader/cases/case-list.ts')!);
  });

  it('finds the results model importing a later step', () => {
    const upward: ImportGraph = new Map([['grader/results/types.ts', ['grader/04-compare/compare.ts']]]);
    expect(backwardEdges(upward)).toEqual(['grader/results/types.ts -> grader/04-compare/compare.ts']);
  });

  it("finds a path string into another step, and lets imports and a step's own folder be", () => {
    const text = [
      "import { a } from '../01-discover/a.ts';",
      "const own = packagePath('grader', '02-load', 'shims');",
      "const other = packagePath('grader', '03-sandbox', 'shims');",
      "const load = () => import('../03-sandbox/sandbox.ts');",
    ].join('\n');
    expect(pathStringReaches('grader/02-load/x.ts', text)).toEqual([
      "grader/02-load/x.ts: '03-sandbox' names 03-sandbox",
    ]);
    expect(pathStringReaches('grader/cache/key.ts', "new Set(['07-render'])")).toEqual([]);
  });
});

type Zone = { target: string; from: string | string[]; except?: string[] };
// Plain JavaScript with no types of its own, so read as data.
const { default: eslintConfig } = (await import(new URL('../../../eslint.config.js', import.meta.url).href)) as {
  default: Array<{ rules?: Record<string, unknown> }>;
};

describe('ESLint', () => {
  const zones = eslintConfig.flatMap((c) => {
    const rule = (c.rules?.['import-x/no-restricted-paths'] ?? []) as [string, { zones: Zone[] }?];
    return rule[1]?.zones ?? [];
  });

  it('forbids every layer of tools/layers.js to import each later one', () => {
    LAYERS.forEach((layer, i) => {
      for (const target of layer.paths) {
        const forbidden = zones.filter((z) => z.target === `./${target}`).flatMap((z) => [z.from].flat());
        for (const later of LAYERS.slice(i + 1).flatMap((l) => l.paths))
          expect(forbidden, target).toContain(`./${later}`);
      }
    });
  });

  it('still lets the cases read the config types inside the later config folder', () => {
    const zone = zones.find((z) => z.target === './grader/cases' && z.from === './grader/config');
    expect(zone?.except).toEqual(['./types.ts']);
  });
});
