/**
 * A generated class for the scale tests: copies of the correct fixture with
 * small edits, so ids, contents and scores differ from student to student
 * (every fifth has the overwrite bug, every seventh uses 1 - t instead of
 * 1 - t²), plus helpers to compare whole runs with their timings removed.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Results } from '../../../grader/results/types.ts';
import { fixture } from '../integrations/run-cli.ts';

export function engineFile(dir: string, id: string): string {
  return path.join(dir, id, 'exercises', 'engine.ts');
}

/** `count` submission folders in `dir`; returns their ids. */
export function makeClass(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `student-${String(i).padStart(3, '0')}`;
    cpSync(fixture('submissions', 'correct-micrograd-style'), path.join(dir, id), { recursive: true });
    const engine = engineFile(dir, id);
    let source = readFileSync(engine, 'utf8');
    if (i % 5 === 1) source = source.replace('      this.grad += out.grad;', '      this.grad = out.grad;');
    if (i % 7 === 3)
      source = source.replace('this.grad += (1 - t * t) * out.grad;', 'this.grad += (1 - t) * out.grad;');
    writeFileSync(engine, source);
    appendFileSync(engine, `\n// ${id}\n`);
    ids.push(id);
  }
  return ids;
}

/** Every `durationMs` gone and `generatedAt` fixed: what differs between two honest runs. */
export function normalise(results: Results): unknown {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== 'durationMs')
          .map(([k, x]) => [k, walk(x)]),
      );
    return v;
  };
  return walk({ ...results, generatedAt: '<normalised>' });
}

export function readResults(outDir: string): Results {
  return JSON.parse(readFileSync(path.join(outDir, 'results.json'), 'utf8')) as Results;
}
