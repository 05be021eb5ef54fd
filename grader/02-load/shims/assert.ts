/**
 * A stand-in for node:assert inside the sandbox: the checks students write
 * in their own files (assert(x), strictEqual, deepStrictEqual, throws, ...),
 * throwing an AssertionError as Node does. Pure; no imports beyond ./util.ts.
 */
import { inspect, isDeepStrictEqual } from './util.ts';

export class AssertionError extends Error {
  actual: unknown;
  expected: unknown;
  operator: string;
  code = 'ERR_ASSERTION';
  constructor(options: { message?: string; actual?: unknown; expected?: unknown; operator?: string }) {
    super(options.message ?? `${inspect(options.actual)} ${options.operator ?? '=='} ${inspect(options.expected)}`);
    this.name = 'AssertionError';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator ?? '';
  }
}

type Message = string | Error | undefined;

function fail_(actual: unknown, expected: unknown, message: Message, operator: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message, actual, expected, operator });
}

function looseDeepEqual(a: unknown, b: unknown): boolean {
  if (a == b) return true;
  return isDeepStrictEqual(a, b);
}

export function ok(value: unknown, message?: Message): void {
  if (!value) fail_(value, true, message ?? 'The expression evaluated to a falsy value', '==');
}
export function equal(actual: unknown, expected: unknown, message?: Message): void {
  if (!(actual == expected || (Number.isNaN(actual) && Number.isNaN(expected)))) fail_(actual, expected, message, '==');
}
export function notEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (actual == expected) fail_(actual, expected, message, '!=');
}
export function strictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (!Object.is(actual, expected)) fail_(actual, expected, message, 'strictEqual');
}
export function notStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) fail_(actual, expected, message, 'notStrictEqual');
}
export function deepEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (!looseDeepEqual(actual, expected)) fail_(actual, expected, message, 'deepEqual');
}
export function deepStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (!isDeepStrictEqual(actual, expected)) fail_(actual, expected, message, 'deepStrictEqual');
}
export function notDeepStrictEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (isDeepStrictEqual(actual, expected)) fail_(actual, expected, message, 'notDeepStrictEqual');
}
export function fail(message: Message = 'Failed'): never {
  return fail_(undefined, undefined, message, 'fail');
}
export function throws(fn: () => unknown, _expected?: unknown, message?: Message): void {
  try {
    fn();
  } catch {
    return;
  }
  fail_(
    undefined,
    undefined,
    typeof _expected === 'string' ? _expected : (message ?? 'Missing expected exception.'),
    'throws',
  );
}
export function doesNotThrow(fn: () => unknown): void {
  fn();
}
export function match(actual: string, pattern: RegExp, message?: Message): void {
  if (!pattern.test(actual)) fail_(actual, pattern, message, 'match');
}

type Assert = typeof ok & { [name: string]: unknown };

/** What both forms share; they differ only in what equal, notEqual and deepEqual mean. */
const common = {
  ok,
  strictEqual,
  notStrictEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  fail,
  throws,
  doesNotThrow,
  match,
  AssertionError,
};

export const strict: Assert = Object.assign<typeof ok, Record<string, unknown>>(
  (value: unknown, message?: Message) => ok(value, message),
  { ...common, equal: strictEqual, notEqual: notStrictEqual, deepEqual: deepStrictEqual },
);
strict.strict = strict;

const assert: Assert = Object.assign<typeof ok, Record<string, unknown>>(
  (value: unknown, message?: Message) => ok(value, message),
  { ...common, equal, notEqual, deepEqual, strict },
);

export default assert;
