import { defineConfig } from 'vitest/config';

/**
 * Test suites, each a Vitest project; `npm test` (bin/run-tests.js) runs them in turn and prints one
 * `suite: N passed, N failed` line each. The database suites run the same files on PGlite and PostgreSQL.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'web/src/**/*.test.ts',
            'bench/**/*.test.ts',
            'test/paper/**/*.test.ts',
          ],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['test/db/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts'],
          env: { KITOUT_TEST_DB: 'pglite' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['test/db/**/*.test.ts', 'test/api/**/*.test.ts', 'test/pg/**/*.test.ts'],
          env: { KITOUT_TEST_DB: 'postgres' },
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
