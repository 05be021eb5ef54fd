/**
 * Grading a class streams: each result goes to disk as it arrives (detail
 * file, pages, a summary spool) and the output writer keeps nothing of it
 * but its id and where it was written. Checked here by walking everything
 * reachable from the writer after a whole class went through it, and by
 * reading back what it wrote. Memory itself is measured by the bench, not here.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../../grader/01-discover/discover.ts';
import { gradeEachWithCache } from '../../../grader/cache/cached-grade.ts';
import type { ClassOutput } from '../../../grader/07-render/class-output.ts';
import { openClassOutput } from '../../../grader/07-render/write-outputs.ts';
import { resultsHeader } from '../../../grader/results/build.ts';
import type { Results, SubmissionResult } from '../../../grader/results/types.ts';
import { check } from '../../../grader/schema.ts';
import { tempDir } from '../integrations/run-cli.ts';
import { makeClass } from './class-maker.ts';
import { testConfig } from '../support/fixture-class.ts';

/** Every object reachable from `root` (own properties, array items, Map and Set entries). */
function reachable(root: unknown): object[] {
  const seen = new Set<object>();
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map) stack.push(...v.keys(), ...v.values());
    else if (v instanceof Set) stack.push(...v);
    else stack.push(...Object.values(v));
  }
  return [...seen];
}

const root = tempDir('streaming');
const out = path.join(root, 'out');
const COUNT = 12;
let output: ClassOutput;
let written: string[];
let handed = 0;
let handedNodes = 0;

beforeAll(async () => {
  // Every fifth has the overwrite bug and every seventh a tanh bug, so failed graph cases carry nodes.
  makeClass(path.join(root, 'class'), COUNT);
  const config = testConfig({ concurrency: 2 });
  const { submissions } = discover([path.join(root, 'class')]);
  output = openClassOutput(out, resultsHeader(config), ['json', 'csv', 'html'], {
    audience: 'instructor',
    now: new Date(),
  });
  await gradeEachWithCache(submissions, config, async (result: SubmissionResult) => {
    handed++;
    handedNodes += result.tests.reduce((n, t) => n + (t.nodes?.length ?? 0), 0);
    await output.add(result);
  });
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a class streamed through the output writer', () => {
  it('was given full results, nodes included (or this test would prove nothing)', () => {
    expect(handed).toBe(COUNT);
    expect(handedNodes).toBeGreaterThan(0);
  });

  it('holds no test result, and no node, of any submission once they are written', () => {
    const held = reachable(output);
    expect(held.filter((o) => 'nodes' in o || 'tests' in o || 'expected' in o)).toEqual([]);
    // What it does keep is small and per submission: its id and place in the spool, and the paths written.
    expect(held.length).toBeLessThan(COUNT * 6 + 50);
  });

  it('then writes results.json from the spool: schema-valid, summaries only, each naming a detail file that exists', async () => {
    written = await output.finish();
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
    expect(check('results', results)).toEqual([]);
    expect(results.submissions.map((s) => s.id)).toEqual([...results.submissions.map((s) => s.id)].sort());
    expect(results.submissions).toHaveLength(COUNT);
    let detailNodes = 0;
    for (const s of results.submissions) {
      expect(s.tests.some((t) => 'nodes' in t)).toBe(false);
      const file = path.join(out, s.detail!);
      expect(existsSync(file), s.detail).toBe(true);
      const detail = JSON.parse(readFileSync(file, 'utf8'));
      expect(check('submission-detail', detail)).toEqual([]);
      expect(detail.submission.id).toBe(s.id);
      detailNodes += (detail.submission as SubmissionResult).tests.reduce((n, t) => n + (t.nodes?.length ?? 0), 0);
    }
    expect(detailNodes).toBe(handedNodes);
  });

  it('wrote each submission’s pages and the class files', () => {
    expect(written).toEqual(expect.arrayContaining(['results.json', 'grades.csv', 'index.html']));
    expect(written.filter((f) => f.startsWith('submissions/'))).toHaveLength(COUNT);
    expect(written.filter((f) => f.startsWith('feedback/'))).toHaveLength(COUNT);
    expect(readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split('\n')).toHaveLength(COUNT + 1);
    for (const f of written) expect(existsSync(path.join(out, f)), f).toBe(true);
  });
});
