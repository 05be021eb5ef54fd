/**
 * The progress line at the end of `npm test`: one mark per exercise of the
 * released assignment, in the order of the README, and where to go next.
 *
 *   Progress  manual ✓ add ✓ mul ✓ accumulate ✓ tanh ✗ neuron ✗
 *             (next: exercises/engine.ts:63, the backward rule of tanh; hint 5 in HINTS.md)
 *
 * It runs beside vitest's own reporter, not instead of it. In watch mode it
 * remembers the exercises a re-run did not touch, so the line stays whole.
 * It is plain text, without colour, when CI or NO_COLOR is set or the output
 * is not a terminal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { notWritten, type NotWritten } from './not-written';

/** One exercise as the release lists it in vitest.config.ts. */
export interface ProgressExercise {
  id: string;
  title: string;
  kind: 'required' | 'bonus';
  /** The file the student edits, e.g. `exercises/engine.ts`. */
  file: string;
  /** Its public test file, e.g. `tests/public/tanh.test.ts`. */
  test: string;
  /** Its number in the README and HINTS.md. */
  number: number;
}

type Mark = 'pass' | 'fail' | 'skip';

interface Seen {
  mark: Mark;
  /** For a failure that only means "not written yet": where it goes. */
  todo?: NotWritten;
}

export default class ProgressReporter implements Reporter {
  private ctx!: Vitest;
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly options: { exercises: ProgressExercise[] }) {}

  onInit(ctx: Vitest): void {
    this.ctx = ctx;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const root = this.ctx.config.root;
    for (const module of testModules) {
      const file = relative(root, module.moduleId).split('\\').join('/');
      const exercise = this.options.exercises.find((e) => e.test === file);
      if (exercise) this.seen.set(exercise.id, judge(module, root));
    }
    const line = this.line();
    if (line) this.ctx.logger.log(line);
  }

  private line(): string | undefined {
    const paint = painter();
    const known = this.options.exercises.filter((e) => this.seen.has(e.id));
    if (known.length === 0) return undefined;
    const mark = (e: ProgressExercise) => {
      const { mark } = this.seen.get(e.id)!;
      return `${e.id} ${mark === 'pass' ? paint.green('✓') : mark === 'fail' ? paint.red('✗') : paint.dim('·')}`;
    };
    const required = known.filter((e) => e.kind === 'required');
    const bonus = known.filter((e) => e.kind === 'bonus');
    const marks = [...required.map(mark), ...(bonus.length > 0 ? [paint.dim('bonus:'), ...bonus.map(mark)] : [])];
    // Bonus work is next only once every required exercise passes: optional work never reads as a failure.
    const next =
      required.find((e) => this.seen.get(e.id)!.mark === 'fail') ??
      bonus.find((e) => this.seen.get(e.id)!.mark === 'fail');
    const allRequired = required.length > 0 && required.every((e) => this.seen.get(e.id)!.mark === 'pass');
    const tail = next ? `(next: ${this.describe(next)})` : allRequired ? '(the required work is done)' : '';
    return `\n ${paint.bold('Progress')}  ${marks.join(' ')}${tail ? `\n           ${tail}` : ''}\n`;
  }

  /** `exercises/engine.ts:63, the backward rule of tanh; hint 5 in HINTS.md` */
  private describe(exercise: ProgressExercise): string {
    const todo = this.seen.get(exercise.id)!.todo;
    // Work missing from another file (nn waiting for the student's own engine) is named as itself.
    if (todo && !todo.where.startsWith(exercise.file)) return `${todo.where}, ${todo.what}`;
    const where = todo?.where ?? todoComment(this.ctx.config.root, exercise) ?? exercise.file;
    const what = exercise.title.charAt(0).toLowerCase() + exercise.title.slice(1);
    return `${where}, ${what}; hint ${exercise.number} in HINTS.md`;
  }
}

/** An exercise's mark from its test file: a load error or a failed test fails it. */
function judge(module: TestModule, root: string): Seen {
  const tests = [...module.children.allTests()];
  const errors = [
    ...module.errors(),
    ...tests.flatMap((test) => {
      const result = test.result();
      return result.state === 'failed' ? result.errors : [];
    }),
  ];
  const todo = errors.map((error) => notWritten(error, root)).find((found) => found !== undefined);
  if (module.state() === 'failed' || errors.length > 0) return { mark: 'fail', todo };
  return { mark: tests.some((test) => test.result().state === 'passed') ? 'pass' : 'skip' };
}

/** The line of the stub's `TODO(<exercise>)` comment, while the student has kept it. */
function todoComment(root: string, exercise: ProgressExercise): string | undefined {
  const path = join(root, exercise.file);
  if (!existsSync(path)) return undefined;
  const at = readFileSync(path, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(`TODO(${exercise.id})`));
  return at >= 0 ? `${exercise.file}:${at + 1}` : undefined;
}

function painter() {
  const plain = !!process.env.CI || !!process.env.NO_COLOR || !process.stdout.isTTY;
  const sgr = (open: number, close: number) => (text: string) => (plain ? text : `\x1b[${open}m${text}\x1b[${close}m`);
  return { green: sgr(32, 39), red: sgr(31, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}
