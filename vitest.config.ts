import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Browser and PDF tests are heavy; two cores are what we have.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
