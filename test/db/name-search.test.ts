import { Readable } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/create-db.ts';
import { fillMissingSearchKeys } from '../../src/db/migrations/004-name-search.ts';
import { InputError } from '../../src/domain/errors.ts';
import { type ServiceContext, SYSTEM_ACTOR, systemContext } from '../../src/services/context.ts';
import { personName } from '../../src/services/person-name.ts';
import { SEARCH_CANDIDATES, searchPeople } from '../../src/services/person-search.ts';
import { createIntake, getPerson, listPeople } from '../../src/services/records.ts';
import { importRoster } from '../../src/services/roster-import.ts';
import { DEMO_INTAKE, seedDemo } from '../../src/services/seed.ts';
import { TEST_DB_KIND, testDb } from '../support/db.ts';
import { csv } from '../support/fixtures.ts';

// Names an issuer could confuse with 김철수 (same family or given name, one sound apart), a Koryo-saram whose
// roster spelling differs from the scheme's, and names in scripts with no scheme.
const ROSTER: string[][] = [
  ['id', 'name', 'name_latin', 'name_cyrillic', 'site'],
  ['K-001', '김철수', '', '', 'NORTH'],
  ['K-002', '김철민', '', '', 'NORTH'],
  ['K-003', '김춘수', '', '', 'NORTH'],
  ['K-004', '김청수', '', '', 'EAST'],
  ['K-005', '김칠성', '', '', 'EAST'],
  ['K-006', '김찬수', '', '', 'NORTH'],
  ['K-007', '김정수', '', '', 'NORTH'],
  ['K-008', '김철호', 'Kim Chulho', '', 'NORTH'],
  ['K-009', '이철수', 'Lee Chulsoo', '', 'EAST'],
  ['K-010', '박철수', '', '', 'EAST'],
  ['K-011', '김성수', '', '', 'NORTH'],
  ['K-012', '최철수', 'Choi Cheolsu', 'Цой Чер Су', 'NORTH'],
  ['K-013', '최청수', '', '', 'NORTH'],
  ['K-014', 'John Smith', '', '', 'EAST'],
  ['K-015', 'أحمد علي', '', '', 'EAST'],
  ['K-016', '金哲洙', '', '', 'EAST'],
];

let handle: DbHandle;
let ctx: ServiceContext;
const notices: string[] = [];

beforeAll(async () => {
  handle = await testDb();
  ctx = systemContext(handle.db, handle.kind);
  await seedDemo(ctx, { people: 0 });
  await importRoster(ctx, SYSTEM_ACTOR, {
    intakeId: DEMO_INTAKE.id,
    fileName: 'similar.csv',
    stream: Readable.from([csv(ROSTER)]),
    onNameNotice: (line) => notices.push(line),
  });
  // Another intake with its own 김철수: a search never crosses intakes.
  await createIntake(ctx, SYSTEM_ACTOR, {
    id: 'OTHER',
    name: 'Other',
    siteId: 'NORTH',
    startDate: '2027-01-01',
  });
  await importRoster(ctx, SYSTEM_ACTOR, {
    intakeId: 'OTHER',
    fileName: 'other.csv',
    stream: Readable.from([
      csv([
        ['id', 'name'],
        ['X-001', '김철수'],
      ]),
    ]),
  });
});
afterAll(() => handle.close());

const search = (q: string, intakeId = DEMO_INTAKE.id) =>
  searchPeople(ctx, { intakeId, q, limit: 50, offset: 0 });
const ids = async (q: string) => (await search(q)).people.map((p) => p.id);

