import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/create-db.ts';
import { InputError } from '../../src/domain/errors.ts';
import { type ServiceContext, SYSTEM_ACTOR, systemContext } from '../../src/services/context.ts';
import { importRoster } from '../../src/services/roster-import.ts';
import { seedDemo } from '../../src/services/seed.ts';
import { TEST_DB_KIND, testDb } from '../support/db.ts';
import { csv, rosterRows, xlsx } from '../support/fixtures.ts';

let handle: DbHandle;
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await testDb();
  ctx = systemContext(handle.db, handle.kind);
  await seedDemo(ctx, { people: 20 });
});
afterAll(() => handle.close());

const load = (fileName: string, data: Buffer, idempotencyKey?: string) =>
  importRoster(ctx, SYSTEM_ACTOR, {
    intakeId: 'W-2026-12',
    fileName,
    stream: Readable.from([data]),
    idempotencyKey,
  });

const count = async () =>
  Number(
    (
      await handle.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function problems(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof InputError) return err.issues;
    throw err;
  }
  throw new Error('expected the import to be refused');
}

describe(`roster import on ${TEST_DB_KIND}`, () => {
  it('runs against the database this project asked for', () => {
    expect(handle.kind).toBe(TEST_DB_KIND);
  });

  it('imports a good CSV with Hangul names and keeps unknown columns as extra', async () => {
    const before = await count();
    const rows = rosterRows(30, 'A');
    rows[0]!.push('platoon');
    for (const r of rows.slice(1)) r.push('3');
    const result = await load('good.csv', csv(rows));
    expect(result.imported).toBe(30);
    expect(result.extraColumns).toEqual(['platoon']);
    expect(await count()).toBe(before + 30);
    const p = await handle.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', 'A-0007')
      .executeTakeFirstOrThrow();
    expect(p.name).toBe('김철수7');
    expect(p.extra).toEqual({ platoon: '3' });
  });

  it('refuses a file with bad rows, names each row and column, and stores nothing', async () => {
    const before = await count();
    const rows = rosterRows(5, 'B');
    rows[2]![1] = ''; // row 3: missing name
    rows[4]![3] = 'MARS'; // row 5: unknown site
    rows.push(['B-0001', '박영희', '', 'NORTH']); // row 7: duplicate id
    rows.push(['B-0099', '이민준', '', 'EAST']);
    rows[0]!.push('birth_date');
    for (const [i, r] of rows.entries()) if (i > 0) r.push(i === 6 ? '2001-02-30' : '2001-02-03');
    const issues = await problems(load('bad.csv', csv(rows)));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'bad.csv', row: 3, field: 'name', reason: 'missing name' }),
        expect.objectContaining({ row: 5, field: 'site', reason: 'unknown site "MARS"' }),
        expect.objectContaining({ row: 7, field: 'birth_date' }),
      ]),
    );
    expect(
      issues.some((i) => i.row === 7 && i.field === 'id' && /duplicate id "B-0001"/.test(i.reason)),
    ).toBe(true);
    expect(await count()).toBe(before);
  });

  it('reads a role column, and refuses a role that cannot name an entitlement scope', async () => {
    const rows = rosterRows(3, 'R');
    rows[0]!.push('role');
    rows[1]!.push('driver');
    rows[2]!.push('');
    rows[3]!.push('cook');
    await load('roles.csv', csv(rows));
    const roles = await handle.db
      .selectFrom('people')
      .select(['id', 'role'])
      .where('id', 'like', 'R-%')
      .orderBy('id')
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['driver', null, 'cook']);
    const bad = rosterRows(2, 'S');
    bad[0]!.push('role');
    bad[1]!.push('tank driver');
    bad[2]!.push('ok');
    const before = await count();
    const issues = await problems(load('bad-role.csv', csv(bad)));
    expect(issues).toEqual([
      expect.objectContaining({ file: 'bad-role.csv', row: 2, field: 'role', code: 'bad_role' }),
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses ids that another intake already holds, and rolls back batches already written', async () => {
    const before = await count();
    // 2,500 rows spans two insert batches; the clash is in the second, after the first was written.
    const rows = rosterRows(2500, 'C');
    rows[2400]![0] = 'A-0001';
    const issues = await problems(load('clash.csv', csv(rows)));
    expect(issues[0]).toMatchObject({ row: 2401, field: 'id' });
    expect(issues[0]!.reason).toMatch(/already in intake W-2026-12/);
    expect(await count()).toBe(before);
  });

  it('imports XLSX the same way, dates and numbers as text', async () => {
    const wb = await xlsx([
      ['ID', 'Name', 'Site', 'Birth_Date', 'Unit'],
      ['X-1', '최지우', 'NORTH', new Date(Date.UTC(2005, 4, 6)), 12],
      ['X-2', '정하늘', 'east', '2004-01-01', 3],
    ]);
    const result = await load('roster.xlsx', wb);
    expect(result.imported).toBe(2);
    const p = await handle.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', 'X-1')
      .executeTakeFirstOrThrow();
    expect(p).toMatchObject({ birth_date: '2005-05-06', unit: '12', site_id: 'NORTH' });
    const q = await handle.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', 'X-2')
      .executeTakeFirstOrThrow();
    expect(q.site_id).toBe('EAST');
  });

  it('names the row of bytes that are not UTF-8', async () => {
    const data = Buffer.concat([
      Buffer.from('id,name\nE-1,김\nE-2,'),
      Buffer.from([0xc1, 0xe8, 0xec]),
      Buffer.from('\n'),
    ]);
    const issues = await problems(load('cp1251.csv', data));
    expect(issues[0]).toMatchObject({ file: 'cp1251.csv', row: 3 });
    expect(issues[0]!.reason).toMatch(/wrong encoding/);
  });

  it('refuses a header without the required columns', async () => {
    const issues = await problems(
      load(
        'nohead.csv',
        csv([
          ['ident', 'fullname'],
          ['1', 'x'],
        ]),
      ),
    );
    expect(issues.map((i) => i.field).sort()).toEqual(['id', 'name']);
  });

  it('applies a retried import with the same idempotency key once', async () => {
    const before = await count();
    const data = csv(rosterRows(10, 'K'));
    const first = await load('retry.csv', data, 'import-key-0001');
    const second = await load('retry.csv', data, 'import-key-0001');
    expect(second).toEqual(first);
    expect(await count()).toBe(before + 10);
  });

  it('writes an audit row for the import', async () => {
    const rows = await handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'roster.imported')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => (r.after as { file?: string }).file === 'good.csv')).toBe(true);
  });

  it('keeps the audit log append-only at the database level', async () => {
    await expect(handle.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(handle.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
