/**
 * `grader grade` hands itself to a child process whose V8 keeps a small
 * young generation (bin/young-generation.js): the process that grades has
 * the flag, every other command runs as it is, and the exit status and
 * output are the child's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { wantsSmallYoungGeneration } from '../../../bin/young-generation.js';
import { fixture, runCli, tempDir } from '../integrations/run-cli.ts';

describe('the small young generation of grader grade', () => {
  test('is asked for by grade alone, and only while the flag is missing', () => {
    expect(wantsSmallYoungGeneration(['node', 'grader', 'grade', 'class'], [])).toBe(true);
    expect(wantsSmallYoungGeneration(['node', 'grader', 'grade', 'class'], ['--max-semi-space-size=16'])).toBe(false);
    expect(wantsSmallYoungGeneration(['node', 'grader', 'ci', '.'], [])).toBe(false);
    expect(wantsSmallYoungGeneration(['node', 'grader', '--help'], [])).toBe(false);
  });

  test('the process that grades runs with the flag, and grading works through it', () => {
    const dir = tempDir('young');
    const log = path.join(dir, 'processes.txt');
    // Loaded into every grader process (the hosts get no environment): each notes its V8 flags.
    const probe = path.join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, JSON.stringify(process.execArgv.filter((a) => a.startsWith('--max'))) + '\\n');\n`,
    );
    const out = path.join(dir, 'out');
    const run = runCli(['grade', fixture('submissions', 'correct-micrograd-style'), '--out', out, '--no-cache'], {
      NODE_OPTIONS: `--import ${probe}`,
    });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toContain('graded 1 submission');
    expect(readFileSync(path.join(out, 'results.json'), 'utf8')).toContain('"correct-micrograd-style"');
    const flags = readFileSync(log, 'utf8').trim().split('\n');
    expect(flags).toEqual(['[]', '["--max-semi-space-size=16"]']);
  });
});
