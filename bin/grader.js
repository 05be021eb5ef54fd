#!/usr/bin/env node
// Runs the grader's build in dist/, which `npm install` and `npm ci` make
// (the prepare script), so the CLI starts without compiling TypeScript. If
// the build is missing or older than the sources (they were edited or
// updated since), it runs the sources through tsx instead: slower to start,
// never stale.
// First: an unsupported Node stops here, in one line, before anything loads.
import './node-version.js';
import module from 'node:module';
import process from 'node:process';
import { buildIsCurrent } from './build-state.js';

// V8's compiled code for the build, kept on disk (Node's own cache, in the
// system's temporary folder) so that each later run skips parsing and
// compiling it: about a third of `grader --help`'s CPU time. Where the cache
// cannot be written, Node carries on without it.
module.enableCompileCache?.();

if (buildIsCurrent()) {
  await import('../dist/grader.js');
} else {
  process.stderr.write(
    'gradelab: dist/ is missing or older than the sources; running them through tsx (slower to start). `npm run build` updates it.\n',
  );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../grader/cli/main.ts');
}
