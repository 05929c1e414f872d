import { defineConfig } from 'vitest/config';

// One runner for everything. `npm test` (scripts/test.mjs) runs these projects in order.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'] } },
      {
        test: {
          name: 'pglite',
          include: ['test/integration/**/*.test.ts'],
          env: { LANDSBY_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['test/integration/**/*.test.ts'],
          env: { LANDSBY_TEST_DB: 'postgres' },
          globalSetup: ['test/support/postgres-global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
