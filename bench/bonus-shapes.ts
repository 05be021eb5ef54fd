/**
 * Two classes that differ only in how they leave the bonus alone: one keeps
 * the stub's bonus methods (each throws NotAttempted), the other has no bonus
 * methods at all, as a student's own rewrite often has. Optional work must
 * cost the same either way, so the benchmark grades both and prints both.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover } from '../grader/01-discover/discover.ts';
import { gradeAll } from '../grader/grade.ts';
import type { GradingConfig } from '../grader/config/types.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const BONUS = /\n {2}\/\/ ---- bonus ops[\s\S]*?(?=\n {2}\/\/ ---- backprop)/;

/** The reference engine with the stub's bonus section, or with none. */
function engineOf(shape: 'stub-bonus' | 'no-bonus'): string {
  const solution = read('solutions/engine.ts');
  if (shape === 'no-bonus') return solution.replace(BONUS, '\n');
  const stub = read('exercises/engine.ts');
  const helper = stub.slice(stub.indexOf('/** Bonus ops you have not tried yet'));
  return `${solution.replace(BONUS, stub.match(BONUS)![0])}\n${helper}`;
}

function writeClass(dir: string, shape: 'stub-bonus' | 'no-bonus', count: number): void {
  const engine = engineOf(shape);
  const manual = read('solutions/manual.ts').replace(/\n\/\*\*\n \* Bonus[\s\S]*$/, '\n');
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `${shape}-${String(i).padStart(4, '0')}`, 'exercises');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'engine.ts'), `// ${shape} ${i}\n${engine}`);
    writeFileSync(path.join(folder, 'manual.ts'), `// ${shape} ${i}\n${manual}`);
  }
}

/** Submissions per second for each shape, graded without the cache; alternated so load on the machine hits both alike. */
export async function bonusShapeThroughput(
  work: string,
  config: GradingConfig,
  count: number,
): Promise<Record<'stub-bonus' | 'no-bonus', number>> {
  const shapes = ['stub-bonus', 'no-bonus'] as const;
  const ms = { 'stub-bonus': 0, 'no-bonus': 0 };
  const full = { 'stub-bonus': true, 'no-bonus': true };
  for (const shape of shapes) writeClass(path.join(work, shape), shape, count);
  for (const round of [0, 1])
    for (const shape of round === 0 ? shapes : [...shapes].reverse()) {
      const { submissions } = discover([path.join(work, shape)]);
      const started = performance.now();
      const results = await gradeAll(submissions, config);
      ms[shape] += performance.now() - started;
      full[shape] &&= results.every((r) => r.score === r.maxScore);
    }
  for (const shape of shapes) if (!full[shape]) throw new Error(`bench: the ${shape} class did not get full marks`);
  return { 'stub-bonus': (2 * count * 1000) / ms['stub-bonus'], 'no-bonus': (2 * count * 1000) / ms['no-bonus'] };
}
