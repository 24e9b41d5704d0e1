import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // tests/testing imports benefit-rules/testing as a user would; here it is the source of that
  // entry (tsconfig.json "paths" alike), so a test needs no build; tests/package checks the packed one.
  resolve: { alias: { 'benefit-rules/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    // Property tests run thousands of evaluations; the default 5 s is tight on a shared 2-core machine.
    testTimeout: 60_000,
  },
});
