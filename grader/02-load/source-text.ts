/**
 * A student file's text as code, for the checks that read it before it runs:
 * comments blanked out (so a commented-out `import fs from 'fs'` or `multiply`
 * is not held against anyone), strings and line breaks kept, so offsets and
 * line numbers stay those of the file.
 */
export interface CodeText {
  /** The text with every comment replaced by spaces. */
  code: string;
  /** 1-based line of an offset. */
  lineAt(offset: number): number;
}

const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const NEWLINE = 10;
const QUOTES = new Set([34, 39, 96]); // " ' `
const BACKTICK = 96;

export function codeText(source: string): CodeText {
  // Code and strings are copied as runs, not a character at a time: only a
  // comment ends a run, and it is replaced by as many spaces as it is long.
  const out: string[] = [];
  let i = 0;
  let run = 0;
  const n = source.length;
  const blank = (from: number, to: number) => {
    out.push(source.slice(run, from), source.slice(from, to).replace(/[^\n]/g, ' '));
    run = to;
  };
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === SLASH && source.charCodeAt(i + 1) === SLASH) {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === SLASH && source.charCodeAt(i + 1) === STAR) {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (QUOTES.has(c)) {
      // A string is kept as it is; it is skipped so that `//` inside it starts no comment.
      let j = i + 1;
      while (j < n) {
        const d = source.charCodeAt(j);
        if (d === c || (c !== BACKTICK && d === NEWLINE)) break;
        j += d === BACKSLASH ? 2 : 1;
      }
      i = j + 1;
    } else i++;
  }
  out.push(source.slice(run));
  const code = out.join('');
  const starts = [0];
  for (let k = 0; k < code.length; k++) if (code.charCodeAt(k) === 10) starts.push(k + 1);
  return {
    code,
    lineAt(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}
