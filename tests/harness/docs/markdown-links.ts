/**
 * Reads Markdown the way GitHub shows it, for the documentation checks: the
 * links a page holds (code blocks and code spans hold none), and the anchors
 * a page offers, each heading slugged as GitHub slugs it (github-slugger,
 * with `-1`, `-2` for a repeated heading) plus explicit `<a id>`/`name`.
 * `brokenLinks` then says which relative links or `#anchors` lead nowhere.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { marked, type Token } from 'marked';

export interface Link {
  href: string;
  text: string;
}

/** What a reader sees of inline tokens: their text, without markup. */
function plainText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      if ('tokens' in t && t.tokens) return plainText(t.tokens);
      if (t.type === 'html') return '';
      return 'text' in t ? t.text : '';
    })
    .join('');
}

/** Visits every token of the page, inline ones in lists and tables included. */
function eachToken(markdown: string, visit: (token: Token) => void): void {
  // walkTokens also returns what each visit returned: nothing here, so there is nothing to await.
  void marked.walkTokens(marked.lexer(markdown), visit);
}

export function links(markdown: string): Link[] {
  const found: Link[] = [];
  eachToken(markdown, (t) => {
    if (t.type === 'link' || t.type === 'image') found.push({ href: t.href, text: t.text });
  });
  return found;
}

export function anchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  eachToken(markdown, (t) => {
    if (t.type === 'heading') found.add(slugger.slug(plainText(t.tokens)));
  });
  for (const m of markdown.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) found.add(m[1]);
  return found;
}

/** A link that leaves the repository for the web (or mail) is not checked here. */
const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');

/**
 * Every relative link or anchor of `files` (paths relative to `root`) that
 * does not resolve, as `file: [text](href): why`.
 */
export function brokenLinks(root: string, files: string[]): string[] {
  const anchorsOf = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    if (!anchorsOf.has(file)) anchorsOf.set(file, anchors(readFileSync(path.join(root, file), 'utf8')));
    return anchorsOf.get(file)!;
  };
  const problems: string[] = [];
  for (const file of files) {
    for (const { href, text } of links(readFileSync(path.join(root, file), 'utf8'))) {
      if (isExternal(href)) continue;
      const hash = href.indexOf('#');
      const target = decodeURIComponent(hash < 0 ? href : href.slice(0, hash));
      const anchor = hash < 0 ? undefined : decodeURIComponent(href.slice(hash + 1));
      const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      const why = problemWith(root, resolved, anchor, anchorsIn);
      if (why) problems.push(`${file}: [${text}](${href}): ${why}`);
    }
  }
  return problems;
}

function problemWith(
  root: string,
  target: string,
  anchor: string | undefined,
  anchorsIn: (file: string) => Set<string>,
): string | undefined {
  if (target.startsWith('..')) return 'leads out of the repository';
  const full = path.join(root, target);
  if (!existsSync(full)) return `no such file or folder ${target}`;
  if (anchor === undefined) return undefined;
  if (statSync(full).isDirectory() || !target.endsWith('.md')) return `an anchor into ${target}, which has no headings`;
  return anchorsIn(target).has(anchor) ? undefined : `${target} has no heading #${anchor}`;
}
