import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/public/**/*.test.ts'],
    // Registers the gradient matchers (toHaveGrad, ...) before each test file.
    setupFiles: ['tests/support/setup.ts'],
    // The test files share no state, so one worker can run them all: about half the start-up time.
    isolate: false,
  },
});
