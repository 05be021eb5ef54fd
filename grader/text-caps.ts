/**
 * The sizes at which text from a submission is cut, wherever it leaves the
 * sandbox or ends up in a result: thrown names, messages and stacks, printed
 * output, node values and labels. They bound one submission's share of every
 * output, so a class of N never writes more than N times a fixed amount
 * (docs/security.md lists them and that bound).
 */
export const CAPS = {
  /** A thrown error's name, or a node's label or operation. */
  name: 200,
  /** A thrown error's message, or the message of a case that reports it. */
  message: 4000,
  /** A thrown error's stack. */
  stack: 8000,
  /** A value described in words (a non-number where a number belongs). */
  value: 200,
  /** Everything a submission printed (console output), as before. */
  output: 64 * 1024,
} as const;

/** `text` cut to `max` characters, saying how much was left out; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = (cut: number) => ` … [${cut} more characters cut]`;
  // Room for the longest note this text could need; the note then gives the exact count.
  let end = Math.max(0, max - note(text.length).length);
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return `${text.slice(0, end)}${note(text.length - end)}`;
}
