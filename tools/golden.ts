/**
 * Golden results, as Exercism's test runners keep them: beside every fixture
 * submission (each folder in fixtures/<group>/) an `expected_results.json`
 * holds what grading it gives, with timings dropped and machine paths
 * replaced, laid out one test a line with node tables only where they are the
 * point (./golden-view.ts). tests/harness/core/golden-results.test.ts diffs
 * every run against them; `npm run fixtures:update` rewrites them, and the
 * diff is reviewed like code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover } from '../grader/01-discover/discover.ts';
import { assignmentDefaults, readConfig } from '../grader/config/load.ts';
import { loadCatalogue } from '../grader/course/catalogue.ts';
import { gradeAll } from '../grader/grade.ts';
import type { SubmissionResult } from '../grader/results/types.ts';
import { goldenView, layout, type Row } from './golden-view.ts';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = path.join(REPO, 'fixtures');
export const GOLDEN_FILE = 'expected_results.json';
export const OWN_CONFIG_FILE = 'golden-config.json';

/**
 * The config a fixture group is graded with: the defaults of the assignment
 * the group is named after (fixtures/nn), or of the first one. The limits are
 * the defaults, so a golden shows what a class really gets; the chain is
 * shorter and a failed case keeps fewer nodes, so that the files stay small
 * enough to review. A fixture whose outcome races a limit carries its own
 * settings in a `golden-config.json` beside its files (the memory bomb needs
 * about 1.4 s to fill even a small heap, as V8 collects hard near its limit, so
 * it gets a small cap and a case limit with room: the heap, not the clock,
 * must stop it on a busy machine as on a quiet one; a recursive topological
 * sort keeps the full 5,000-node chain, the depth at which it overflows).
 */
export function goldenConfig(group: string, own: Record<string, unknown> = {}) {
  const named = loadCatalogue().assignments.some((a) => a.id === group);
  const { value, errors } = readConfig(
    {
      longChain: { length: 1000, points: 4 },
      nodesPerFailedCase: 12,
      concurrency: 2,
      ...own,
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

/** The fixture in `folder` as the golden view names it: `group/name`, with forward slashes on every system. */
export function fixtureName(folder: string): string {
  return path.relative(FIXTURES, folder).split(path.sep).join('/');
}

/** What the golden of the fixture in `folder` holds for this result (see ./golden-view.ts). */
export function goldenOf(result: SubmissionResult, folder: string): unknown {
  return goldenView(normalise(result) as Row, fixtureName(folder));
}

export function goldenText(result: SubmissionResult, folder: string): string {
  return `${layout(goldenOf(result, folder) as Row)}\n`;
}

/** A fixture's own golden settings, if it has any. */
function ownConfig(folder: string): Record<string, unknown> | undefined {
  const file = path.join(folder, OWN_CONFIG_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}

/** Grades each group's folders in one run, as the CLI would (a folder with its own settings alone). */
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
    const plain = inGroup.flatMap((folder, i) => (ownConfig(folder) ? [] : [i]));
    const results = await gradeAll(
      plain.map((i) => sources[i]),
      goldenConfig(group),
    );
    plain.forEach((i, k) => byPath.set(inGroup[i], results[k]));
    for (const [i, folder] of inGroup.entries()) {
      const own = ownConfig(folder);
      if (own) byPath.set(folder, (await gradeAll([sources[i]], goldenConfig(group, own)))[0]);
    }
  }
  return byPath;
}
