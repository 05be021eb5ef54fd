/**
 * Makes a class of distinct submissions for the benchmark: mostly correct
 * engines, some with one of the common bugs, each with its own comment and
 * spacing so no two files are byte-for-byte the same.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const engine = readFileSync(path.join(root, 'solutions/engine.ts'), 'utf8');
const manual = readFileSync(path.join(root, 'solutions/manual.ts'), 'utf8');

/** Text edits that turn the reference into a typical buggy submission. */
const BUGS: Array<[string, string]> = [
  ['this.grad += out.grad;\n      o.grad += out.grad;', 'this.grad = out.grad;\n      o.grad = out.grad;'],
  ['this.grad += o.data * out.grad;', 'this.grad += this.data * out.grad;'],
  ['this.grad += (1 - t * t) * out.grad;', 'this.grad += (1 - this.data * this.data) * out.grad;'],
  [
    'this.grad += out.grad;\n      o.grad += out.grad;',
    'this.grad += 0.5 * out.grad;\n      o.grad += 0.5 * out.grad;',
  ],
];

export function variantOf(i: number): { engine: string; bug: number } {
  const bug = i % 5 === 4 ? ((i / 5) % BUGS.length) | 0 : -1;
  let text = bug >= 0 ? engine.replace(BUGS[bug][0], BUGS[bug][1]) : engine;
  text = `// submission ${i}\n${text}${' '.repeat(i % 7)}\n`;
  return { engine: text, bug };
}

export function generateClass(dir: string, count: number): string[] {
  const folders: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `student-${String(i).padStart(4, '0')}`);
    mkdirSync(path.join(folder, 'exercises'), { recursive: true });
    writeFileSync(path.join(folder, 'exercises/engine.ts'), variantOf(i).engine);
    writeFileSync(path.join(folder, 'exercises/manual.ts'), manual);
    folders.push(folder);
  }
  return folders;
}
