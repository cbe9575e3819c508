import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser suites share one Chromium per file; two cores leave no room for more workers.
    maxWorkers: 2,
    // The CLI speaks the machine's language (LC_ALL, LC_MESSAGES, LANG): the suite runs in English wherever it runs,
    // and the tests of Spanish ask for it with --lang es or their own LANG.
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  },
});
