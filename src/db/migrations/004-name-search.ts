import { type Kysely, sql } from 'kysely';
import { storedSearchKeys } from '../../domain/names/stored-keys.ts';

/** Rows read and rewritten per statement while filling the keys of people imported before this migration. */
const BATCH = 5000;

/**
 * Name search across scripts: each person's search keys (Hangul, initials, every transliteration, the
 * roster's own spellings, phonetic keys; see `src/domain/names/stored-keys.ts`) in `people.search_keys`,
 * with a pg_trgm GIN index that answers prefix, substring and similarity searches.
 *
 * The keys are computed in TypeScript, not SQL, so the database and the ranking share one definition.
 * Roster import fills them as it inserts; rows already stored are filled here, a batch at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`alter table people add column search_keys text`.execute(db);
  // The planner picks between the trigram index and a scan that stops at the LIMIT by how many rows a LIKE
  // pattern matches, read from this column's histogram. At the default 100 buckets a name matching 0.2 %
  // of a million people looks like 2 %, and the scan it then picks reads a hundred thousand rows; 500
  // buckets tell them apart.
  await sql`alter table people alter column search_keys set statistics 500`.execute(db);
  await fillMissingSearchKeys(db);
  // Built after the fill: one sorted build is far cheaper than growing the index row by row.
  await sql`create index people_search_keys on people using gin (search_keys gin_trgm_ops)`.execute(db);
}

/**
 * Computes the search keys of every person who has none, in id order, {@link BATCH} at a time; returns how
 * many were filled. The migration runs it once; it is safe to run again (for people stored some other way).
 */
export async function fillMissingSearchKeys(db: Kysely<unknown>): Promise<number> {
  let after = '';
  let filled = 0;
  for (;;) {
    const { rows } = await sql<{
      id: string;
      name: string;
      name_latin: string | null;
      name_cyrillic: string | null;
    }>`select id, name, name_latin, name_cyrillic from people
       where search_keys is null and id > ${after} order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) return filled;
    const keys = rows.map((r) =>
      storedSearchKeys({ name: r.name, nameLatin: r.name_latin, nameCyrillic: r.name_cyrillic }),
    );
    await sql`
      update people set search_keys = t.keys
      from unnest(${rows.map((r) => r.id)}::text[], ${keys}::text[]) as t(id, keys)
      where people.id = t.id`.execute(db);
    filled += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists people_search_keys`.execute(db);
  await sql`alter table people drop column if exists search_keys`.execute(db);
}
