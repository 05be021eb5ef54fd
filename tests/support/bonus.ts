/**
 * Bonus tests: optional work must never turn `npm test` red.
 *
 * An op you have not tried yet throws an error named `NotAttempted`. A bonus
 * test that meets one is skipped ("bonus: not attempted") instead of failed.
 * As soon as you write the op, its test runs for real.
 */
import { test } from 'vitest';

export function isNotAttempted(error: unknown): error is Error {
  return error instanceof Error && error.name === 'NotAttempted';
}

/** Like `test`, but skipped while the bonus op it uses is not attempted. */
export function bonusTest(name: string, body: () => void): void {
  test(name, (ctx) => {
    try {
      body();
    } catch (error) {
      if (isNotAttempted(error)) ctx.skip(`bonus: not attempted${opName(error)}`);
      throw error;
    }
  });
}

/** ` (neg)` for "bonus op neg() is not attempted yet": says which op stopped the test. */
function opName(error: Error): string {
  const op = /(\w+)\(\)/.exec(error.message)?.[1];
  return op ? ` (${op})` : '';
}
