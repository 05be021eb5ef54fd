import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Three projects share this file:
 * - `harness`:   the grader's own tests.
 * - `solutions`: the public tests, with every `../exercises/x` import pointed at
 *                `solutions/x`, so the same unmodified tests check the reference.
 * - `exercises`: the public tests against the stubs, as students first see them.
 *                Expected to fail; `grader check` runs it, `npm test` does not.
 */
const publicTests = {
  include: ['tests/public/**/*.test.ts'],
  setupFiles: ['tests/support/setup.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'harness',
          include: ['tests/harness/**/*.test.ts'],
          // Tests spawn bin/grader.js, which runs the build: make it from the sources under test.
          globalSetup: ['tests/harness/support/build-dist.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: {
          alias: [{ find: /^(\.\.\/)+exercises\/(.*)$/, replacement: `${root}solutions/$2` }],
        },
        test: { name: 'solutions', ...publicTests },
      },
      { test: { name: 'exercises', ...publicTests } },
    ],
  },
});
