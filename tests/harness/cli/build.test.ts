/**
 * The build that bin/grader.js runs (tools/build.ts, made before these
 * tests by tests/harness/support/build-dist.ts): current, loading only what a
 * command needs, and keyed to the sources it was built from.
 */
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIsCurrent, DIST, STAMP } from '../../../bin/build-state.js';
import { graderSourceDigest } from '../../../grader/cache/key.ts';
import { runCli } from '../integrations/run-cli.ts';

/** Every file dist/<entry> loads before it runs: its static imports, followed through the build's chunks. */
function staticClosure(entry: string): { chunks: string[]; packages: Set<string> } {
  const chunks: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (chunks.includes(file)) return;
    chunks.push(file);
    const code = readFileSync(path.join(DIST, file), 'utf8');
    for (const [, from] of code.matchAll(/^import\s[^'"]*?from\s*"([^"]+)";?$|^import\s*"([^"]+)";?$/gm)) {
      if (from === undefined) continue;
      if (from.startsWith('./')) visit(from.slice(2));
      else packages.add(from);
    }
  };
  visit(entry);
  return { chunks, packages };
}

describe('the build in dist/', () => {
  it('is current: built from the sources under test', () => {
    expect(buildIsCurrent()).toBe(true);
  });

  it('records the digest of those sources, so the cache key names the code that runs', () => {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as { sourceDigest: string };
    expect(stamp.sourceDigest).toBe(graderSourceDigest());
  });

  it('starts the CLI without loading any command: no grading, rendering, sandbox or schema code', () => {
    const { chunks, packages } = staticClosure('grader.js');
    // Node's own modules only: yargs is inside the bundle, and every other package loads with the command that needs it.
    expect([...packages].filter((name) => !isBuiltin(name))).toEqual([]);
    expect(chunks.length).toBeLessThan(5);
  });

  it('loads no package before grade and ci need it: rendering, bundling, zips, merging and progress bars load on first use', () => {
    const grader = readFileSync(path.join(DIST, 'grader.js'), 'utf8');
    for (const command of ['grade', 'ci']) {
      const chunk = new RegExp(`import\\("\\./(${command}-[\\w-]+\\.js)"\\)`).exec(grader)?.[1];
      expect(chunk, `the chunk of ${command}`).toBeDefined();
      const { packages } = staticClosure(chunk!);
      expect([...packages].filter((name) => !isBuiltin(name))).toEqual([]);
    }
  });

  it('runs --help from the build, with every command listed', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    for (const command of ['grade', 'check', 'release', 'merge', 'ci', 'gradescope'])
      expect(help.stdout).toContain(`grader ${command}`);
  });
});
