/**
 * A run killed with SIGKILL halfway loses nothing: every result written to
 * the cache before the kill is reused by the next run, which grades only the
 * rest, and the final results equal those of a clean, uncached run.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { BIN, runCli, tempDir } from '../integrations/run-cli.ts';
import { makeClass, normalise, readResults } from './class-maker.ts';

const STUDENTS = 40;

describe('a run killed with SIGKILL', () => {
  const root = tempDir('resume');
  const classDir = path.join(root, 'class');
  const cacheDir = path.join(root, 'cache');
  makeClass(classDir, STUDENTS);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const out = (name: string) => path.join(root, name);
  const gradeArgs = (name: string) => ['grade', classDir, '--out', out(name), '--reporter', 'json', 'csv'];

  /** Complete cache entries by file name: temporary files of an interrupted write are not entries. */
  const entries = () =>
    new Map(
      readdirSync(cacheDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [f, readFileSync(path.join(cacheDir, f), 'utf8')]),
    );

  it('resumes from the cache and ends with the results of a clean run', async () => {
    const clean = runCli([...gradeArgs('clean'), '--no-cache']);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).not.toMatch(/cache:/);

    const child = spawn(
      process.execPath,
      [BIN, ...gradeArgs('killed'), '--cache-dir', cacheDir, '--concurrency', '2'],
      { stdio: 'ignore' },
    );
    const exited = once(child, 'exit');
    const deadline = Date.now() + 90_000;
    while (!(existsSync(cacheDir) && entries().size >= 3) && Date.now() < deadline) await sleep(10);
    child.kill('SIGKILL');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });

    const before = entries();
    expect(before.size).toBeGreaterThanOrEqual(3);
    expect(before.size, 'the run must be killed before it finishes').toBeLessThan(STUDENTS);
    expect(existsSync(path.join(out('killed'), 'results.json'))).toBe(false);
    const cached = new Map(
      [...before.values()].map((text) => {
        const { result } = JSON.parse(text) as { result: SubmissionResult };
        return [result.id, result.durationMs] as const;
      }),
    );

    const resumed = runCli([...gradeArgs('resumed'), '--cache-dir', cacheDir]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`cache: ${before.size} hit(s), ${STUDENTS - before.size} miss(es)`);

    const results = readResults(out('resumed'));
    expect(results.submissions).toHaveLength(STUDENTS);
    expect(normalise(results)).toEqual(normalise(readResults(out('clean'))));
    // Not re-graded: a fresh grading would have measured a new duration.
    for (const [id, durationMs] of cached)
      expect(results.submissions.find((s) => s.id === id)?.durationMs, id).toBe(durationMs);
    // The entries that survived the kill are untouched, and the rest were added.
    const after = entries();
    for (const [file, text] of before) expect(after.get(file)).toBe(text);
    expect(after.size).toBe(STUDENTS);
  }, 180_000);
});
