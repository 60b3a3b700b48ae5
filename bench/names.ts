import { type Kysely, sql } from 'kysely';
import { createDb } from '../src/db/create-db.ts';
import type { Database } from '../src/db/schema.ts';
import { createScratchDatabase } from '../src/db/scratch-database.ts';
import {
  type GeneratedName,
  generateKoreanNames,
  type Rng,
  seededRng,
  storedSearchKeys,
  transliterateName,
} from '../src/domain/names/index.ts';
import { systemContext } from '../src/services/context.ts';
import { searchPeople } from '../src/services/person-search.ts';
import { DEMO_INTAKE, seedDemo } from '../src/services/seed.ts';
import { atMost, type Bench, percentile, timed } from './lib.ts';

/** Rows per insert while loading: one unnest statement each, as the roster import does. */
const LOAD_BATCH = 10_000;

const personId = (i: number) => `P-${String(i + 1).padStart(7, '0')}`;

/**
 * Loads `count` people with Korean names (and their RR spelling as the roster's Latin name, as the demo roster
 * has) straight into the demo intake, keys computed as the import computes them. The trigram index is dropped
 * for the load and built once after it, which is what a bulk load should do; both times are reported.
 */
async function loadPeople(db: Kysely<Database>, names: readonly GeneratedName[], log: (m: string) => void) {
  await sql`drop index people_search_keys`.execute(db);
  const keysSeconds: number[] = [];
  const { seconds: insertSeconds } = await timed(async () => {
    for (let start = 0; start < names.length; start += LOAD_BATCH) {
      const batch = names.slice(start, start + LOAD_BATCH);
      const ids = batch.map((_, i) => personId(start + i));
      const latin = batch.map((n) => transliterateName(n.name, 'rr').text);
      const { seconds, value: keys } = await timed(() =>
        batch.map((n, i) => storedSearchKeys({ name: n.name, nameLatin: latin[i] })),
      );
      keysSeconds.push(seconds);
      await sql`
        insert into people (id, intake_id, name, name_latin, site_id, search_keys)
        select t.id, ${DEMO_INTAKE.id}, t.name, t.latin, 'NORTH', t.keys
        from unnest(${ids}::text[], ${batch.map((n) => n.name)}::text[], ${latin}::text[], ${keys}::text[])
          as t(id, name, latin, keys)`.execute(db);
      if ((start / LOAD_BATCH) % 20 === 0) log(`  loaded ${start + batch.length} people`);
    }
  });
  log('  building the trigram index…');
  const { seconds: indexSeconds } = await timed(() =>
    db.transaction().execute(async (trx) => {
      await sql`set local maintenance_work_mem = '512MB'`.execute(trx);
      await sql`create index people_search_keys on people using gin (search_keys gin_trgm_ops)`.execute(trx);
    }),
  );
  await sql`analyze people`.execute(db);
  return {
    insertSeconds,
    keysSeconds: keysSeconds.reduce((a, b) => a + b, 0),
    indexSeconds,
  };
}

type Kind =
  | 'hangul'
  | 'hangul-partial'
  | 'latin-rr'
  | 'latin-mr'
  | 'latin-partial'
  | 'cyrillic'
  | 'cyrillic-partial'
  | 'cyrillic-given'
  | 'id-prefix'
  | 'typo';

/** The mix: names in Hangul, Latin and Cyrillic, whole and partial. The goal is measured over these. */
const MIX: readonly Kind[] = [
  'hangul',
  'hangul-partial',
  'latin-rr',
  'latin-mr',
  'latin-partial',
  'cyrillic',
  'cyrillic-partial',
  'cyrillic-given',
];
/** Measured as well and reported apart: id prefixes (a btree range) and typing slips (the last fallback). */
const BEYOND: readonly Kind[] = ['id-prefix', 'typo'];
const KINDS: readonly Kind[] = [...MIX, ...BEYOND];

interface Query {
  kind: Kind;
  text: string;
  target: number;
}

/** The family name and the first half of the given name, as an issuer types while still listening. */
function partial(family: string, given: string): string {
  return `${family} ${given.slice(0, Math.max(1, Math.ceil(given.length / 2)))}`;
}

/** Two neighbouring letters swapped in the given name: a typing slip no prefix catches. */
function slip(text: string, rng: Rng): string {
  const space = text.indexOf(' ');
  if (space < 0 || text.length - space < 4) return text;
  const at = space + 1 + Math.floor(rng() * (text.length - space - 2));
  return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
}

