/**
 * Re-grading from the cache rewrites only the files that would change: an
 * unchanged submission keeps its detail file and pages (same modification
 * time), a changed one gets new ones, and a page edited or deleted by hand is
 * written again. Without a cache folder everything is written, as before.
 */
import { appendFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackPath, submissionPath } from '../../../grader/results/page-names.ts';
import { detailPath } from '../../../grader/results/summary.ts';
import { gradeClass } from '../../../grader/runs/grade-class.ts';
import { tempDir } from '../integrations/run-cli.ts';
import { testConfig } from '../support/fixture-class.ts';
import { engineFile, makeClass } from './class-maker.ts';

let root: string;
let ids: string[];
beforeEach(() => {
  root = tempDir('ledger');
  ids = makeClass(path.join(root, 'class'), 3);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const out = () => path.join(root, 'out');

function grade(cache = true) {
  return gradeClass({
    inputs: [path.join(root, 'class')],
    out: out(),
    config: testConfig(),
    reporters: ['json', 'csv', 'html'],
    audience: 'instructor',
    cacheDir: cache ? path.join(root, 'cache') : undefined,
    onNotice: () => {},
  });
}

/** Modification time of every file in the output folder, by relative path. */
function mtimes(): Map<string, number> {
  const files = readdirSync(out(), { recursive: true, encoding: 'utf8' }).filter((rel) =>
    statSync(path.join(out(), rel)).isFile(),
  );
  return new Map(files.map((rel) => [rel.split(path.sep).join('/'), statSync(path.join(out(), rel)).mtimeMs]));
}

const ownFiles = (id: string) => [detailPath(id), submissionPath(id), feedbackPath(id)];

function rewritten(before: Map<string, number>): string[] {
  return [...mtimes()].filter(([rel, ms]) => before.get(rel) !== ms).map(([rel]) => rel);
}

describe('the page ledger', () => {
  it('keeps every file of an unchanged class and writes only the class-wide ones', async () => {
    const first = await grade();
    expect(first.kept).toBe(0);
    expect(first.written).toEqual(expect.arrayContaining(ids.flatMap(ownFiles)));
    const before = mtimes();

    const again = await grade();
    expect(again.cache.hits).toBe(3);
    expect(again.kept).toBe(9);
    expect(again.written.sort()).toEqual(['grades.csv', 'index.html', 'results.json']);
    expect(rewritten(before).sort()).toEqual(['grades.csv', 'index.html', 'results.json']);
  });

  it('writes again only the files of the submission that changed', async () => {
    await grade();
    const before = mtimes();
    appendFileSync(engineFile(path.join(root, 'class'), ids[1]), '\n// a fix\n');
    const run = await grade();
    expect(run.kept).toBe(6);
    expect(
      rewritten(before)
        .filter((rel) => rel.includes('/'))
        .sort(),
    ).toEqual(ownFiles(ids[1]).sort());
  });

  it('writes again a page deleted or edited by hand', async () => {
    await grade();
    unlinkSync(path.join(out(), submissionPath(ids[0])));
    writeFileSync(path.join(out(), feedbackPath(ids[2])), 'edited');
    const run = await grade();
    expect(run.written).toEqual(expect.arrayContaining([submissionPath(ids[0]), feedbackPath(ids[2])]));
    expect(run.kept).toBe(9 - 3 - 3);
    expect(statSync(path.join(out(), feedbackPath(ids[2]))).size).toBeGreaterThan(1000);
  });

  it('writes everything when there is no cache folder', async () => {
    await grade(false);
    const before = mtimes();
    const run = await grade(false);
    expect(run.kept).toBe(0);
    expect(rewritten(before).length).toBe(before.size);
  });
});
