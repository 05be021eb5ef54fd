/**
 * Reads an SVG document one token at a time for the sanitizer
 * (./svg-sanitize.ts): text, an opening tag with its attributes, or a
 * closing tag. Comments, processing instructions, CDATA sections and
 * declarations (the prolog, the doctype) are passed over whole. It reads
 * strictly and throws UnsafeSvgError on anything else: a `<` that starts no
 * complete tag, an attribute not in double quotes, an unterminated comment.
 * Scanned by hand with indexOf, not with a regular expression per token: a
 * layout is tens of kilobytes and every page inlines several.
 */
export class UnsafeSvgError extends Error {}

export type TokenKind = 'text' | 'open' | 'close';

/** Characters (after `<!`, `<?`, ...) that end what a token passes over. */
const SKIPPED: Array<[start: string, end: string]> = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<!', '>'],
  ['<?', '?>'],
];

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Letters, digits, `_ : . -`. */
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;
/** XML's whitespace: space, tab, line feed, carriage return. */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

export class SvgTokens {
  kind: TokenKind = 'text';
  /** The text of a text token (raw, references undecoded). */
  text = '';
  /** The element's name as written, of an opening or closing tag. */
  name = '';
  /** An opening tag's attributes, names and raw values side by side; reused from token to token. */
  readonly attributeNames: string[] = [];
  readonly attributeValues: string[] = [];
  selfClosing = false;
  private at = 0;

  constructor(private readonly svg: string) {}

  /** Moves to the next token; false at the end of the document. */
  next(): boolean {
    const svg = this.svg;
    for (;;) {
      if (this.at >= svg.length) return false;
      if (svg.charCodeAt(this.at) !== 60 /* < */) {
        const end = svg.indexOf('<', this.at);
        this.text = svg.slice(this.at, end < 0 ? svg.length : end);
        this.at = end < 0 ? svg.length : end;
        this.kind = 'text';
        return true;
      }
      const c = svg.charCodeAt(this.at + 1);
      if (c !== 33 /* ! */ && c !== 63 /* ? */) return this.tag();
      const skipped = SKIPPED.find(([start]) => svg.startsWith(start, this.at))!;
      const end = svg.indexOf(skipped[1], this.at + skipped[0].length);
      if (end < 0) throw new UnsafeSvgError(`unterminated ${skipped[0]} in SVG`);
      this.at = end + skipped[1].length;
    }
  }

  private tag(): true {
    const svg = this.svg;
    let i = this.at + 1;
    const closing = svg.charCodeAt(i) === 47; /* / */
    if (closing) i++;
    const nameStart = i;
    if (!isNameStart(svg.charCodeAt(i))) throw new UnsafeSvgError('malformed tag in SVG');
    while (isNameChar(svg.charCodeAt(i))) i++;
    this.name = svg.slice(nameStart, i);
    this.attributeNames.length = 0;
    this.attributeValues.length = 0;
    for (;;) {
      const spaced = isSpace(svg.charCodeAt(i));
      while (isSpace(svg.charCodeAt(i))) i++;
      const c = svg.charCodeAt(i);
      if (c === 62 /* > */ || (c === 47 /* / */ && svg.charCodeAt(i + 1) === 62 && !closing)) {
        this.selfClosing = c === 47;
        this.at = i + (c === 47 ? 2 : 1);
        this.kind = closing ? 'close' : 'open';
        return true;
      }
      // An attribute: after whitespace, a name, `=`, and a double-quoted value. Closing tags have none.
      if (closing || !spaced || !isNameChar(c)) throw new UnsafeSvgError(`malformed <${this.name}> tag in SVG`);
      const attributeStart = i;
      while (isNameChar(svg.charCodeAt(i))) i++;
      const attributeName = svg.slice(attributeStart, i);
      while (isSpace(svg.charCodeAt(i))) i++;
      if (svg.charCodeAt(i) !== 61 /* = */) throw new UnsafeSvgError(`malformed <${this.name}> tag in SVG`);
      i++;
      while (isSpace(svg.charCodeAt(i))) i++;
      if (svg.charCodeAt(i) !== 34 /* " */) throw new UnsafeSvgError(`malformed <${this.name}> tag in SVG`);
      const valueEnd = svg.indexOf('"', i + 1);
      if (valueEnd < 0) throw new UnsafeSvgError(`malformed <${this.name}> tag in SVG`);
      this.attributeNames.push(attributeName);
      this.attributeValues.push(svg.slice(i + 1, valueEnd));
      i = valueEnd + 1;
    }
  }
}
