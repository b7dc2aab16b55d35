import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium (puppeteer-core) with the e2e build, against the mock AWRA app. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium at a time on a 2-core machine.
    fileParallelism: false,
  },
});
