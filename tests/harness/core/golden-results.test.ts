/**
 * Every fixture submission graded, and its whole result diffed against the
 * expected_results.json beside it (timings dropped, paths made neutral, node
 * tables digested where they are not the point: tools/golden-view.ts). A
 * difference is either a bug or an intended change: then run
 * `npm run fixtures:update` and review the diff of the golden files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { goldenView, type Row } from '../../../tools/golden-view.ts';
import { everyChange } from '../support/every-change.ts';
import {
  fixtureName,
  GOLDEN_FILE,
  REPO,
  goldenFolders,
  goldenOf,
  gradeForGolden,
  normalise,
} from '../../../tools/golden.ts';

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

  it('each golden notices any change to its result: every field altered or removed, node tables and loss curves too', () => {
    let changes = 0;
    const unseen: string[] = [];
    for (const folder of folders) {
      const fixture = fixtureName(folder);
      const { tests, ...top } = normalise(results.get(folder)!) as Row & { tests: Row[] };
      // The submission's own fields, then each test with the submission's fields it is read against.
      const subjects: Array<[Row, (changed: Row) => Row]> = [
        [{ ...top, tests: [] } as Row, (changed) => changed],
        ...tests.map((t): [Row, (changed: Row) => Row] => [t, (changed) => ({ ...top, tests: [changed] })]),
      ];
      for (const [subject, within] of subjects) {
        const before = goldenView(within(subject), fixture);
        for (const { path: at, how, value } of everyChange(subject)) {
          changes++;
          if (isDeepStrictEqual(goldenView(within(value as Row), fixture), before))
            unseen.push(`${fixture}: ${how} ${at.join('.')}`);
        }
      }
    }
    expect(unseen.slice(0, 20)).toEqual([]);
    expect(changes).toBeGreaterThan(100_000);
  });

  it.each(folders.map((f) => [path.relative(REPO, f), f]))('%s', (_name, folder) => {
    const file = path.join(folder, GOLDEN_FILE);
    if (!existsSync(file)) throw new Error(`${path.relative(REPO, file)} is missing: run npm run fixtures:update`);
    const expected = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(goldenOf(results.get(folder)!, folder)).toEqual(expected);
  });
});
