/**
 * Runs before every public test file (see `setupFiles` in vitest.config.ts).
 */
import { beforeEach, expect } from 'vitest';
import { gradMatchers } from './matchers';

// toHaveGrad, toHaveData and toBeAbout: number checks with teaching messages.
expect.extend(gradMatchers);

// A test that checks nothing would pass by accident; make that a failure instead.
beforeEach(() => {
  expect.hasAssertions();
});
