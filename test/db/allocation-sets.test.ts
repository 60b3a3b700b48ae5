import { type Kysely, type Selectable, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.ts';
import type { AllocationTable } from '../../src/db/schema.ts';
import { createScratchDatabase } from '../../src/db/scratch-database.ts';
import { TEST_DB_KIND, testDatabaseUrl } from '../support/db.ts';

/**
 * Migration 012 turns one row per person × item × unit into one row per person with the lines in arrays and the
 * reasons numbered per run. A database holding runs made before it must read the same rows through the view
 * afterwards: every column of every line, the reasons included, and nothing more.
 */
let handle: DbHandle;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (TEST_DB_KIND === 'postgres') {
    const scratch = await createScratchDatabase(testDatabaseUrl());
    handle = await createDb({ databaseUrl: scratch.url, migrate: false });
    drop = scratch.drop;
  } else {
    handle = await createDb({ migrate: false });
  }
});
afterAll(async () => {
  await handle.close();
  await drop?.();
});

type Line = Selectable<AllocationTable>;

const line = (
  run_id: string,
  person_id: string,
  item_id: string,
  unit: number,
  preferred: string,
  issued: string | null,
  depot_id: string | null,
  reason: Line['reason'],
): Line => ({ run_id, person_id, item_id, unit, preferred, issued, depot_id, reason });

const readLines = async (db: Kysely<unknown>) =>
  (
    await sql<Line>`select run_id, person_id, item_id, unit, preferred, issued, depot_id, reason
      from allocations order by run_id, person_id, item_id, unit`.execute(db)
  ).rows;

describe(`allocation sets migration (${TEST_DB_KIND})`, () => {
  it('keeps every line of the runs made before it, reasons included, and reads them back through the view', async () => {
    const db = handle.db as unknown as Kysely<unknown>;
    await migrateUpTo(db, '011-reports');
    await sql`insert into sites (id, name) values ('S-1', 'Site')`.execute(db);
    await sql`insert into intakes (id, name, site_id, start_date) values ('I-1', 'Intake', 'S-1', '2026-12-01')`.execute(
      db,
    );
    for (const run of ['R-1', 'R-2'])
      await sql`insert into allocation_runs (id, intake_id, status, objective, unmet, summary, created_at)
        values (${run}, 'I-1', 'proposed', 1, 1, '{"people":0,"answered":0,"items":[],"shortages":[],"reservations":[]}',
          now())`.execute(db);
    const up = {
      key: 'reason.substituteUp',
      params: { item: 'boots', preferred: '265', issued: '270', count: 1 },
    };
    const none = { key: 'reason.unmetNoStock', params: { item: 'cap', preferred: '57', unmetCost: 1000 } };
    const lines: Line[] = [
      line('R-1', 'P-1', 'boots', 1, '265', '270', 'D-1', up),
      line('R-1', 'P-1', 'cap', 1, '57', null, null, none),
      line('R-1', 'P-1', 'shirt', 1, '48', '48', 'D-1', null),
      line('R-1', 'P-1', 'shirt', 2, '48', '48', 'D-1', null),
      line('R-1', 'P-2', 'boots', 1, '265', '270', 'D-1', up),
      line('R-1', 'P-3', 'boots', 1, '250', '250', 'D-1', null),
      line('R-2', 'P-1', 'boots', 1, '265', null, null, none),
    ];
    for (const l of lines)
      await sql`insert into allocations (run_id, person_id, item_id, unit, preferred, issued, depot_id, reason)
        values (${l.run_id}, ${l.person_id}, ${l.item_id}, ${l.unit}, ${l.preferred}, ${l.issued}, ${l.depot_id},
          ${l.reason ? JSON.stringify(l.reason) : null}::jsonb)`.execute(db);
    const before = await readLines(db);
    expect(before).toEqual(lines);

    await migrateToLatest(db);
    expect(await readLines(db)).toEqual(lines);
    // One row per person and run; each run's distinct reasons stored once.
    const sets = await sql<{ n: number }>`select count(*)::int as n from allocation_sets`.execute(db);
    expect(sets.rows[0]!.n).toBe(4);
    const reasons = await sql<{ run_id: string; n: number }>`select run_id, count(*)::int as n
      from allocation_reasons group by run_id order by run_id`.execute(db);
    expect(reasons.rows).toEqual([
      { run_id: 'R-1', n: 2 },
      { run_id: 'R-2', n: 1 },
    ]);
    // A person whose every line is plain stores no reason ids at all.
    const plain = await sql<{ ids: number[] | null }>`select reason_ids as ids from allocation_sets
      where run_id = 'R-1' and person_id = 'P-3'`.execute(db);
    expect(plain.rows[0]!.ids).toBeNull();
    // Misaligned arrays are refused by the table itself.
    await expect(
      sql`insert into allocation_sets (run_id, person_id, items, units, preferred, issued, depots)
        values ('R-2', 'P-9', '{boots,cap}', '{1}', '{265,57}', '{270,NULL}', '{D-1,NULL}')`.execute(db),
    ).rejects.toThrow(/allocation_sets_aligned/);
  });
});
