/**
 * Refuses code nested absurdly deep before any transpiler reads it. Parsers
 * recurse once per level, and a printer indents every line by its depth, so
 * ten thousand nested blocks cost gigabytes of output: a few kilobytes of
 * hostile code could take the grader down. Real code nests a dozen levels.
 * The count is over raw characters (strings and comments included), which
 * can only overestimate: a file refused here has no business in the course.
 */
export const MAX_NESTING = 256;

const NEWLINE = 10;
// Compared directly rather than looked up in a set: this runs over every character of every student file.
const isOpen = (c: number) => c === 40 || c === 91 || c === 123; // ( [ {
const isClose = (c: number) => c === 41 || c === 93 || c === 125; // ) ] }

/** Why `text` is nested too deep, with the line where it crosses the limit, if it is. */
export function tooDeep(text: string): { line: number; message: string } | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) line++;
    else if (isOpen(c)) {
      if (++depth > MAX_NESTING)
        return {
          line,
          message: `brackets nest more than ${MAX_NESTING} deep here: no solution needs that, so this file is not read as code`,
        };
    } else if (depth > 0 && isClose(c)) depth--;
  }
  return undefined;
}
