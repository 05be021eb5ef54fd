/**
 * The classes `npm run bench` grades side by side.
 *   - `today`: the original bench class (./generate.ts), four in five correct,
 *     every one with the reference's bonus ops.
 *   - `realistic`: what a real class hands in. About a quarter are correct;
 *     the rest are spread over the common mistakes (the contract's
 *     misconception ids, one or two per submission). Most have no bonus ops:
 *     half keep the stub's `notAttempted` bodies, a quarter deleted them, a
 *     quarter wrote them.
 * Every file differs (a comment and trailing spaces), so nothing is shared
 * between submissions by accident.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClass } from './generate.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const ADD = 'this.grad += out.grad;\n      o.grad += out.grad;';
const MUL = 'this.grad += o.data * out.grad;\n      o.grad += this.data * out.grad;';
const TANH = 'this.grad += (1 - t * t) * out.grad;';

/**
 * The released stub (exercises/engine.ts, what `grader release` hands out)
 * with its three TODO blocks written, as a student writes them; everything
 * else (backward(), the bonus ops' `notAttempted` bodies) stays as the stub has it.
 */
function writtenStub(): string {
  let text = read('exercises/engine.ts');
  for (const [rule, body] of [
    ['add', ADD],
    ['mul', MUL],
    ['tanh', TANH],
  ]) {
    const todo = new RegExp(`// TODO\\(${rule}\\)[^]*?todo\\('${rule}'\\);`);
    if (!todo.test(text)) throw new Error(`the stub has no TODO block for ${rule}`);
    text = text.replace(todo, body);
  }
  return text;
}

const STUB = writtenStub();
const MANUAL = read('fixtures/submissions/correct-no-bonus/exercises/manual.ts');
const REFERENCE = read('solutions/engine.ts');
const ORDER = 'for (let i = topo.length - 1; i >= 0; i--) topo[i]._backward();';
const SEED = 'this.grad = 1;\n    for';
const WRAP = 'add(other: Value | number): Value {\n    const o = asValue(other);';

/** Each common mistake as text edits of the stub, by misconception id. */
const MISTAKES: Record<string, Array<[string, string]>> = {
  'overwrite-instead-of-accumulate': [[ADD, 'this.grad = out.grad;\n      o.grad = out.grad;']],
  'mul-uses-own-value': [[MUL, 'this.grad += this.data * out.grad;\n      o.grad += o.data * out.grad;']],
  'missing-upstream-grad': [[MUL, 'this.grad += o.data;\n      o.grad += this.data;']],
  'tanh-uses-input': [[TANH, 'this.grad += (1 - this.data * this.data) * out.grad;']],
  'tanh-missing-square': [[TANH, 'this.grad += (1 - t) * out.grad;']],
  'add-splits-gradient': [[ADD, 'this.grad += 0.5 * out.grad;\n      o.grad += 0.5 * out.grad;']],
  'no-topological-order': [[ORDER, 'for (let i = 0; i < topo.length; i++) topo[i]._backward();']],
  'backward-not-seeded': [[SEED, 'for']],
  'number-operand-not-wrapped': [[WRAP, 'add(other: Value | number): Value {\n    const o = other as Value;']],
};
const IDS = Object.keys(MISTAKES);
/** Submissions with two mistakes at once, as real ones often have. */
const COMBOS: string[][] = [
  ['overwrite-instead-of-accumulate', 'mul-uses-own-value'],
  ['missing-upstream-grad', 'tanh-missing-square'],
];

const BONUS_START = '  // ---- bonus ops';
const BONUS_END = '  // ---- backpropagation';

function bonusBlock(text: string): string {
  return text.slice(text.indexOf(BONUS_START), text.indexOf(BONUS_END));
}

/** The i-th submission's mistakes: none for a quarter, else one id or a combo in turn. */
export function mistakesOf(i: number): string[] {
  if (i % 4 === 0) return [];
  const k = i - Math.floor(i / 4) - 1;
  const turn = k % (IDS.length + COMBOS.length);
  return turn < IDS.length ? [IDS[turn]] : COMBOS[turn - IDS.length];
}

/** The i-th submission's bonus ops: the stub's for half, deleted for a quarter, written for a quarter. */
export function bonusOf(i: number): 'not-attempted' | 'deleted' | 'written' {
  const k = Math.floor(i / 4) % 4;
  return k < 2 ? 'not-attempted' : k === 2 ? 'deleted' : 'written';
}

export function realisticEngine(i: number): string {
  let text = STUB;
  for (const id of mistakesOf(i))
    for (const [from, to] of MISTAKES[id]) {
      if (!text.includes(from)) throw new Error(`the ${id} edit no longer applies to the stub`);
      text = text.replace(from, to);
    }
  const bonus = bonusOf(i);
  if (bonus !== 'not-attempted')
    text = text.replace(bonusBlock(text), bonus === 'written' ? bonusBlock(REFERENCE) : '');
  return `// submission ${i}\n${text}${' '.repeat(i % 7)}\n`;
}

export function generateRealisticClass(dir: string, count: number): string[] {
  const folders: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `student-${String(i).padStart(4, '0')}`);
    mkdirSync(path.join(folder, 'exercises'), { recursive: true });
    writeFileSync(path.join(folder, 'exercises/engine.ts'), realisticEngine(i));
    writeFileSync(path.join(folder, 'exercises/manual.ts'), MANUAL);
    folders.push(folder);
  }
  return folders;
}

export interface Mix {
  name: string;
  describe: string;
  generate: (dir: string, count: number) => string[];
}

export const MIXES: Mix[] = [
  { name: 'today', describe: '4 in 5 correct, all with bonus ops', generate: generateClass },
  {
    name: 'realistic',
    describe: '1 in 4 correct, the rest over the common mistakes; 3 in 4 without bonus ops',
    generate: generateRealisticClass,
  },
];
