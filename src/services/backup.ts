import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import { MIGRATION_NAMES, migrateToLatest, migrateUpTo } from '../db/migrate.ts';
import { ConflictError, InputError } from '../domain/errors.ts';

/**
 * Backup and restore, the same on PGlite and PostgreSQL: a gzip'd JSON-lines file.
 *
 *   line 1   {"format":"kitout-backup","version":1,"createdAt":…,"migrations":[…],"tables":[{name,columns,rows}…]}
 *   then     {"t":"<table>","r":[…values in the header's column order…]}   for every row, tables in dependency order
 *   last     {"end":true,"rows":<total>}                                     (a file without it is refused as cut short)
 *
 * Values are as JSON gives them, except bytea, written {"$b64":"…"}. The dump reads one repeatable-read snapshot,
 * so a backup taken while the server runs is consistent. A restore migrates an empty database up to the backup's
 * migrations, loads every row in one transaction, resets every sequence past the largest id, then migrates to
 * this version's latest. It refuses a database that holds rows unless `force` (which empties it first).
 */
export const BACKUP_FORMAT = 'kitout-backup';
const VERSION = 1;
const PAGE = 5000;
const NOT_DATA = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number }[];
}

interface Column {
  name: string;
  type: string;
}
interface TableInfo {
  name: string;
  columns: Column[];
  key: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time; every value still goes as a parameter.
type AnyDb = Kysely<any> | Transaction<any>;

/** Data tables of the public schema, parents before children (by foreign keys), with columns and primary key. */
export async function dataTables(db: AnyDb): Promise<TableInfo[]> {
  const names = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((n) => !NOT_DATA.has(n));
  const columns = (
    await sql<{ table: string; name: string; type: string }>`select table_name as table, column_name as name,
      udt_name as type from information_schema.columns
      where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`.execute(
      db,
    )
  ).rows;
  const keys = (
    await sql<{ table: string; name: string }>`select tc.table_name as table, kcu.column_name as name
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
       and kcu.table_name = tc.table_name
      where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'
      order by tc.table_name, kcu.ordinal_position`.execute(db)
  ).rows;
  const edges = (
    await sql<{ child: string; parent: string }>`select c.relname as child, p.relname as parent
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`.execute(db)
  ).rows;
  // Depth-first: each table after the tables it refers to (a table referring to itself is loaded in key order).
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name)) return;
    state.set(name, 'visiting');
    for (const e of edges)
      if (e.child === name && e.parent !== name && names.includes(e.parent)) visit(e.parent);
    state.set(name, 'done');
    ordered.push(name);
  };
  for (const n of names) visit(n);
  return ordered.map((name) => ({
    name,
    columns: columns.filter((c) => c.table === name).map((c) => ({ name: c.name, type: c.type })),
    key: keys.filter((k) => k.table === name).map((k) => k.name),
  }));
}

/** Every row of a table in key order, a page at a time (keyset paging, so a large table costs no sort of offsets). */
async function* tableRows(db: AnyDb, table: TableInfo): AsyncGenerator<Record<string, unknown>[]> {
  const cols = table.columns.map((c) => c.name);
  if (!table.key.length) {
    // No primary key (none in Kitout's schema today): one read, in a stable order.
    let q = db.selectFrom(table.name).select(cols);
    for (const c of cols) q = q.orderBy(c);
    yield (await q.execute()) as Record<string, unknown>[];
    return;
  }
  let after: unknown[] | undefined;
  for (;;) {
    let q = db.selectFrom(table.name).select(cols).limit(PAGE);
    for (const k of table.key) q = q.orderBy(k);
    if (after) {
      const tuple = sql.join(table.key.map((k) => sql.ref(k)));
      const values = sql.join(after.map((v) => sql`${v}`));
      q = q.where(sql<boolean>`(${tuple}) > (${values})`);
    }
    const rows = (await q.execute()) as Record<string, unknown>[];
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = table.key.map((k) => last[k]);
  }
}

function encode(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bytea') return { $b64: Buffer.from(value as Uint8Array).toString('base64') };
  return value;
}

function decode(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bytea') return Buffer.from((value as { $b64: string }).$b64, 'base64');
  // The driver would write a JS array as a PostgreSQL array; a json value goes as its text.
  if (type === 'json' || type === 'jsonb') return JSON.stringify(value);
  return value;
}

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  migrations: string[];
}

/** Writes a backup of the whole database to `file` (through a temporary name, so a failed backup leaves none). */
export async function backupDatabase(
  db: Kysely<unknown>,
  file: string,
  now = new Date(),
): Promise<BackupResult> {
  const tmp = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(tmp);
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  let total = 0;
  let tableCount = 0;
  let migrations: string[] = [];
  try {
    await (db as AnyDb)
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const tables = await dataTables(trx);
        tableCount = tables.length;
        migrations = (
          await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)
        ).rows.map((r) => r.name);
        const counts = await Promise.all(
          tables.map(async (t) => {
            const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(
              trx,
            );
            return r.rows[0]!.n;
          }),
        );
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: VERSION,
          createdAt: now.toISOString(),
          migrations,
          tables: tables.map((t, i) => ({
            name: t.name,
            columns: t.columns.map((c) => c.name),
            rows: counts[i]!,
          })),
        };
        await write(header);
        for (const table of tables) {
          for await (const page of tableRows(trx, table)) {
            for (const row of page) {
              await write({ t: table.name, r: table.columns.map((c) => encode(row[c.name], c.type)) });
              total++;
            }
          }
        }
        await write({ end: true, rows: total });
      });
    gzip.end();
    await once(out, 'close');
    renameSync(tmp, file);
  } catch (err) {
    gzip.destroy();
    out.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
  return { file, tables: tableCount, rows: total, bytes: statSync(file).size, migrations };
}

