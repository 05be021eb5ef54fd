/**
 * Runs before every public test file (see `setupFiles` in vitest.config.ts).
 */
import { beforeEach, expect } from 'vitest';
import { gradMatchers } from './matchers';
import { explainMissingMethods } from './missing-methods';

// toHaveGrad, toHaveData and toBeAbout: number checks with teaching messages.
expect.extend(gradMatchers);

// A test that checks nothing would pass by accident; make that a failure instead.
beforeEach(() => {
  expect.hasAssertions();
});

// A required method not written yet fails only the tests that need it (./missing-methods.ts).
try {
  explainMissingMethods((await import('../../exercises/engine')).Value);
} catch {
  // An engine that does not load fails its own tests, with its own error; the others still run.
}
