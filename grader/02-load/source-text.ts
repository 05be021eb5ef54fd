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

export function codeText(source: string): CodeText {
  const out: string[] = [];
  let i = 0;
  const n = source.length;
  const blank = (from: number, to: number) => out.push(source.slice(from, to).replace(/[^\n]/g, ' '));
  while (i < n) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < n && source[j] !== c && !(c !== '`' && source[j] === '\n')) j += source[j] === '\\' ? 2 : 1;
      out.push(source.slice(i, j + 1));
      i = j + 1;
    } else {
      out.push(c);
      i++;
    }
  }
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
