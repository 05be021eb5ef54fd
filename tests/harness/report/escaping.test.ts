/**
 * Student-controlled text (submission ids, error messages, console output,
 * messages that quote student errors) is printed as text everywhere in the
 * report, page names are never raw ids, Graphviz labels are escaped, and the
 * inlined SVG keeps nothing that could run or fetch.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../grader/07-render/html/html-reporter.ts';
import { drawGraph } from '../../../grader/07-render/html/graph-render.ts';
import { escapeDotString, escapeRecord, graphToDot } from '../../../grader/07-render/html/graph-dot.ts';
import { pageName, slug } from '../../../grader/results/page-names.ts';
import { sanitizeSvg, UnsafeSvgError } from '../../../grader/07-render/html/svg-sanitize.ts';
import { byPath, failedGraphCase, results, submission, test } from './sample-results.ts';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const ATTR = '" onmouseover="window.__pwned=1" x="';
const TOL = { rtol: 1e-6, atol: 1e-9 };

function hostileResults() {
  const s = submission({
    id: `${SCRIPT}${ATTR}`,
    status: 'error',
    score: 0,
    errors: [
      {
        code: 'E_SUBMISSION_SYNTAX',
        message: `Expected ";" but found "${IMG}"`,
        file: `exercises/${SCRIPT}.ts`,
        line: 3,
        column: 7,
      },
    ],
    output: `${SCRIPT}\n${IMG}\n`,
    outputTruncated: true,
    misconceptions: ['overwrite-instead-of-accumulate'],
    diagnoses: [
      {
        id: 'overwrite-instead-of-accumulate',
        title: 'Gradients are assigned',
        hint: 'Use +=.',
        rule: 'accumulation',
        bonus: false,
        cases: ['mul-self'],
      },
    ],
    tests: [
      test({
        status: 'error',
        points: 0,
        message: `Your code threw Error: ${IMG}`,
        detail: `Your code threw Error: ${SCRIPT}`,
      }),
      failedGraphCase({ note: `Note ${SCRIPT}`, hints: [`Hint ${IMG}`] }),
    ],
  });
  return results([s]);
}

describe('student-controlled text in the HTML report', () => {
  it('is escaped on every page, for both audiences', async () => {
    for (const audience of ['instructor', 'student'] as const) {
      const files = await renderHtml(hostileResults(), { audience, now: new Date() });
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        expect(file.content, file.path).not.toContain(SCRIPT);
        expect(file.content, file.path).not.toContain('<img');
        expect(file.content, file.path).not.toContain(ATTR);
        expect(file.content, file.path).not.toMatch(/\son[a-z]+\s*=/i);
        // Only the overview carries a script: the table sorter.
        expect((file.content.match(/<script/g) ?? []).length, file.path).toBe(file.path === 'index.html' ? 1 : 0);
      }
    }
  });

  it('shows the payload as text: escaped ids, errors, messages and output', async () => {
    const pages = byPath(await renderHtml(hostileResults(), { audience: 'instructor', now: new Date() }));
    const page = [...pages].find(([p]) => p.startsWith('submissions/'))![1];
    expect(page).toContain('&lt;script&gt;window.__pwned&#x3D;1&lt;/script&gt;');
    expect(page).toContain(
      'Your code threw Error: &lt;img src&#x3D;x onerror&#x3D;&quot;window.__pwned&#x3D;1&quot;&gt;',
    );
    expect(page).toContain('exercises/&lt;script&gt;window.__pwned&#x3D;1&lt;/script&gt;.ts:3:7');
    expect(page).toMatch(/Truncated/);
    const overview = pages.get('index.html')!;
    expect(overview).toContain('&lt;script&gt;window.__pwned&#x3D;1&lt;/script&gt;&quot; onmouseover&#x3D;');
  });

  it('names pages by slug and hash, never by the raw id', async () => {
    const files = await renderHtml(hostileResults(), { audience: 'instructor', now: new Date() });
    for (const file of files)
      expect(file.path).toMatch(/^(index\.html|(submissions|feedback)\/[a-z0-9-]+-[0-9a-f]{8}\.html)$/);
    expect(pageName('../../etc/passwd')).toMatch(/^etc-passwd-[0-9a-f]{8}\.html$/);
    expect(slug('Ana Lima')).toBe(slug('ana-lima'));
    expect(pageName('Ana Lima')).not.toBe(pageName('ana-lima'));
    expect(slug('<>')).toBe('submission');
  });

  it('never points at the network', async () => {
    const files = await renderHtml(hostileResults(), { audience: 'instructor', now: new Date() });
    for (const file of files) {
      expect(file.content, file.path).not.toMatch(/https?:|\/\/[a-z]/i);
      expect(file.content, file.path).toMatch(
        /http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;;/,
      );
    }
  });
});

describe('Graphviz labels', () => {
  it('escape the characters DOT strings and records reserve', () => {
    expect(escapeRecord('a|b{c}<d>"e\\f')).toBe('a\\|b\\{c\\}\\<d\\>\\"e\\\\f');
    expect(escapeDotString('say "hi"\\n\nnow')).toBe('say \\"hi\\"\\\\n now');
  });

  it('keep a hostile node id inside its label, drawn as text', async () => {
    const id = '"];evil[label="x"}|<port>\\N';
    const nodes = [
      {
        id,
        op: 'leaf',
        args: [],
        student: { data: 1, grad: 0 },
        expected: { data: 1, grad: 1 },
        ok: false,
        divergence: true,
      },
    ];
    // Quotes, braces, bars, angle brackets and the backslash are all escaped inside the one label.
    expect(graphToDot(nodes, TOL)).toContain('v0 [label="\\"];evil[label=\\"x\\"\\}\\|\\<port\\>\\\\N ');
    const drawing = await drawGraph(nodes, TOL);
    expect(drawing.problem).toBe('');
    expect(drawing.svg).toContain('&#34;];evil[label=&#34;x&#34;}|&#60;port&#62;\\N');
    expect(drawing.svg).not.toContain('<port>');
    expect(drawing.svg.match(/<g class="node">/g)).toHaveLength(1);
  });
});

describe('SVG sanitizer', () => {
  it('drops prolog, doctype, comments, scripts, foreignObject, handlers, links and ids', () => {
    const dirty = `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- comment --><svg width="10pt" height="10pt" viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" onload="alert(1)">
<script>alert(1)</script><foreignObject><div>html</div></foreignObject><style>*{background:url(http://x)}</style>
<g id="node1" class="node"><a xlink:href="javascript:alert(1)" href="http://x"><text x="1" y="2" fill="url(http://x)">a &lt;b&gt; &amp;amp; &#45;1</text></a>
<polygon fill="#fde2e4" stroke="black" points="0,0 1,1" onclick="x()"/></g></svg>`;
    const clean = sanitizeSvg(dirty);
    expect(clean).toBe(
      '<svg width="10pt" height="10pt" viewBox="0 0 10 10">\n\n<g class="node"><text x="1" y="2">a &#60;b&#62; &#38;amp; -1</text>\n<polygon fill="#fde2e4" stroke="black" points="0,0 1,1"/></g></svg>',
    );
  });

  it('fails closed on markup it cannot read', () => {
    expect(() => sanitizeSvg('<svg><g></svg>')).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg('<svg><text>a < b</text></svg>')).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg('<g></g>')).toThrow(UnsafeSvgError);
  });
});

describe('SVG sanitizer reading markup strictly', () => {
  const svg = (inner: string) => `<svg width="1pt" height="1pt">${inner}</svg>`;

  it('throws on an attribute that is not double-quoted, or a tag left open', () => {
    expect(() => sanitizeSvg(svg(`<text x='1'>a</text>`))).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg(svg('<text x=1>a</text>'))).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg(svg('<text x="1"y="2">a</text>'))).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg(svg('<text x="1>a</text>'))).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg(svg('<!-- never closed'))).toThrow(UnsafeSvgError);
    expect(() => sanitizeSvg(svg('</g x="1">'))).toThrow(UnsafeSvgError);
  });

  it('throws on a closing tag that does not match, even inside a dropped element', () => {
    expect(() => sanitizeSvg(svg('<script></g><text>x</text></script>'))).toThrow(UnsafeSvgError);
  });

  it('drops what a dropped element holds, at any depth, and keeps what follows it', () => {
    const clean = sanitizeSvg(svg('<foreignObject><g><text>in</text></g><script/></foreignObject><text>out</text>'));
    expect(clean).toBe('<svg width="1pt" height="1pt"><text>out</text></svg>');
  });

  it('decodes a value before it checks it, and escapes text decoded from references', () => {
    const clean = sanitizeSvg(svg('<text fill="url&#40;http://x)" x="1">&#x3C;script&#x3e;</text>'));
    expect(clean).toBe('<svg width="1pt" height="1pt"><text x="1">&#60;script&#62;</text></svg>');
    expect(sanitizeSvg(svg('<TEXT X="1">a</TEXT><SCRIPT>b</SCRIPT>'))).toBe(
      '<svg width="1pt" height="1pt"><text x="1">a</text></svg>',
    );
  });

  it('allows whitespace around = and before the end of a tag, as XML does', () => {
    expect(sanitizeSvg(svg('<text x = "1" >a</text><path d="M0,0" />'))).toBe(
      '<svg width="1pt" height="1pt"><text x="1">a</text><path d="M0,0"/></svg>',
    );
  });
});
