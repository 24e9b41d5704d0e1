import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Property tests run thousands of evaluations; the default 5 s is tight on a shared 2-core machine.
    testTimeout: 60_000,
  },
});
