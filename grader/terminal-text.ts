/**
 * Text from a submission (its id, messages, case names) made safe for one
 * line of a terminal or a CI log. Control characters (C0, DEL, C1: ESC and
 * its sequences, CR, BEL, line breaks), Unicode line separators and bidi
 * overrides are written as visible escapes (`\x1b`, `\u2028`), so no byte
 * reaches the terminal as a command and no student text starts a line of
 * its own. `::` and `##[`, which GitHub Actions reads as workflow commands,
 * are made inert the same way (`:\x3a`, `#\x23[`), as GitHub's own
 * escaping does for its annotation data.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

function escaped(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * For text inside a workflow command's data, where `::` is inert: the control
 * characters escaped and `##[` (the old command syntax, read anywhere in a line) made inert.
 */
export function commandDataText(text: string): string {
  return String(text).replace(UNSAFE, escaped).replace(/##\[/g, '#\\x23[');
}

export function terminalText(text: string): string {
  return commandDataText(text).replace(/::/g, ':\\x3a');
}

/** Every line of a text made safe on its own, the line breaks between them kept. */
export function terminalLines(text: string): string {
  return text
    .split('\n')
    .map((line) => terminalText(line))
    .join('\n');
}
