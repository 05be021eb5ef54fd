/**
 * Student text on its way to a terminal, a workflow log, a Markdown summary
 * or a spreadsheet, and ids that must stay unique: each guard on its own.
 */
import { describe, expect, it } from 'vitest';
import { finalizeIds } from '../../../grader/01-discover/discover.ts';
import { mdCell, mdText } from '../../../grader/07-render/ci/markdown.ts';
import { csvCell } from '../../../grader/07-render/csv-reporter.ts';
import { terminalText } from '../../../grader/terminal-text.ts';
import { clip } from '../../../grader/text-caps.ts';

describe('terminal text', () => {
  it('writes control characters, line breaks and bidi overrides as visible escapes', () => {
    expect(terminalText('a\u001b]52;c;eA==\u0007b\r\nc\u202ed\u0085')).toBe(
      'a\\x1b]52;c;eA==\\x07b\\x0d\\x0ac\\u202ed\\x85',
    );
  });

  it('makes workflow commands inert, wherever they stand', () => {
    expect(terminalText('::error::x')).toBe(':\\x3aerror:\\x3ax');
    expect(terminalText('a\n::add-mask::y')).toBe('a\\x0a:\\x3aadd-mask:\\x3ay');
    expect(terminalText('##[error]z')).toBe('#\\x23[error]z');
    expect(terminalText('plain: text, 1/2')).toBe('plain: text, 1/2');
  });
});

describe('Markdown text', () => {
  it('starts no block of its own and links nothing', () => {
    const text = mdText('x\n# h\n===\n- [a](https://e.com) ![i](http://e.com/p.png) www.e.com me@e.com');
    expect(text).not.toMatch(/\n/);
    expect(text).not.toMatch(/https?:\/\/|(?<!\\)\]\(|(?<!\\)\[|www\.e|(?<!\\)@/);
    expect(mdCell('one\ntwo')).toBe('one<br>two');
  });
});

describe('CSV cells', () => {
  it('start no formula when split at commas, semicolons or tabs', () => {
    for (const raw of ['=1+1', 'a;=1+1', 'a\t@SUM(A1)', 'a,-2+3', 'b; "+x', 'c\n=d']) {
      const cell = csvCell(raw);
      expect(cell.startsWith('"')).toBe(raw !== '=1+1');
      for (const part of cell.split(/[,;\t\r\n]/)) expect(part.replace(/^[ "]+/, ''), raw).not.toMatch(/^[=+\-@]/);
    }
    expect(csvCell('Mary-Jane')).toBe('Mary-Jane');
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('ids', () => {
  const of = (...ids: string[]) =>
    finalizeIds(ids.map((id) => ({ id, kind: 'folder' as const, path: `/${id}` }))).map((s) => s.id);

  it('takes the first free suffix, never an id another input has', () => {
    expect(of('x', 'x', 'x-2')).toEqual(['x', 'x-3', 'x-2']);
    expect(of('x', 'x-2', 'x', 'x', 'x-3')).toEqual(['x', 'x-2', 'x-4', 'x-5', 'x-3']);
    expect(new Set(of('a', 'a', 'a-2', 'a-2', 'a-3')).size).toBe(5);
  });
});

describe('caps', () => {
  it('cut text to its size, saying how much was cut', () => {
    const cut = clip('m'.repeat(10_000), 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/\[9\d{3} more characters cut\]$/);
    expect(clip('short', 100)).toBe('short');
  });
});
