import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  /** `pglite` (embedded, a folder on disk or in memory) or `postgres` (a server). */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A PostgreSQL connection string; absent means embedded PGlite. */
  databaseUrl?: string;
  /** PGlite's data folder; absent (with no URL) means an in-memory database. */
  dataDir?: string;
  /** Run migrations before returning (default true). */
  migrate?: boolean;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

// DATE columns come back as the text PostgreSQL wrote ("2026-12-01"), not as a Date shifted by the local time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint ids and counts fit in a JS number for any realistic volume here; read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * The one place that knows which database Kitout runs on. PGlite and PostgreSQL speak the same SQL, so the rest
 * of the code sees one Kysely instance either way.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  let handle: DbHandle;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A pool keeps idle connections; an error on one of them must not crash the process.
    pool.on('error', (err) => process.stderr.write(`kitout: database connection error: ${err.message}\n`));
    // A connection that drops while checked out (between two statements of a transaction) emits 'error' on its
    // client, which the pool does not listen to then: without this, a database restart would crash the process.
    // The statement in flight still fails with the error, and the broken client is not returned to the pool.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    handle = { db, kind: 'postgres', close: () => db.destroy() };
  } else {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    // Same type parsing as the pg driver above: DATE as text, bigint as number.
    const parsers = { 1082: (value: string) => value, 20: (value: string) => Number(value) };
    // pg_trgm is compiled into PGlite as a loadable extension; name search needs it (migration 004).
    const extensions = { pg_trgm };
    const client = await PGlite.create(
      options.dataDir ? { dataDir: options.dataDir, parsers, extensions } : { parsers, extensions },
    );
    await client.exec(`set datestyle to 'ISO'`);
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    handle = {
      db,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        if (!client.closed) await client.close();
      },
    };
  }
  if (options.migrate !== false) await migrateToLatest(handle.db as unknown as Kysely<unknown>);
  return handle;
}
