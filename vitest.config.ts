import { configDefaults, defineConfig } from 'vitest/config';

// One runner for everything. `npm test` (scripts/test.mjs) runs these projects in order.
export default defineConfig({
  test: {
    // expect.poll waits for a condition, not a fixed time: give slow moments (a loaded CI
    // machine, a browser rendering 300 households) room before calling it a failure.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['test/integration/**/*.test.ts'],
          // Two processes on one database: PostgreSQL only (the embedded database is one process's).
          exclude: [...configDefaults.exclude, 'test/integration/scale-out.test.ts'],
          env: { LANDSBY_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
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
        extends: true,
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
