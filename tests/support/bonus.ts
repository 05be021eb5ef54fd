/**
 * Bonus tests: optional work must never turn `npm test` red.
 *
 * A bonus op you have not tried yet is *not attempted*, and its test is
 * skipped ("bonus: not attempted") instead of failed, whether the op
 * - still throws the stub's `NotAttempted` error, or
 * - is not in your class at all (you wrote your own Value without it).
 * As soon as you write the op, its test runs for real.
 */
import { test } from 'vitest';

const BONUS_OPS = ['neg', 'sub', 'pow', 'exp', 'div', 'relu'];

export function isNotAttempted(error: unknown): error is Error {
  return error instanceof Error && error.name === 'NotAttempted';
}

/** The bonus op a class does not have, from "a.sub is not a function" (or undefined). */
export function missingBonusOp(error: unknown): string | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const op = /\.?(\w+) is not a function/.exec(error.message)?.[1];
  return op !== undefined && BONUS_OPS.includes(op) ? op : undefined;
}

/** Like `test`, but skipped while the bonus op it uses is not attempted. */
export function bonusTest(name: string, body: () => void): void {
  test(name, (ctx) => {
    try {
      body();
    } catch (error) {
      if (isNotAttempted(error)) ctx.skip(`bonus: not attempted${opName(error)}`);
      const missing = missingBonusOp(error);
      if (missing) ctx.skip(`bonus: not attempted (${missing}: your Value has no ${missing} method)`);
      throw error;
    }
  });
}

/** ` (neg)` for "bonus op neg() is not attempted yet": says which op stopped the test. */
function opName(error: Error): string {
  const op = /(\w+)\(\)/.exec(error.message)?.[1];
  return op ? ` (${op})` : '';
}
