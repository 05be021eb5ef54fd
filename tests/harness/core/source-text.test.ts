/**
 * A student file read as code (grader/02-load/source-text.ts): comments
 * become spaces, strings and line breaks stay, so every offset and line of
 * the file is still where it was.
 */
import { describe, expect, it } from 'vitest';
import { codeText } from '../../../grader/02-load/source-text.ts';

describe('codeText', () => {
  it('blanks line and block comments to spaces, keeping their line breaks', () => {
    const source = "import fs from 'fs'; // import x from 'x'\n/* multiply(\n */ add(b)";
    const { code } = codeText(source);
    expect(code).toBe("import fs from 'fs'; " + ' '.repeat(20) + '\n' + ' '.repeat(12) + '\n' + '    add(b)');
    expect(code.length).toBe(source.length);
  });

  it('keeps strings whole, comment markers inside them included', () => {
    const source = 'const a = "// not a comment"; const b = \'/* nor */\'; const c = `x\n// y`; // gone';
    expect(codeText(source).code).toBe(source.replace('// gone', '       '));
  });

  it('ends a quoted string at a line break, and an escaped quote does not end it', () => {
    const source = "const a = 'it\\'s // still a string\nmul // comment";
    expect(codeText(source).code).toBe("const a = 'it\\'s // still a string\nmul " + ' '.repeat(10));
  });

  it('keeps an unterminated string or comment to the end of the file', () => {
    expect(codeText('a = `open // text').code).toBe('a = `open // text');
    expect(codeText('a /* open').code).toBe('a        ');
    expect(codeText('x = "\\').code).toBe('x = "\\');
  });

  it('finds the line of an offset', () => {
    const text = codeText('one\ntwo // note\nthree');
    expect([0, 3, 4, 10, 15, 16, 20].map((offset) => text.lineAt(offset))).toEqual([1, 1, 2, 2, 2, 3, 3]);
  });
});
