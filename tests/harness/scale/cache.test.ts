/**
 * The incremental cache, through gradeWithCache as the CLI uses it: an
 * unchanged submission is answered from disk without grading, and anything a
 * result depends on (the student's files, the config, the archive bytes)
 * sends exactly the affected submissions back through the grader.
 */
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionSource } from '../../../grader/01-discover/discover.ts';
import { cacheable, gradeWithCache } from '../../../grader/cache/cached-grade.ts';
import { runtimeVersions } from '../../../grader/cache/key.ts';
import { ResultCache } from '../../../grader/cache/store.ts';
import { gradeSubmission, type GradeOne } from '../../../grader/grade.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { buildZip, studentFiles } from '../../../fixtures/zips/make-zips.ts';
import { tempDir } from '../integrations/run-cli.ts';
import { testConfig } from '../support/fixture-class.ts';
import { engineFile, makeClass } from './class-maker.ts';

/** The real grader, with a record of who actually went through it. */
function countingGrader(): { gradeOne: GradeOne; graded: string[] } {
  const graded: string[] = [];
  return { graded, gradeOne: async (source, config) => (graded.push(source.id), gradeSubmission(source, config)) };
}

let root: string;
let sources: SubmissionSource[];
let cacheDir: string;
beforeEach(() => {
  root = tempDir('cache');
  cacheDir = path.join(root, 'cache');
  sources = makeClass(path.join(root, 'class'), 3).map((id) => ({
    id,
    kind: 'folder',
    path: path.join(root, 'class', id),
  }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function run(config = testConfig(), list = sources) {
  const counter = countingGrader();
  const { results, cache } = await gradeWithCache(list, config, { cacheDir, gradeOne: counter.gradeOne });
  return { results, cache, graded: counter.graded.sort() };
}

describe('gradeWithCache', () => {
  it('answers unchanged submissions from the cache, with identical results', async () => {
    const first = await run();
    expect(first.cache).toMatchObject({ enabled: true, hits: 0, misses: 3 });
    expect(first.graded).toEqual(['student-000', 'student-001', 'student-002']);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(3);
    const second = await run();
    expect(second.cache).toMatchObject({ hits: 3, misses: 0 });
    expect(second.graded).toEqual([]);
    expect(second.results).toEqual(first.results);
    // The overwrite bug in student-001 survives the round trip, so the cache holds real results.
    expect(second.results[1].misconceptions).toContain('overwrite-instead-of-accumulate');
  });

  it('re-grades only the submission whose file changed', async () => {
    await run();
    appendFileSync(engineFile(path.join(root, 'class'), 'student-002'), '// one more line\n');
    const again = await run();
    expect(again.graded).toEqual(['student-002']);
    expect(again.cache).toMatchObject({ hits: 2, misses: 1 });
  });

  it('ignores .git, so fetching into a clone does not invalidate it', async () => {
    await run();
    mkdirSync(path.join(sources[0].path, '.git'), { recursive: true });
    writeFileSync(path.join(sources[0].path, '.git', 'FETCH_HEAD'), 'abc\n');
    expect((await run()).graded).toEqual([]);
  });

  it('re-grades everything when the grading config changes, but not for concurrency', async () => {
    await run();
    expect((await run(testConfig({ concurrency: 1 }))).graded).toEqual([]);
    const stricter = await run(testConfig({ tolerance: { rtol: 1e-7 } }));
    expect(stricter.cache).toMatchObject({ hits: 0, misses: 3 });
  });

  it('keys a zip on its archive bytes', async () => {
    const zip = path.join(root, 'zipped.zip');
    writeFileSync(zip, buildZip(studentFiles('')));
    const list: SubmissionSource[] = [{ id: 'zipped', kind: 'zip', path: zip }];
    expect((await run(testConfig(), list)).graded).toEqual(['zipped']);
    expect((await run(testConfig(), list)).graded).toEqual([]);
    writeFileSync(zip, buildZip([...studentFiles(''), { name: 'README.md', data: 'hi' }]));
    expect((await run(testConfig(), list)).graded).toEqual(['zipped']);
  });

  it('treats a damaged cache file as a miss and repairs it', async () => {
    await run();
    for (const f of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, f), '{"format":1,"key":');
    expect((await run()).graded).toHaveLength(3);
    expect((await run()).graded).toEqual([]);
  });

  it('grades afresh and stores nothing without a cache folder', async () => {
    const counter = countingGrader();
    const { cache } = await gradeWithCache(sources, testConfig(), { gradeOne: counter.gradeOne });
    expect(cache.enabled).toBe(false);
    expect(counter.graded).toHaveLength(3);
  });

  it('removes the temporary files a killed run left behind, and only those', () => {
    const dir = path.join(root, 'sweep');
    mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, 'abc.json.123.deadbeef.tmp');
    const fresh = path.join(dir, 'def.json.456.cafebabe.tmp');
    const entry = path.join(dir, 'abc.json');
    for (const file of [stale, fresh, entry]) writeFileSync(file, '{}');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    utimesSync(entry, twoHoursAgo, twoHoursAgo);
    new ResultCache(dir);
    expect(readdirSync(dir).sort()).toEqual(['abc.json', 'def.json.456.cafebabe.tmp']);
  });

  it('keys on the installed transpilers and sandbox, whose upgrade can change a result', () => {
    const installed = (name: string) =>
      (JSON.parse(readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as { version: string })
        .version;
    expect(runtimeVersions().split(' ')).toEqual(
      ['rolldown', 'isolated-vm'].map((name) => `${name}@${installed(name)}`),
    );
  });
});

describe('what is worth caching', () => {
  const result = (over: Partial<SubmissionResult>): SubmissionResult => ({
    id: 'x',
    status: 'graded',
    score: 0,
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
    ...over,
  });

  it('keeps graded results and student errors, never timeouts or grader failures', () => {
    expect(cacheable(result({}))).toBe(true);
    expect(cacheable(result({ status: 'error', errors: [{ code: 'E_SUBMISSION_SYNTAX', message: 'x' }] }))).toBe(true);
    expect(cacheable(result({ status: 'timeout' }))).toBe(false);
    expect(cacheable(result({ tests: [{ status: 'timeout' } as SubmissionResult['tests'][number]] }))).toBe(false);
    expect(cacheable(result({ status: 'error', errors: [{ code: 'E_INTERNAL', message: 'x' }] }))).toBe(false);
  });

  it('does not store a timed-out result, so the next run tries again', async () => {
    const dir = path.join(root, 'no-timeouts');
    cpSync(sources[0].path, path.join(dir, 'slow'), { recursive: true });
    const slow: SubmissionSource[] = [{ id: 'slow', kind: 'folder', path: path.join(dir, 'slow') }];
    let calls = 0;
    const timingOut: GradeOne = async () => (calls++, result({ id: 'slow', status: 'timeout' }));
    await gradeWithCache(slow, testConfig(), { cacheDir, gradeOne: timingOut });
    const again = await gradeWithCache(slow, testConfig(), { cacheDir, gradeOne: timingOut });
    expect(calls).toBe(2);
    expect(again.cache).toMatchObject({ hits: 0, misses: 1 });
  });
});
