/**
 * The instructor's view: `grader grade fixtures/zips` grades the good
 * archives (bulk downloads expanded per student) and, for every bad one,
 * prints its reason and records an E_ZIP row, without stopping the run.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../../grader/results/types.ts';
import { fixture, runCli, tempDir } from '../integrations/run-cli.ts';

describe('grader grade fixtures/zips', () => {
  const out = tempDir('zips-out');
  const run = runCli(['grade', fixture('zips'), '--out', out, '--no-cache', '--reporter', 'json', 'csv']);
  const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
  const byId = new Map(results.submissions.map((s) => [s.id, s]));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('exits 0: refused archives are results, not failures of the run', () => {
    expect(run.stderr).not.toMatch(/E_INTERNAL/);
    expect(run.status).toBe(0);
  });

  it('grades the good single zip and every student of both bulk downloads', () => {
    for (const id of [
      'good-single',
      'Ada Lovelace_10001',
      'Alan Turing_10002',
      'hoppergrace_20001',
      'knuthdonald_20002',
    ]) {
      expect(byId.get(id)?.status, id).toBe('graded');
    }
    expect(byId.get('good-single')!.score).toBe(byId.get('good-single')!.maxScore);
    // my-work.zip inside Alan's Moodle folder holds the overwrite bug.
    expect(byId.get('Alan Turing_10002')!.misconceptions).toContain('overwrite-instead-of-accumulate');
  });

  it.each([
    ['zip-slip', /zip-slip/],
    ['bomb', /zip bomb/],
    ['symlink', /symbolic link/],
    ['oversized', /over the 5\.0 MB limit/],
    ['non-utf8-name', /not valid UTF-8/],
    ['encrypted', /encrypted/],
    ['truncated', /truncated or corrupt/],
  ])('reports why %s.zip was refused, in the results and on stderr', (id, reason) => {
    const row = byId.get(id)!;
    expect(row.status).toBe('error');
    expect(row.errors.map((e) => e.code)).toEqual(['E_ZIP']);
    expect(row.errors[0].message).toMatch(reason);
    expect(run.stderr).toMatch(new RegExp(`zip refused: ${id}: ${id}\\.zip: .*${reason.source}`));
  });

  it('lists the fixture script as skipped, not as a submission', () => {
    expect(run.stderr).toMatch(/skipped: .*make-zips\.ts/);
    expect(results.submissions).toHaveLength(12);
  });
});
