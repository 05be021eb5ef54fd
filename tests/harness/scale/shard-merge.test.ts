/**
 * Sharding and merging: `grade --shard K/N` splits a class by a stable hash
 * of each id, and `merge` of all N shards writes the same results.json and
 * grades.csv as one unsharded run (timings aside). Merge refuses anything
 * that would make that untrue.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../../grader/01-discover/shard.ts';
import type { SubmissionSource } from '../../../grader/01-discover/discover.ts';
import { isGraderError } from '../../../grader/errors.ts';
import { checkMergeable, mergedSubmissions, readShardOutput, type ShardOutput } from '../../../grader/runs/merge.ts';
import type { Results, SubmissionResult } from '../../../grader/results/types.ts';
import { runCli, tempDir } from '../integrations/run-cli.ts';
import { makeClass, normalise, readResults } from './class-maker.ts';

/** A file's text with the run's timestamp and every measured duration blanked. */
const untimed = (text: string) =>
  text.replace(/"generatedAt": ?"[^"]*"/g, '"generatedAt":"-"').replace(/"durationMs": ?[0-9.e+-]+/g, '"durationMs":0');

const sources = (ids: string[]): SubmissionSource[] => ids.map((id) => ({ id, kind: 'folder', path: `/x/${id}` }));

describe('shard selection', () => {
  it('parses K/N and refuses anything else with a usage error', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1-3', 'a/b', '']) {
      expect(() => parseShard(bad), bad).toThrow(/--shard must look like K\/N/);
    }
  });

  it('hashes ids, with fixed values that must not change between releases', () => {
    // A change here reshuffles every class already graded in shards.
    expect(['alice', 'bob', 'carol', 'dave'].map((id) => shardOf(id, 3))).toEqual([2, 1, 3, 1]);
  });

  it('puts every id in exactly one shard, and adding a student moves no one else', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `s${i}`);
    const shards = [1, 2, 3].map((index) => inShard(sources(ids), { index, count: 3 }).map((s) => s.id));
    expect(shards.flat().sort()).toEqual([...ids].sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(40); // roughly even, not all in one
    const grown = [1, 2, 3].map((index) =>
      inShard(sources(['new-student', ...ids]), { index, count: 3 })
        .map((s) => s.id)
        .filter((id) => id !== 'new-student'),
    );
    expect(grown).toEqual(shards);
  });
});

