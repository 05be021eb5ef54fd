/**
 * One student costs one row: a writer that throws on one submission's result,
 * in its own files or in its row of a class-wide file, turns that result into
 * the grader's failure on it, and every other submission and every class file
 * is written as usual. A writer that cannot take even that leaves the one
 * submission out, and only it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassOutput } from '../../../grader/07-render/class-output.ts';
import type { ClassResults, StreamingReporter } from '../../../grader/07-render/reporter.ts';
import { reporters, REPORTER_NAMES } from '../../../grader/07-render/registry.ts';
import { resultsHeader } from '../../../grader/results/build.ts';
import type { SubmissionResult } from '../../../grader/results/types.ts';
import { FIXTURES, gradePaths, testConfig } from '../support/fixture-class.ts';

const config = testConfig({ longChain: { length: 200, points: 4 } });
const header = resultsHeader(config, new Date('2026-01-01T00:00:00Z'));
const context = { audience: 'instructor' as const, now: new Date('2026-01-01T00:00:00Z') };
let graded: SubmissionResult;
let temp: string;

beforeAll(async () => {
  const results = await gradePaths([path.join(FIXTURES, 'submissions', 'correct-micrograd-style')], config);
  graded = [...results.values()][0];
  temp = mkdtempSync(path.join(os.tmpdir(), 'gradelab-one-row-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const as = (id: string): SubmissionResult => ({ ...graded, id });

/** `name`'s reporter, throwing wherever it meets a result that `hits` picks. */
function faulty(name: string, hits: (s: SubmissionResult) => boolean): StreamingReporter {
  const real = reporters[name as keyof typeof reporters];
  const boom = (s: SubmissionResult) => {
    if (hits(s)) throw new Error(`injected fault in ${name} for ${s.id}`);
  };
  return {
    ...real,
    ...(real.submission && {
      submission: (full, run, ctx) => (boom(full), real.submission!(full, run, ctx)),
    }),
    ...(real.finish && {
      finish: (run: ClassResults, ctx) =>
        real.finish!({ ...run, summaries: () => [...run.summaries()].map((s) => (boom(s), s)) }, ctx),
    }),
  };
}

async function gradeWith(faultIn: string, hits: (s: SubmissionResult) => boolean) {
  const out = path.join(temp, `${faultIn}-${Math.random().toString(36).slice(2)}`);
  const chosen = REPORTER_NAMES.map((n) => (n === faultIn ? faulty(n, hits) : reporters[n]));
  const output = new ClassOutput(out, chosen, header, context);
  const recorded = [];
  for (const id of ['alice', 'victim', 'zoe']) recorded.push(await output.add(as(id)));
  const written = await output.finish();
  const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as {
    submissions: SubmissionResult[];
  };
  return { out, output, recorded, written, results };
}

describe('a writer that throws on one submission', () => {
  it.each(REPORTER_NAMES)('%s: the victim becomes an error row, the rest are written as usual', async (name) => {
    const { out, recorded, written, results } = await gradeWith(
      name,
      (s) => s.id === 'victim' && s.status === 'graded',
    );
    for (const file of ['results.json', 'grades.csv', 'index.html', 'junit.xml', 'canvas-grades.csv'])
      expect(written, file).toContain(file);
    const byId = new Map(results.submissions.map((s) => [s.id, s]));
    expect([...byId.keys()]).toEqual(['alice', 'victim', 'zoe']);
    expect(byId.get('alice')!.score).toBe(graded.score);
    expect(byId.get('zoe')!.score).toBe(graded.score);
    const victim = byId.get('victim')!;
    expect(victim.status).toBe('error');
    expect(victim.errors.map((e) => e.code)).toEqual(['E_INTERNAL']);
    expect(victim.errors[0].message).toContain(`injected fault in ${name} for victim`);
    expect(recorded[1].status).toBe('error');
    expect(readFileSync(path.join(out, 'grades.csv'), 'utf8')).toMatch(/^victim,/m);
    expect(existsSync(path.join(out, 'alice.html')) || written.some((f) => f.includes('alice'))).toBe(true);
  });

  it.each(REPORTER_NAMES.filter((n) => reporters[n].finish))(
    '%s: a result no writer takes even as an error is left out alone',
    async (name) => {
      const { output, written, results } = await gradeWith(name, (s) => s.id === 'victim');
      expect(output.refused).toEqual(['victim']);
      expect(output.refusedWarnings()).toEqual([expect.stringMatching(/^victim: .*left out of the class files$/)]);
      expect(results.submissions.map((s) => s.id)).toEqual(['alice', 'zoe']);
      expect(written).toEqual(expect.arrayContaining(['results.json', 'grades.csv', 'index.html', 'junit.xml']));
    },
  );

  it("a result that JSON cannot serialise (as a string past V8's limit) costs its own row only", async () => {
    const { results } = await (async () => {
      const out = path.join(temp, 'huge');
      const output = new ClassOutput(
        out,
        REPORTER_NAMES.map((n) => reporters[n]),
        header,
        context,
      );
      await output.add(as('alice'));
      // A BigInt makes JSON.stringify throw, as a string past V8's length limit does, without 512 MB of memory.
      await output.add({ ...as('victim'), durationMs: 1n as unknown as number });
      await output.finish();
      return {
        results: JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as {
          submissions: SubmissionResult[];
        },
      };
    })();
    expect(results.submissions.map((s) => [s.id, s.status])).toEqual([
      ['alice', 'graded'],
      ['victim', 'error'],
    ]);
  });
});