function makeQueries(names: readonly GeneratedName[], perKind: number, rng: Rng): Query[] {
  const out: Query[] = [];
  for (const kind of KINDS) {
    for (let i = 0; i < perKind; i++) {
      const target = Math.floor(rng() * names.length);
      const { name, family, given } = names[target]!;
      const rr = transliterateName(name, 'rr');
      const mr = transliterateName(name, 'mr');
      const k = transliterateName(name, 'kontsevich');
      const text = {
        hangul: name,
        'hangul-partial': family + given.slice(0, 1),
        'latin-rr': rr.text,
        'latin-mr': mr.text,
        'latin-partial': partial(mr.family, mr.given),
        cyrillic: k.text,
        'cyrillic-partial': partial(k.family, k.given),
        'cyrillic-given': k.given,
        'id-prefix': personId(target).slice(0, 7),
        typo: slip(rr.text, rng),
      }[kind];
      out.push({ kind, text, target });
    }
  }
  // Mixed, as they would arrive at a station.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Roster search on PostgreSQL: 1,200,000 people in one intake (DATABASE_URL or TEST_DATABASE_URL; a scratch
 * database), then a few hundred mixed queries — Hangul, Latin (RR, MR), Cyrillic (Kontsevich), whole and
 * partial names, a given name alone — each through the same service the roster page calls, timed end to end
 * (normalising, the index queries, ranking, reading the page). `search_p99_ms` is over that mix; id prefixes
 * and typing slips are timed too and reported apart. Options: `--people N`, `--per-kind N`.
 */
const bench: Bench = async ({ log, args }) => {
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('the names bench runs on PostgreSQL: set DATABASE_URL');
  const count = Number(args.people ?? 1_200_000);
  const perKind = Number(args['per-kind'] ?? 40);
  const scratch = await createScratchDatabase(url, 'kitout_bench');
  const handle = await createDb({ databaseUrl: scratch.url });
  try {
    const ctx = systemContext(handle.db, handle.kind);
    await seedDemo(ctx, { people: 0 });
    log(`generating ${count} names…`);
    const names = generateKoreanNames(count, seededRng(20261201));
    log(`loading ${count} people into PostgreSQL…`);
    const load = await loadPeople(handle.db, names, log);

    const queries = makeQueries(names, perKind, seededRng(7));
    const search = (q: string) => searchPeople(ctx, { intakeId: DEMO_INTAKE.id, q, limit: 50, offset: 0 });
    // Warm the connection pool, the caches and the plans, as a running server would have them.
    for (const q of queries.slice(0, 20)) await search(q.text);

    log(`running ${queries.length} searches…`);
    const samples: { kind: Kind; q: string; ms: number }[] = [];
    const byKind = new Map<Kind, { ms: number[]; first: number; top10: number; truncated: number }>();
    for (const q of queries) {
      const start = process.hrtime.bigint();
      const result = await search(q.text);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      samples.push({ kind: q.kind, q: q.text, ms: round(ms) });
      const stats = byKind.get(q.kind) ?? { ms: [], first: 0, top10: 0, truncated: 0 };
      stats.ms.push(ms);
      // The same name may belong to several people: finding any of them counts as finding the name. An id
      // prefix is found when every answer starts with it.
      const name = names[q.target]!.name;
      const at =
        q.kind === 'id-prefix'
          ? result.people.every((p) => p.id.startsWith(q.text)) && result.total > 0
            ? 0
            : -1
          : result.people.findIndex((p) => p.id === personId(q.target) || p.name === name);
      if (at === 0) stats.first++;
      if (at >= 0 && at < 10) stats.top10++;
      if (result.truncated) stats.truncated++;
      byKind.set(q.kind, stats);
    }
    const summary = (ms: number[]) => ({
      queries: ms.length,
      p50_ms: round(percentile(ms, 50)),
      p95_ms: round(percentile(ms, 95)),
      p99_ms: round(percentile(ms, 99)),
      max_ms: round(Math.max(...ms)),
    });
    const mixMs = MIX.flatMap((kind) => byKind.get(kind)?.ms ?? []);
    return {
      bench: 'names',
      goals: { search_p99_ms: atMost(percentile(mixMs, 99), 'ms', 50) },
      details: {
        people: count,
        mix: { kinds: MIX, ...summary(mixMs) },
        all: { kinds: KINDS, ...summary(samples.map((s) => s.ms)) },
        slowest: samples.sort((a, b) => b.ms - a.ms).slice(0, 8),
        load: {
          insertSeconds: round(load.insertSeconds),
          keysSeconds: round(load.keysSeconds),
          indexSeconds: round(load.indexSeconds),
        },
        byKind: Object.fromEntries(
          [...byKind].map(([kind, s]) => [
            kind,
            {
              ...summary(s.ms),
              // Searches whose first answer bears the name looked for (or, for ids, answers all start with it).
              nameFirst: s.first,
              nameInTop10: s.top10,
              truncated: s.truncated,
              example: queries.find((q) => q.kind === kind)?.text,
            },
          ]),
        ),
      },
    };
  } finally {
    await handle.close();
    await scratch.drop();
  }
};

export default bench;