export interface RestoreResult {
  file: string;
  tables: number;
  rows: number;
  migrations: string[];
}

/**
 * Restores a backup into `db`, which must be freshly opened WITHOUT migrations (`createDb({migrate: false})`):
 * the restore migrates it to the backup's schema itself. All rows go in one transaction: a bad or cut-short file
 * leaves the database as it was.
 */
export async function restoreDatabase(
  db: Kysely<unknown>,
  file: string,
  opts: { force?: boolean } = {},
): Promise<RestoreResult> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const bad = (reason: string) => new InputError([{ file, reason, code: 'bad_backup' }]);
  let header: BackupHeader;
  try {
    const first = await iterator.next();
    header = JSON.parse(first.done ? '' : first.value) as BackupHeader;
  } catch {
    throw bad('not a Kitout backup (expected a gzip file whose first line is the backup header)');
  }
  if (header.format !== BACKUP_FORMAT) throw bad('not a Kitout backup (the header names another format)');
  if (header.version !== VERSION)
    throw bad(`backup format version ${header.version} is not read by this Kitout`);
  const unknown = header.migrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length)
    throw bad(`the backup was made by a newer Kitout (migrations ${unknown.join(', ')} are unknown here)`);

  const any = db as AnyDb;
  // An empty database is brought to the backup's schema; one already at it or beyond (additive migrations) is kept.
  const applied = await appliedMigrations(any);
  const last = header.migrations.at(-1);
  if (last && !header.migrations.every((m) => applied.includes(m))) await migrateUpTo(db, last);
  const tables = new Map((await dataTables(any)).map((t) => [t.name, t]));
  for (const t of header.tables)
    if (!tables.has(t.name)) throw bad(`the backup holds table ${t.name}, which this database does not have`);

  const occupied: string[] = [];
  for (const t of tables.values()) {
    const r = await sql<{ any: boolean }>`select exists (select 1 from ${sql.table(t.name)}) as any`.execute(
      any,
    );
    if (r.rows[0]!.any) occupied.push(t.name);
  }
  if (occupied.length && !opts.force)
    throw new ConflictError(
      `the database is not empty (${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? ', …' : ''} hold rows): restore into an empty database, or pass --force to replace everything`,
    );

  let total = 0;
  await any.transaction().execute(async (trx) => {
    if (occupied.length) {
      const all = sql.join([...tables.keys()].map((n) => sql.table(n)));
      await sql`truncate ${all} restart identity cascade`.execute(trx);
    }
    let current: { table: TableInfo; columns: string[]; types: string[] } | undefined;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (!current || !batch.length) return;
      await trx.insertInto(current.table.name).values(batch).execute();
      batch = [];
    };
    let ended = false;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value) continue;
      let line: { t?: string; r?: unknown[]; end?: boolean; rows?: number };
      try {
        line = JSON.parse(next.value);
      } catch {
        throw bad(`line ${total + 2} is not JSON (the file is damaged)`);
      }
      if (line.end) {
        if (line.rows !== total) throw bad(`the backup says ${line.rows} rows but holds ${total}`);
        ended = true;
        break;
      }
      if (!line.t || !Array.isArray(line.r)) throw bad(`line ${total + 2} is not a row`);
      if (current?.table.name !== line.t) {
        await flush();
        const table = tables.get(line.t);
        const declared = header.tables.find((t) => t.name === line.t);
        if (!table || !declared) throw bad(`line ${total + 2} names an unknown table ${line.t}`);
        const types = declared.columns.map((c) => table.columns.find((tc) => tc.name === c)?.type ?? 'text');
        current = { table, columns: declared.columns, types };
      }
      const row: Record<string, unknown> = {};
      current.columns.forEach((c, i) => {
        row[c] = decode(line.r![i], current!.types[i]!);
      });
      batch.push(row);
      total++;
      // Stay well under PostgreSQL's 65,535 parameters per statement.
      if (batch.length * current.columns.length >= 30_000 || batch.length >= 1000) await flush();
    }
    await flush();
    if (!ended) throw bad('the backup is cut short (no end line): nothing was restored');
    await resetSequences(trx);
  });
  const later = await migrateToLatest(db);
  return { file, tables: header.tables.length, rows: total, migrations: [...header.migrations, ...later] };
}

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const exists = await sql<{
    t: string | null;
  }>`select to_regclass('public.kysely_migration')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  return (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((r) => r.name);
}

/** Moves every sequence owned by a column past the largest value in it, so new rows get fresh ids. */
async function resetSequences(trx: AnyDb): Promise<void> {
  const owned = (
    await sql<{ table: string; column: string; seq: string }>`select t.relname as table, a.attname as column,
      s.relname as seq
      from pg_class s join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
      join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      join pg_namespace n on n.oid = s.relnamespace
      where s.relkind = 'S' and n.nspname = 'public'`.execute(trx)
  ).rows;
  for (const o of owned) {
    await sql`select setval(${o.seq}::regclass, coalesce((select max(${sql.ref(o.column)}) from ${sql.table(o.table)}), 0) + 1, false)`.execute(
      trx,
    );
  }
}
