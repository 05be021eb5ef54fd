/**
 * vitest's default reporter, with one change: failures that only mean "not
 * written yet" (a stub's TODO) are listed as one line per unwritten piece of
 * work, with the file and line where it goes, instead of one code frame per
 * failing test. A fresh stub fails dozens of tests for three missing rules,
 * and dozens of frames of the same helper bury the three lines that matter.
 * Every other failure is printed by vitest exactly as usual.
 */
import type { RunnerTask as Task, RunnerTestFile as File } from 'vitest';
import { DefaultReporter } from 'vitest/node';
import { notWritten, type NotWritten } from './not-written';

type Result = NonNullable<Task['result']>;
type Todo = NotWritten & { tests: number; files: number };

export default class ShortTodosReporter extends DefaultReporter {
  /** Tasks set aside from vitest's failure listing, with what to give back before the counts. */
  private setAside: Array<{ result: Result; errors: Result['errors']; state: Result['state'] }> = [];

  override reportSummary(files: File[], errors: unknown[]): void {
    const root = this.ctx.config.root;
    const todos = new Map<string, Todo>();
    for (const task of allTasks(files)) {
      const result = task.result;
      if (!result?.errors || result.errors.length === 0) continue;
      const found = result.errors.map((error) => notWritten(error, root));
      // A task is left to vitest as soon as one of its errors is a real failure.
      if (found.some((todo) => todo === undefined)) continue;
      for (const todo of found as NotWritten[]) {
        const key = `${todo.where} ${todo.what}`;
        const seen = todos.get(key) ?? { ...todo, tests: 0, files: 0 };
        // A test file that fails to load (nn without its engine) counts as a file, not a test.
        if (task.type === 'test') seen.tests++;
        else seen.files++;
        todos.set(key, seen);
      }
      // vitest lists a failed test by its state and a failed suite or file by its errors.
      this.setAside.push({ result, errors: result.errors, state: result.state });
      result.errors = undefined;
      if (task.type === 'test') result.state = 'skip';
    }
    if (todos.size > 0) this.printTodos([...todos.values()].sort(byPlace));
    try {
      super.reportSummary(files, errors);
    } finally {
      this.giveBack();
    }
  }

  /** The counts ("Tests  21 failed") come after the listing, and count every failure again. */
  override reportTestSummary(files: File[], errors: unknown[], leakCount: number): void {
    this.giveBack();
    super.reportTestSummary(files, errors, leakCount);
  }

  private giveBack(): void {
    for (const { result, errors, state } of this.setAside) {
      result.errors = errors;
      result.state = state;
    }
    this.setAside = [];
  }

  private printTodos(todos: Todo[]): void {
    const width = Math.max(...todos.map((todo) => todo.where.length));
    const count = todos.length === 1 ? 'one piece of work' : `${todos.length} pieces of work`;
    this.error(`\n Not written yet (${count}; the tests above fail until each is written):`);
    for (const todo of todos) {
      const waiting = [counted(todo.tests, 'test'), counted(todo.files, 'test file')].filter(Boolean).join(' and ');
      const verb = todo.tests + todo.files === 1 ? 'waits' : 'wait';
      this.error(`   ${todo.where.padEnd(width)}  ${todo.what} (${waiting} ${verb} for it)`);
    }
    this.error('');
  }
}

/** `3 tests`, `1 test file`, or nothing for none. */
function counted(n: number, what: string): string {
  return n === 0 ? '' : `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** By file, then by line number. */
function byPlace(a: NotWritten, b: NotWritten): number {
  const [fileA, lineA = '0'] = a.where.split(':');
  const [fileB, lineB = '0'] = b.where.split(':');
  return fileA === fileB ? Number(lineA) - Number(lineB) : fileA < fileB ? -1 : 1;
}

/** Every module, suite and test below the files, depth first. */
function* allTasks(tasks: Task[]): Generator<Task> {
  for (const task of tasks) {
    yield task;
    if ('tasks' in task) yield* allTasks(task.tasks);
  }
}
