import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { createScratchDatabase } from '../../src/db/scratch-database.ts';
import { TEST_DB_KIND, testDatabaseUrl } from './db.ts';

/**
 * A database a child process (`node bin/kitout.js …`) can open too: a PGlite folder under `dir`, or a scratch
 * database on the test PostgreSQL server. `args` are the CLI options naming it; `env` sets DATABASE_URL.
 */
export interface ChildDb {
  env: NodeJS.ProcessEnv;
  args: string[];
  open(opts?: { migrate?: boolean }): Promise<DbHandle>;
  drop(): Promise<void>;
}

export async function childDb(dir: string, name: string): Promise<ChildDb> {
  if (TEST_DB_KIND === 'postgres') {
    const scratch = await createScratchDatabase(testDatabaseUrl());
    return {
      env: { ...process.env, DATABASE_URL: scratch.url },
      args: [],
      open: (o) => createDb({ databaseUrl: scratch.url, migrate: o?.migrate }),
      drop: scratch.drop,
    };
  }
  const data = join(dir, name);
  return {
    env: { ...process.env, DATABASE_URL: '' },
    args: ['--data', data],
    open: (o) => createDb({ dataDir: data, migrate: o?.migrate }),
    drop: async () => {},
  };
}

/** Runs the CLI to the end: exit code, stdout and stderr. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['bin/kitout.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every data table's row count and an md5 of its rows as PostgreSQL prints them, sorted: equal means equal data. */
export async function tableFingerprints(
  handle: DbHandle,
): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
      order by table_name`.execute(handle.db)
  ).rows.map((r) => r.name);
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables) {
    const r = await sql<{ n: number; md5: string }>`select count(*)::int as n,
      md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as md5 from ${sql.table(t)} x`.execute(
      handle.db,
    );
    out[t] = { rows: r.rows[0]!.n, md5: r.rows[0]!.md5 };
  }
  return out;
}
