import { defineConfig } from 'vitest/config';

/** End-to-end tests of the studio (Playwright + Debian Chromium against the browser mode). `npm run test:e2e` builds the renderer first. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
