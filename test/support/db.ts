import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { createScratchDatabase } from '../../src/db/scratch-database.ts';

/** Which database this test run uses: `postgres` when the suite runs as the PostgreSQL project. */
export const TEST_DB_KIND = process.env.KITOUT_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'the PostgreSQL suite needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)',
    );
  return url;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the PostgreSQL server of
 * TEST_DATABASE_URL that is dropped again on close. The same tests run on both.
 */
export async function testDb(): Promise<DbHandle> {
  if (TEST_DB_KIND === 'pglite') return createDb();
  const scratch = await createScratchDatabase(testDatabaseUrl());
  const handle = await createDb({ databaseUrl: scratch.url, poolSize: 20 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
