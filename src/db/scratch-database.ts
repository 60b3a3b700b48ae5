import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away database on a PostgreSQL server, for tests and benchmarks: created empty, dropped on `drop()`.
 * `baseUrl` names any database on the server that the account may connect to.
 */
export async function createScratchDatabase(
  baseUrl: string,
  prefix = 'kitout_t',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
