import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's transform cache goes with the other test output, not into node_modules (which may be
    // read-only, and which the tests check Kitpress never writes into).
    fsModuleCachePath: 'test/output/vitest-cache',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Browser and PDF tests are heavy; two cores are what we have.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
