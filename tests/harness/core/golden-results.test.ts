/**
 * Every fixture submission graded, and its whole result diffed against the
 * expected_results.json beside it (timings dropped, paths made neutral). A
 * difference is either a bug or an intended change: then run
 * `npm run fixtures:update` and review the diff of the golden files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { GOLDEN_FILE, REPO, goldenFolders, gradeForGolden, normalise } from '../../../tools/golden.ts';

const folders = goldenFolders();
let results: Map<string, SubmissionResult>;

beforeAll(async () => {
  results = await gradeForGolden(folders);
}, 600_000);

describe('golden results', () => {
  it('covers every fixture group', () => {
    const groups = new Set(folders.map((f) => path.basename(path.dirname(f))));
    expect([...groups]).toEqual(expect.arrayContaining(['submissions', 'diagnosis', 'hostile']));
    expect(folders.length).toBeGreaterThan(50);
  });

  it.each(folders.map((f) => [path.relative(REPO, f), f]))('%s', (_name, folder) => {
    const file = path.join(folder, GOLDEN_FILE);
    if (!existsSync(file)) throw new Error(`${path.relative(REPO, file)} is missing: run npm run fixtures:update`);
    const expected = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(normalise(results.get(folder)!)).toEqual(expected);
  });
});