describe('merge refuses what it cannot merge faithfully', () => {
  const sub = (id: string) =>
    ({
      id,
      status: 'graded',
      score: 1,
      maxScore: 1,
      bonus: 0,
      maxBonus: 0,
      misconceptions: [],
      diagnoses: [],
      explainsAll: true,
      errors: [],
      output: '',
      outputTruncated: false,
      tests: [],
      durationMs: 1,
    }) as SubmissionResult;
  const results = (ids: string[], over: Partial<Results> = {}): Results => ({
    version: 4,
    grader: { name: 'gradelab', version: '0.1.0' },
    generatedAt: '2026-01-01T00:00:00.000Z',
    config: { tolerance: { rtol: 1e-6, atol: 1e-9 }, timeouts: { caseMs: 1000, submissionMs: 10000 }, memoryMb: 128 },
    submissions: ids.map(sub),
    ...over,
  });
  const out = (source: string, r: Results, shard?: { index: number; count: number }): ShardOutput => {
    const { submissions, ...header } = r;
    return {
      source,
      header,
      shard,
      summaries: async function* () {
        yield* submissions;
      },
      full: (s) => s,
    };
  };
  const refusal = async (outputs: ShardOutput[]) => {
    try {
      await checkMergeable(outputs);
    } catch (error) {
      expect(isGraderError(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error('merge should have refused');
  };

  it('merges plain outputs, every submission once', async () => {
    const outputs = [out('a', results(['b', 'c'])), out('b', results(['a']))];
    expect((await checkMergeable(outputs)).version).toBe(4);
    const ids: string[] = [];
    for await (const s of mergedSubmissions(outputs)) ids.push(s.id);
    expect(ids.sort()).toEqual(['a', 'b', 'c']);
  });
  it('keeps the assignment of the shards, and refuses shards of different assignments', async () => {
    const nn = { assignment: 'nn' };
    expect((await checkMergeable([out('a', results(['a'], nn)), out('b', results(['b'], nn))])).assignment).toBe('nn');
    expect(await checkMergeable([out('a', results(['a'])), out('b', results(['b']))])).not.toHaveProperty('assignment');
    expect(await refusal([out('one', results(['a'], nn)), out('two', results(['b']))])).toMatch(
      /assignment first vs nn/,
    );
  });
  it('refuses an id in two shards', async () => {
    expect(await refusal([out('one', results(['a', 'b'])), out('two', results(['b']))])).toMatch(
      /'b' appears in both one and two/,
    );
  });
  it('refuses different grader versions', async () => {
    expect(
      await refusal([
        out('one', results(['a'])),
        out('two', results(['b'], { grader: { name: 'gradelab', version: '0.2.0' } })),
      ]),
    ).toMatch(/grader 0\.2\.0 vs 0\.1\.0/);
  });
  it('refuses different configs', async () => {
    const other = results(['b']);
    other.config = { ...other.config, memoryMb: 64 };
    expect(await refusal([out('one', results(['a'])), out('two', other)])).toMatch(/grading config/);
  });
  it('refuses a missing or doubled shard', async () => {
    expect(
      await refusal([
        out('one', results(['a']), { index: 1, count: 3 }),
        out('three', results(['c']), { index: 3, count: 3 }),
      ]),
    ).toMatch(/missing shard\(s\) 2\/3/);
    expect(
      await refusal([
        out('one', results(['a']), { index: 1, count: 2 }),
        out('again', results(['c']), { index: 1, count: 2 }),
      ]),
    ).toMatch(/shard 1\/2 was given twice/);
  });
  it('refuses a results.json that fails its schema', async () => {
    const dir = tempDir('bad-shard');
    writeFileSync(path.join(dir, 'results.json'), JSON.stringify({ version: 4, submissions: [] }));
    await expect(readShardOutput(dir)).rejects.toThrow(/not a valid results\.json/);
  });
  it('refuses a results.json of the earlier format, saying what to do', async () => {
    const dir = tempDir('old-shard');
    writeFileSync(path.join(dir, 'results.json'), JSON.stringify({ ...results([]), version: 1 }));
    await expect(readShardOutput(dir)).rejects.toThrow(/results format 1.*grade again/);
  });
});

describe('grade --shard and merge, end to end', () => {
  const root = tempDir('shards');
  const classDir = path.join(root, 'class');
  const ids = makeClass(classDir, 9);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const grade = (out: string, ...extra: string[]) =>
    runCli(['grade', classDir, '--out', path.join(root, out), '--no-cache', '--reporter', 'json', 'csv', ...extra]);
  const whole = grade('whole');
  const shards = [1, 2, 3].map((k) => grade(`shard-${k}`, '--shard', `${k}/3`));
  const merged = runCli([
    'merge',
    ...[1, 2, 3].map((k) => path.join(root, `shard-${k}`)),
    '--out',
    path.join(root, 'merged'),
    '--reporter',
    'json',
    'csv',
  ]);
  // The Canvas import: shards graded without the roster, which is given to merge, as to an unsharded run.
  const roster = path.join(root, 'roster.csv');
  writeFileSync(
    roster,
    `folder,student_id,name\n${ids.map((id, i) => `${id},S${i},Student ${i}`).join('\n')}\nabsent,S99,Never Submitted\n`,
  );
  const canvasFlags = ['--roster', roster, '--assignment-name', 'Backprop', '--assignment-id', '77'];
  const wholeCanvas = grade('whole-canvas', ...canvasFlags);
  const mergedCanvas = runCli([
    'merge',
    ...[1, 2, 3].map((k) => path.join(root, `shard-${k}`)),
    '--out',
    path.join(root, 'merged-canvas'),
    '--reporter',
    'json',
    'csv',
    ...canvasFlags,
  ]);

  it('runs every command successfully', () => {
    for (const run of [whole, ...shards, merged]) expect(run.status, run.stderr).toBe(0);
    expect(merged.stdout).toContain('merged 3 shard(s): 9 submission(s)');
  });

  it('grades each id in exactly the shard its hash names', () => {
    for (const k of [1, 2, 3]) {
      const got = readResults(path.join(root, `shard-${k}`)).submissions.map((s) => s.id);
      expect(got).toEqual(ids.filter((id) => shardOf(id, 3) === k));
      expect(got.length, `shard ${k} should not be empty, or the merge proves little`).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(path.join(root, `shard-${k}`, 'shard.json'), 'utf8'))).toMatchObject({
        index: k,
        count: 3,
        submissions: got.length,
      });
    }
    expect(existsSync(path.join(root, 'whole', 'shard.json'))).toBe(false);
  });

  it('merges into the same results.json and grades.csv as the unsharded run', () => {
    const one = readResults(path.join(root, 'whole'));
    const combined = readResults(path.join(root, 'merged'));
    expect(combined.submissions).toHaveLength(9);
    expect(normalise(combined)).toEqual(normalise(one));
    expect(readFileSync(path.join(root, 'merged', 'grades.csv'), 'utf8')).toBe(
      readFileSync(path.join(root, 'whole', 'grades.csv'), 'utf8'),
    );
  });

  it('writes results.json and every detail file byte for byte as the unsharded run does, timings aside', () => {
    const text = (dir: string, file: string) => untimed(readFileSync(path.join(root, dir, file), 'utf8'));
    expect(text('merged', 'results.json')).toBe(text('whole', 'results.json'));
    const details = (dir: string) => readdirSync(path.join(root, dir, 'details')).sort();
    expect(details('merged')).toHaveLength(9);
    expect(details('merged')).toEqual(details('whole'));
    for (const file of details('whole'))
      expect(text('merged', `details/${file}`), file).toBe(text('whole', `details/${file}`));
  });

  it('given the roster, merge writes the same canvas-grades.csv and roster report as an unsharded run', () => {
    for (const run of [wholeCanvas, mergedCanvas]) expect(run.status, run.stderr).toBe(0);
    const canvas = (dir: string) => readFileSync(path.join(root, dir, 'canvas-grades.csv'), 'utf8');
    expect(canvas('merged-canvas')).toBe(canvas('whole-canvas'));
    expect(canvas('merged-canvas')).toContain('Backprop (77)');
    expect(
      canvas('merged-canvas')
        .split('\n')
        .filter((line) => line.includes('Student ')).length,
    ).toBe(ids.length);
    expect(readResults(path.join(root, 'merged-canvas')).roster).toEqual(
      readResults(path.join(root, 'whole-canvas')).roster,
    );
    // The student without a submission is reported once, for the whole class, not once per shard.
    const warned = (stderr: string) =>
      stderr.split('\n').filter((line) => line.startsWith('warning: Never Submitted (S99')).length;
    expect(warned(mergedCanvas.stderr)).toBe(1);
    expect(warned(wholeCanvas.stderr)).toBe(1);
  });

  it('refuses, from the command line, to merge an incomplete set', () => {
    mkdirSync(path.join(root, 'partial'), { recursive: true });
    const run = runCli([
      'merge',
      path.join(root, 'shard-1'),
      path.join(root, 'shard-3'),
      '--out',
      path.join(root, 'partial'),
    ]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/missing shard\(s\) 2\/3/);
    expect(existsSync(path.join(root, 'partial', 'results.json'))).toBe(false);
  });
});