describe(`name search on ${TEST_DB_KIND}`, () => {
  it('runs against the database this project asked for', () => {
    expect(handle.kind).toBe(TEST_DB_KIND);
  });

  it('stores search keys for every person as the roster is imported', async () => {
    const rows = await handle.db.selectFrom('people').select(['id', 'search_keys']).execute();
    expect(rows).toHaveLength(ROSTER.length);
    for (const row of rows) expect(row.search_keys, row.id).toMatch(/^ \S.* \| .* $|^ \S.* \| $/);
    const kim = rows.find((r) => r.id === 'K-001')!;
    expect(kim.search_keys).toContain(' 김철수 ');
    expect(kim.search_keys).toContain(' кимчхолсу ');
  });

  it.each(['Ким Чхоль', 'Kim Chol', '김철', 'Kim Cheolsu'])('finds 김철수 first for %s', async (q) => {
    const found = await search(q);
    expect(found.people[0]).toMatchObject({ id: 'K-001', name: '김철수' });
    expect(found.people.map((p) => p.id)).not.toContain('X-001');
  });

  it('ranks every 김철X before names that only share a syllable', async () => {
    const found = await ids('Kim Chol');
    expect(new Set(found.slice(0, 3))).toEqual(new Set(['K-001', 'K-002', 'K-008']));
    expect(found).not.toContain('K-014');
  });

  it('answers the roster listing with the same ranking, and the id order without a query', async () => {
    const page = await listPeople(ctx, {
      intakeId: DEMO_INTAKE.id,
      q: '  Ким Чхольсу ',
      limit: 50,
      offset: 0,
    });
    expect(page.people[0]!.id).toBe('K-001');
    expect(page.truncated).toBe(false);
    expect(page.people[0]).not.toHaveProperty('search_keys');
    const all = await listPeople(ctx, { intakeId: DEMO_INTAKE.id, limit: 5, offset: 0 });
    expect(all.people.map((p) => p.id)).toEqual(['K-001', 'K-002', 'K-003', 'K-004', 'K-005']);
    expect(all.total).toBe(ROSTER.length - 1);
  });

  it('pages through a ranked answer without repeating anyone', async () => {
    const first = await searchPeople(ctx, { intakeId: DEMO_INTAKE.id, q: 'Kim', limit: 4, offset: 0 });
    const second = await searchPeople(ctx, { intakeId: DEMO_INTAKE.id, q: 'Kim', limit: 4, offset: 4 });
    expect(first.total).toBe(second.total);
    expect(first.total).toBeGreaterThanOrEqual(9);
    const seen = [...first.people, ...second.people].map((p) => p.id);
    expect(new Set(seen).size).toBe(8);
  });

  it('finds the roster’s own Cyrillic spelling and shows it to a Russian reader', async () => {
    expect((await ids('Цой Чер Су'))[0]).toBe('K-012');
    expect((await ids('Чер Су'))[0]).toBe('K-012');
    const person = await getPerson(ctx, 'K-012');
    expect(personName(person, 'ru')).toMatchObject({ own: '최철수', viewer: 'Цой Чер Су', source: 'roster' });
    // An English reader gets the roster's Latin spelling, a Korean one the Hangul alone.
    expect(personName(person, 'en').viewer).toBe('Choi Cheolsu');
    expect(personName(person, 'ko')).toMatchObject({ text: '최철수', viewer: null });
    // Without an override the scheme speaks: Kontsevich for Russian.
    expect(personName(await getPerson(ctx, 'K-013'), 'ru').viewer).toBe('Цой Чхонсу');
  });

  it('finds a person by the roster’s Latin spelling as well as by the schemes', async () => {
    expect((await ids('Lee Chulsoo'))[0]).toBe('K-009');
    expect((await ids('Ли Чхольсу'))[0]).toBe('K-009');
  });

  it('keeps names in scripts without a scheme as written, findable, with one notice each in the log', async () => {
    expect(await ids('John Smith')).toEqual(['K-014']);
    expect(await ids('smith')).toEqual(['K-014']);
    expect(await ids('أحمد')).toEqual(['K-015']);
    expect(await ids('金哲洙')).toEqual(['K-016']);
    const shown = personName(await getPerson(ctx, 'K-015'), 'ru', () => {});
    expect(shown).toMatchObject({ own: 'أحمد علي', viewer: null, text: 'أحمد علي' });
    expect(notices).toHaveLength(3);
    expect(notices.join('\n')).toMatch(/names: no-scheme \(latin\) for "John Smith"; returned as written/);
    expect(notices.join('\n')).toMatch(/names: no-scheme \(other\) for "金哲洙"/);
  });

  it('finds ids by prefix, case aside, before any name', async () => {
    expect(await ids('K-01')).toEqual(['K-010', 'K-011', 'K-012', 'K-013', 'K-014', 'K-015', 'K-016']);
    expect(await ids('k-001')).toEqual(['K-001']);
    expect(await ids('X-001')).toEqual([]);
    expect(await ids('X-001').then(() => search('X-001', 'OTHER'))).toMatchObject({ total: 1 });
  });

  it('falls back to names that look alike when nothing matches directly', async () => {
    // Slips of the keyboard: no key starts with or contains them, but two thirds of each are intact.
    for (const slip of ['kimcjeolsu', 'Kim Chelsu', 'Kim Cheolsa', 'Кин Чхольсу'])
      expect((await ids(slip))[0], slip).toBe('K-001');
  });

  it('finds a Hangul name by its sound when its Hangul is not on the roster', async () => {
    // 김철쑤 is not how anyone wrote it, but it sounds like 김철수.
    expect((await ids('김철쑤'))[0]).toBe('K-001');
  });

  it('survives hostile queries: wildcards, quotes, SQL, control characters, emoji, long input', async () => {
    for (const q of [
      '%',
      '_',
      '\\',
      "'; drop table people; --",
      '\u0000\u202e',
      '😀😀',
      'ㅋ'.repeat(200),
      '   ',
    ])
      await expect(search(q)).resolves.toMatchObject({ offset: 0 });
    expect((await search('%')).total).toBe(0);
    expect((await search('_')).total).toBe(0);
    expect((await search("'; drop table people; --")).total).toBe(0);
    expect(await handle.db.selectFrom('people').select('id').execute()).toHaveLength(ROSTER.length);
  });

  it('says when a short query matches more people than it ranks', async () => {
    const rows = [['id', 'name', 'site']];
    for (let i = 0; i < SEARCH_CANDIDATES + 20; i++)
      rows.push([
        `M-${String(i).padStart(4, '0')}`,
        `문${'가나다라마바사아자차'[i % 10]}${'수민호'[i % 3]}`,
        'NORTH',
      ]);
    await createIntake(ctx, SYSTEM_ACTOR, {
      id: 'MANY',
      name: 'Many',
      siteId: 'NORTH',
      startDate: '2027-02-01',
    });
    await importRoster(ctx, SYSTEM_ACTOR, {
      intakeId: 'MANY',
      fileName: 'many.csv',
      stream: Readable.from([csv(rows)]),
    });
    const wide = await searchPeople(ctx, { intakeId: 'MANY', q: '문', limit: 50, offset: 0 });
    expect(wide).toMatchObject({ total: SEARCH_CANDIDATES, truncated: true });
    const narrow = await searchPeople(ctx, { intakeId: 'MANY', q: '문가수', limit: 50, offset: 0 });
    expect(narrow.truncated).toBe(false);
    expect(narrow.people.every((p) => p.name === '문가수')).toBe(true);
  });

  it('rebuilds the name index once after a bulk import, and keeps it when a bulk import fails', async () => {
    // A rebuilt index is a new relation with a new oid; one put back by a rollback keeps its old oid.
    const indexOid = async () =>
      (await sql<{ oid: number }>`select 'people_search_keys'::regclass::oid::int as oid`.execute(handle.db))
        .rows[0]!.oid;
    const before = await indexOid();
    // More than one batch of 2,000: the index goes with the first, the failure comes with the second.
    const rows = [['id', 'name', 'site']];
    for (let i = 0; i < 2100; i++)
      rows.push([`B-${String(i).padStart(4, '0')}`, i === 42 ? '김철수' : '박영희', 'NORTH']);
    await createIntake(ctx, SYSTEM_ACTOR, {
      id: 'BULK',
      name: 'Bulk',
      siteId: 'NORTH',
      startDate: '2027-03-01',
    });
    const bulk = (data: string[][]) =>
      importRoster(ctx, SYSTEM_ACTOR, {
        intakeId: 'BULK',
        fileName: 'bulk.csv',
        stream: Readable.from([csv(data)]),
        rebuildIndexFrom: 10,
      });
    // A file that fails after the index was dropped: everything rolls back, the index included.
    const failed = await bulk([...rows, ['K-001', '김철수', 'NORTH']]).catch((err: InputError) => err);
    expect(failed).toBeInstanceOf(InputError);
    expect((failed as InputError).issues[0]).toMatchObject({ row: 2102, code: 'duplicate_id_stored' });
    expect(await indexOid()).toBe(before);
    await bulk(rows);
    expect(await indexOid()).not.toBe(before);
    expect((await search('김철수', 'BULK')).people.map((p) => p.id)).toEqual(['B-0042']);
  });

  it('fills the keys of people stored without them', async () => {
    await handle.db
      .insertInto('people')
      .values({
        id: 'K-900',
        intake_id: DEMO_INTAKE.id,
        name: '김철순',
        name_latin: null,
        name_cyrillic: null,
        site_id: 'NORTH',
        birth_date: null,
        sex: null,
        unit: null,
        language: null,
        extra: '{}',
      })
      .execute();
    expect(await ids('김철순')).not.toContain('K-900');
    expect(await fillMissingSearchKeys(handle.db as unknown as Kysely<unknown>)).toBe(1);
    expect(await ids('김철순')).toEqual(['K-900']);
    expect(await fillMissingSearchKeys(handle.db as unknown as Kysely<unknown>)).toBe(0);
  });

  it('answers key patterns from the trigram index', async () => {
    const plan = await handle.db.transaction().execute(async (trx) => {
      // The roster here is tiny, so the planner would rightly scan it; forbid that to see the index is usable.
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`explain select id from people
        where search_keys like '% kimcul%' or search_keys like '%kim%lsu%'`.execute(trx);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan.match(/Bitmap Index Scan on people_search_keys/g)?.length).toBe(2);
  });
});
