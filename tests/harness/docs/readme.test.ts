/**
 * The README is the page a newcomer reads in five minutes: at most 150
 * lines, with the two commands for a fresh machine and the supported Nodes
 * at the top, and the reference material in docs/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { links } from './markdown-links.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const lines = readme.split('\n');
if (lines.at(-1) === '') lines.pop();

describe('README.md', () => {
  it('is at most 150 lines', () => {
    expect(lines.length).toBeLessThanOrEqual(150);
  });

  it('gives the two commands for a fresh machine, then the supported Nodes, before any other section', () => {
    const firstCommand = lines.findIndex((l) =>
      l.startsWith('npm install && npx grader grade fixtures/submissions --out out'),
    );
    const secondCommand = lines.findIndex((l) => /^npm test\s/.test(l));
    const nodes = lines.findIndex((l) => l.startsWith('Node 24 or 26'));
    const secondSection = lines.findIndex((l, i) => i > firstCommand && l.startsWith('## '));
    expect(firstCommand).toBeGreaterThan(0);
    expect(secondCommand).toBe(firstCommand + 1);
    expect(nodes).toBeGreaterThan(secondCommand);
    expect(nodes).toBeLessThan(secondSection);
  });

  it('links every reference page in docs/', () => {
    const targets = new Set(links(readme).map((l) => l.href.split('#')[0]));
    for (const page of [
      'instructors',
      'config',
      'term',
      'assignment-nn',
      'results',
      'architecture',
      'developing',
      'ci',
    ])
      expect(targets, page).toContain(`docs/${page}.md`);
  });
});
