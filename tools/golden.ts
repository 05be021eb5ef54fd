/**
 * Golden results, as Exercism's test runners keep them: beside every fixture
 * submission (each folder in fixtures/<group>/) an `expected_results.json`
 * holds what grading it gives, with timings dropped and machine paths
 * replaced. tests/harness/core/golden-results.test.ts diffs every run against
 * them; `npm run fixtures:update` rewrites them, and the diff is reviewed
 * like code.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover } from '../grader/01-discover/discover.ts';
import { assignmentDefaults, readConfig } from '../grader/config/load.ts';
import { loadCatalogue } from '../grader/course/catalogue.ts';
import { gradeAll } from '../grader/grade.ts';
import type { SubmissionResult } from '../grader/results/types.ts';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = path.join(REPO, 'fixtures');
export const GOLDEN_FILE = 'expected_results.json';

/**
 * The config a fixture group is graded with: the defaults of the assignment
 * the group is named after (fixtures/nn), or of the first one. The limits are
 * the defaults, so a golden shows what a class really gets; the chain is
 * shorter and a failed case keeps fewer nodes, so that the files stay small
 * enough to review. Hostile fixtures get a small heap cap (see below).
 */
export function goldenConfig(group: string) {
  const named = loadCatalogue().assignments.some((a) => a.id === group);
  const { value, errors } = readConfig(
    {
      longChain: { length: 1000, points: 4 },
      nodesPerFailedCase: 12,
      concurrency: 2,
      // A small heap cap stops the memory bomb long before a case's time limit, on a
      // quiet machine or a busy one; at the default cap the two race.
      ...(group === 'hostile' ? { memoryMb: 32 } : {}),
    },
    `golden config for fixtures/${group}`,
    assignmentDefaults(named ? group : undefined),
  );
  if (errors.length > 0) throw new Error(errors.join('; '));
  return value;
}

/** Every fixture submission folder: fixtures/<group>/<name>/, new groups included. */
export function goldenFolders(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((group) => group.isDirectory())
    .flatMap((group) =>
      readdirSync(path.join(FIXTURES, group.name), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(FIXTURES, group.name, entry.name)),
    )
    .sort();
}

/** Timings dropped (they differ on every run), and this machine's paths made neutral. */
export function normalise(result: SubmissionResult): unknown {
  const places: Array<[string, string]> = [
    [REPO.replace(/\/$/, ''), '<repo>'],
    [os.tmpdir(), '<tmp>'],
  ];
  return JSON.parse(
    JSON.stringify(result, (key, value: unknown) => {
      if (key === 'durationMs') return undefined;
      if (typeof value !== 'string') return value;
      return places.reduce((text, [from, to]) => text.split(from).join(to), value);
    }),
  );
}

export function goldenText(result: SubmissionResult): string {
  return `${JSON.stringify(normalise(result), null, 2)}\n`;
}

/** Grades the folders in one run, as the CLI would; results in the folders' order. */
export async function gradeForGolden(folders: string[]): Promise<Map<string, SubmissionResult>> {
  const byPath = new Map<string, SubmissionResult>();
  const groups = [...new Set(folders.map((folder) => path.basename(path.dirname(folder))))];
  for (const group of groups) {
    const inGroup = folders.filter((folder) => path.basename(path.dirname(folder)) === group);
    const sources = inGroup.map((folder) => {
      // One folder at a time through discovery, so that each result is tied to its own folder.
      const { submissions } = discover([folder]);
      if (submissions.length !== 1) throw new Error(`${folder} is not one submission (found ${submissions.length})`);
      return submissions[0];
    });
    const results = await gradeAll(sources, goldenConfig(group));
    inGroup.forEach((folder, i) => byPath.set(folder, results[i]));
  }
  return byPath;
}
