/**
 * Graphviz's SVG is inlined into the report with `{{{ }}}`, the one place
 * where handlebars does not escape. Its labels carry node ids and values, so
 * the SVG is rebuilt from an allow-list instead of trusted: only the drawing
 * elements and presentation attributes Graphviz uses survive, every text and
 * attribute value is decoded and escaped again, and anything else (prolog,
 * doctype, comments, script, foreignObject, links, on* handlers, ids, any
 * url(...) or namespace URL) is dropped. Unexpected markup fails closed.
 */

import { SvgTokens, UnsafeSvgError } from './svg-tokens.ts';

export { UnsafeSvgError };

/** Kept as they are. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'title',
  'polygon',
  'polyline',
  'path',
  'ellipse',
  'circle',
  'rect',
  'line',
  'text',
  'tspan',
]);
/** Dropped, but their children kept (Graphviz wraps nodes in <a> when they have URLs). */
const UNWRAP = new Set(['a']);

const ATTRIBUTES = new Set([
  'width',
  'height',
  'viewbox',
  'class',
  'transform',
  'points',
  'd',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'text-anchor',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-decoration',
]);
/** No url(), no javascript:, no expression(): plain numbers, names, colours and transforms only. */
const SAFE_CHARACTERS = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ \t\n\r#.,%()+-')
  SAFE_CHARACTERS[c.charCodeAt(0)] = 1;
const UNSAFE_CALL = /url\s*\(|expression\s*\(/i;

/**
 * Letters, digits, `_`, whitespace and `# . , % ( ) + -` only, checked a
 * character at a time: path data and point lists are most of a drawing, and
 * a regular expression over each cost more than the rest of the sanitizer.
 */
function isSafeValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (SAFE_CHARACTERS[value.charCodeAt(i)] !== 1) return false;
  return !value.includes('(') || !UNSAFE_CALL.test(value);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi;

export function decodeEntities(text: string): string {
  // Most text and nearly every attribute value has no reference at all.
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const XML_SPECIAL = /[&<>"']/;
const XML_SPECIALS = /[&<>"']/g;

export function escapeXml(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIALS, (c) => `&#${c.charCodeAt(0)};`) : text;
}

export function sanitizeSvg(svg: string): string {
  const tokens = new SvgTokens(svg);
  let out = '';
  /** Every element open at this point, kept or not, innermost last: tags must balance. */
  const open: string[] = [];
  /** How many of them are kept: text is kept only inside one. */
  let keptDepth = 0;
  /** Depth of the outermost dropped element open, or -1: nothing inside it is kept. */
  let droppedAt = -1;
  let sawRoot = false;
  while (tokens.next()) {
    if (tokens.kind === 'text') {
      if (droppedAt < 0 && keptDepth > 0) out += escapeXml(decodeEntities(tokens.text));
      continue;
    }
    const name = tokens.name.toLowerCase();
    const kept = droppedAt < 0 && ELEMENTS.has(name);
    if (tokens.kind === 'close') {
      if (open.pop() !== name) throw new UnsafeSvgError(`unbalanced </${name}> in SVG`);
      if (droppedAt === open.length) droppedAt = -1;
      else if (kept) {
        keptDepth--;
        out += `</${name}>`;
      }
      continue;
    }
    if (droppedAt < 0 && !kept && !UNWRAP.has(name)) {
      if (tokens.selfClosing) continue;
      droppedAt = open.length;
    }
    if (kept) {
      if (name === 'svg') sawRoot = true;
      out += `<${name}${attributes(tokens)}${tokens.selfClosing ? '/>' : '>'}`;
    }
    if (tokens.selfClosing) continue;
    open.push(name);
    if (kept) keptDepth++;
  }
  if (!sawRoot || open.length > 0) throw new UnsafeSvgError('SVG is incomplete');
  return out.trim();
}

function attributes(tokens: SvgTokens): string {
  let kept = '';
  const names = tokens.attributeNames;
  for (let i = 0; i < names.length; i++) {
    const name = names[i].toLowerCase();
    if (!ATTRIBUTES.has(name)) continue;
    const value = decodeEntities(tokens.attributeValues[i]);
    if (!isSafeValue(value)) continue;
    // SVG is case-sensitive: viewBox must keep its capital B.
    kept += ` ${name === 'viewbox' ? 'viewBox' : name}="${escapeXml(value)}"`;
  }
  return kept;
}
