import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** The columns a roster row shows, plus the stored search keys the ranking reads. */
const COLUMNS = [
  'id',
  'name',
  'name_latin',
  'name_cyrillic',
  'site_id',
  'birth_date',
  'sex',
  'unit',
  'language',
  'search_keys',
] as const;

export interface PersonSearchRow {
  id: string;
  name: string;
  name_latin: string | null;
  name_cyrillic: string | null;
  site_id: string;
  birth_date: string | null;
  sex: string | null;
  unit: string | null;
  language: string | null;
  search_keys: string | null;
}

// Above every code point an id can hold: `id < prefix || TOP` bounds the range of ids starting with the prefix.
const TOP = '\u{10FFFF}';

/**
 * People of an intake whose id starts with one of `prefixes`, in id order. Each prefix is a range on the
 * (intake_id, id) index; `starts_with` keeps the answer exact under any collation.
 */
export function peopleByIdPrefix(
  db: Kysely<Database>,
  intakeId: string,
  prefixes: readonly string[],
  limit: number,
): Promise<PersonSearchRow[]> {
  if (prefixes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(COLUMNS)
    .where('intake_id', '=', intakeId)
    .where((eb) =>
      eb.or(
        prefixes.map((p) =>
          eb.and([
            eb('id', '>=', p),
            eb('id', '<', `${p}${TOP}`),
            eb(eb.fn('starts_with', ['id', eb.val(p)]), '=', true),
          ]),
        ),
      ),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** A person found by name: the id and the stored keys, enough to rank before reading the rest. */
export interface KeyedId {
  id: string;
  search_keys: string | null;
}

/**
 * Ids and keys of an intake's people whose stored keys match one of the LIKE `patterns` (each answered from
 * the pg_trgm index). Unordered: the caller ranks them.
 */
export function keysByPatterns(
  db: Kysely<Database>,
  intakeId: string,
  patterns: readonly string[],
  limit: number,
): Promise<KeyedId[]> {
  if (patterns.length === 0 || limit <= 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'search_keys'])
    .where('intake_id', '=', intakeId)
    .where((eb) => eb.or(patterns.map((p) => eb('search_keys', 'like', p))))
    .limit(limit)
    .execute();
}

/** The roster rows of the given people, in no particular order. */
export function peopleByIds(db: Kysely<Database>, ids: readonly string[]): Promise<PersonSearchRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
}

/** One person with the names of their intake and site, or undefined. */
export function personById(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('people')
    .innerJoin('intakes', 'intakes.id', 'people.intake_id')
    .leftJoin('sites', 'sites.id', 'people.site_id')
    .select([
      'people.id',
      'people.intake_id',
      'intakes.name as intake_name',
      'people.name',
      'people.name_latin',
      'people.name_cyrillic',
      'people.site_id',
      'sites.name as site_name',
      'people.birth_date',
      'people.sex',
      'people.unit',
      'people.language',
      'people.extra',
    ])
    .where('people.id', '=', id)
    .executeTakeFirst();
}

/**
 * The name-search index (migration 004) comes off for a bulk load and goes back on in one sorted build, which
 * costs a fraction of growing it row by row. Both run inside the load's transaction: a failed load puts the
 * index back as it was, and other sessions wait for the load to finish rather than search without it.
 */
export async function dropNameSearchIndex(db: Kysely<Database>): Promise<void> {
  await sql`drop index if exists people_search_keys`.execute(db);
}

export async function buildNameSearchIndex(db: Kysely<Database>, memory: '64MB' | '256MB'): Promise<void> {
  // The build sorts its entries in this much memory before it writes; more means fewer passes.
  await sql.raw(`set local maintenance_work_mem = '${memory}'`).execute(db);
  await sql`create index people_search_keys on people using gin (search_keys gin_trgm_ops)`.execute(db);
}

/** How many people are stored, in all intakes. */
export async function countPeople(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
