/**
 * A small RFC 4180 reader for class rosters. Written here rather than taken
 * from a package because rosters need only the core of the format, and the
 * details that matter are ones a spreadsheet export gets wrong in practice:
 * a UTF-8 byte order mark, CRLF or lone-CR line ends, quoted fields holding
 * commas, quotes ("") or line breaks, a trailing blank line, and a `;` or tab
 * separator from locales where the comma is the decimal mark. Each record
 * keeps the line it starts on, so problems can be reported as `roster.csv:7`.
 */

export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The separator the header line uses: a comma unless the header has none and has `;` or tabs instead. */
export function detectSeparator(text: string): string {
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  if (unquoted.includes(',')) return ',';
  if (unquoted.includes(';')) return ';';
  if (unquoted.includes('\t')) return '\t';
  return ',';
}

export function parseCsv(input: string, separator = detectSeparator(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedField = false;
  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty, unquoted field) is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '' && !quotedField) {
      const start = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError('a quoted field is never closed', start);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
        field += text[i++];
      }
      quotedField = true;
      if (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') {
        throw new CsvSyntaxError(
          'unexpected text after a closing quote (write "" for a quote inside a quoted field)',
          line,
        );
      }
      continue;
    }
    if (ch === separator) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}
