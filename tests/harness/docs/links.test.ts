/**
 * Every relative link and `#anchor` in README.md and docs/ resolves, anchors
 * as GitHub slugs headings. The checker is also tried on pages made here, to
 * prove that it finds a missing file, a missing heading and a link that
 * leaves the repository, and that it reads headings and code as GitHub does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { anchors, brokenLinks, links } from './markdown-links.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const pages = ['README.md', ...globSync('docs/**/*.md', { cwd: root }).sort()];

describe('the documentation links', () => {
  it('reads README.md and every page in docs/', () => {
    expect(pages).toContain('docs/architecture.md');
    expect(pages.length).toBeGreaterThan(10);
  });

  it('has no relative link or anchor that leads nowhere', () => {
    expect(brokenLinks(root, pages)).toEqual([]);
  });
});

describe('the link checker', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gradelab-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'docs'));
  writeFileSync(
    path.join(dir, 'docs', 'a.md'),
    [
      '# The term: deadlines, `late` & overrides',
      '## Same',
      '## Same',
      '<a id="kept"></a>',
      '[fine](b.md#b-page) [self](#same-1) [html](#kept) [web](https://example.com/x#y)',
      '[gone](missing.md) [no heading](b.md#nope) [out](../../etc/passwd) [code anchor](../package.json#x)',
      '`[in code](nowhere.md)`',
      '```',
      '[in a block](nowhere.md)',
      '```',
    ].join('\n\n'),
  );
  writeFileSync(path.join(dir, 'docs', 'b.md'), '# B page\n');
  writeFileSync(path.join(dir, 'package.json'), '{}');

  it('slugs headings as GitHub does: punctuation dropped, repeats numbered', () => {
    const text = '# The term: deadlines, `late` & overrides\n\n## Same\n\n## Same\n';
    expect([...anchors(text)]).toEqual(['the-term-deadlines-late--overrides', 'same', 'same-1']);
  });

  it('finds no links in code', () => {
    expect(links('`[a](b.md)`\n\n```\n[c](d.md)\n```\n').map((l) => l.href)).toEqual([]);
  });

  it('reports a missing file, a missing heading, a way out and an anchor into a non-Markdown file', () => {
    expect(brokenLinks(dir, ['docs/a.md'])).toEqual([
      'docs/a.md: [gone](missing.md): no such file or folder docs/missing.md',
      'docs/a.md: [no heading](b.md#nope): docs/b.md has no heading #nope',
      'docs/a.md: [out](../../etc/passwd): leads out of the repository',
      'docs/a.md: [code anchor](../package.json#x): an anchor into package.json, which has no headings',
    ]);
  });
});
