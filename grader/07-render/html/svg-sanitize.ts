/**
 * Graphviz's SVG is inlined into the report with `{{{ }}}`, the one place
 * where handlebars does not escape. Its labels carry node ids and values, so
 * the SVG is rebuilt from an allow-list instead of trusted: only the drawing
 * elements and presentation attributes Graphviz uses survive, every text and
 * attribute value is decoded and escaped again, and anything else (prolog,
 * doctype, comments, script, foreignObject, links, on* handlers, ids, any
 * url(...) or namespace URL) is dropped. Unexpected markup fails closed.
 */

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
const SAFE_VALUE = /^[\w\s#.,%()+-]*$/;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|<|[^<]+/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

export class UnsafeSvgError extends Error {}

export function sanitizeSvg(svg: string): string {
  const out: string[] = [];
  const open: string[] = [];
  /** Depth inside a dropped element: nothing inside it is kept. */
  let skip = 0;
  let sawRoot = false;
  for (const match of svg.matchAll(TOKEN)) {
    const [token, closing, rawName, rawAttributes, selfClosing] = match;
    if (token === '<') throw new UnsafeSvgError('malformed tag in SVG');
    if (token.startsWith('<!') || token.startsWith('<?')) continue;
    if (rawName === undefined) {
      if (skip === 0 && open.length > 0) out.push(escapeXml(decodeEntities(token)));
      continue;
    }
    const name = rawName.toLowerCase();
    const kept = ELEMENTS.has(name);
    if (closing) {
      if (skip > 0) skip--;
      else if (kept) {
        if (open.pop() !== name) throw new UnsafeSvgError(`unbalanced </${name}> in SVG`);
        out.push(`</${name}>`);
      }
      continue;
    }
    const leaf = selfClosing === '/';
    if (skip > 0 || (!kept && !UNWRAP.has(name))) {
      if (!leaf) skip++;
      continue;
    }
    if (!kept) continue;
    if (name === 'svg') sawRoot = true;
    out.push(`<${name}${attributes(rawAttributes ?? '')}${leaf ? '/>' : '>'}`);
    if (!leaf) open.push(name);
  }
  if (!sawRoot || open.length > 0) throw new UnsafeSvgError('SVG is incomplete');
  return out.join('').trim();
}

function attributes(raw: string): string {
  let kept = '';
  for (const [, rawName, rawValue] of raw.matchAll(ATTRIBUTE)) {
    const name = rawName.toLowerCase();
    const value = decodeEntities(rawValue);
    if (!ATTRIBUTES.has(name) || !SAFE_VALUE.test(value) || /url\s*\(|expression\s*\(/i.test(value)) continue;
    // SVG is case-sensitive: viewBox must keep its capital B.
    kept += ` ${name === 'viewbox' ? 'viewBox' : name}="${escapeXml(value)}"`;
  }
  return kept;
}
