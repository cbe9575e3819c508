import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser suites share one Chromium per file; two cores leave no room for more workers.
    maxWorkers: 2,
  },
});
