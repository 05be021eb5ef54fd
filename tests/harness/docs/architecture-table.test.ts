/**
 * docs/architecture.md answers "where does X happen" with paths: every
 * question the page must answer has a row, and every path in the table
 * exists, so a file moved or renamed without the page fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const page = readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');

/** The rows of the table under the heading "Where does X happen": what, and the paths named in it. */
function whereTable(markdown: string): Map<string, string[]> {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Where does X happen'));
  if (!section) return new Map();
  const rows = section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*(what|-+)\s*\|/.test(l));
  return new Map(
    rows.map((row) => {
      const [what, where] = row
        .split('|')
        .slice(1, 3)
        .map((cell) => cell.trim());
      const paths = [...where.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((p) => p.includes('/'));
      return [what, paths];
    }),
  );
}

const questions = [
  'zip read',
  'student file found',
  'blockers',
  'sandbox',
  'comparison',
  'mutants',
  'score',
  'late penalty',
  'overrides',
  'cache key',
  'page ledger',
  'outputs',
];

describe('the "where does X happen" table of docs/architecture.md', () => {
  const table = whereTable(page);

  it('answers every question with at least one path', () => {
    for (const question of questions) expect(table.get(question)?.length ?? 0, question).toBeGreaterThan(0);
  });

  it('names only paths that exist', () => {
    const missing = [...table.values()].flat().filter((p) => !existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });

  it('reads a path out of a row, and so would see one that is gone', () => {
    const made = whereTable(
      '## Where does X happen\n\n| what | where |\n| --- | --- |\n| x | `grader/nowhere.ts`, `npm` |\n',
    );
    expect(made).toEqual(new Map([['x', ['grader/nowhere.ts']]]));
  });
});
