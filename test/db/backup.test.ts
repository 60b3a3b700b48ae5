import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/db/repositories/audit.ts';
import { systemContext } from '../../src/services/context.ts';
import { seedDemo } from '../../src/services/seed.ts';
import { type ChildDb, childDb, runCli, tableFingerprints } from '../support/child-db.ts';
import { TEST_DB_KIND } from '../support/db.ts';

let dir: string;
let source: ChildDb;
let target: ChildDb;
let file: string;
let before: Record<string, { rows: number; md5: string }>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kitout-backup-'));
  source = await childDb(dir, 'source');
  target = await childDb(dir, 'target');
  const seeded = await source.open();
  await seedDemo(systemContext(seeded.db, seeded.kind), { people: 120, answers: 80 });
  before = await tableFingerprints(seeded);
  await seeded.close();
  file = join(dir, 'kitout.jsonl.gz');
});
afterAll(async () => {
  await source.drop();
  await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`kitout backup and restore (${TEST_DB_KIND})`, () => {
  it('backs up the demo and restores it into an empty database with every table equal, row for row', async () => {
    const backup = await runCli(['backup', '--out', file, ...source.args, '--json'], source.env);
    expect(backup.code, backup.stderr).toBe(0);
    const made = JSON.parse(backup.stdout) as { rows: number; tables: number; migrations: string[] };
    const total = Object.values(before).reduce((n, t) => n + t.rows, 0);
    expect(made.rows).toBe(total);
    expect(made.migrations.length).toBeGreaterThan(5);
    // The header names the format and the schema's migrations.
    const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]!);
    expect(header).toMatchObject({ format: 'kitout-backup', version: 1, migrations: made.migrations });

    const restore = await runCli(['restore', file, ...target.args, '--json'], target.env);
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ rows: total });

    const restored = await target.open();
    const after = await tableFingerprints(restored);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [table, fp] of Object.entries(before)) expect(after[table], table).toEqual(fp);
    expect(before.people!.rows).toBeGreaterThanOrEqual(120);
    expect(before.movements!.rows).toBeGreaterThan(0);
    // Sequences moved past the restored ids: a new audit row gets a fresh id.
    const maxId = Number(
      (await restored.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst())!.m,
    );
    await appendAudit(restored.db, {
      at: new Date(),
      actorId: null,
      action: 'test.after_restore',
      entity: 'x',
    });
    const fresh = await restored.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.after_restore')
      .executeTakeFirstOrThrow();
    expect(Number(fresh.id)).toBeGreaterThan(maxId);
    await restored.close();
  });

  it('refuses a database that holds data, and replaces it with --force', async () => {
    const refused = await runCli(['restore', file, ...target.args], target.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty.*--force/);
    const forced = await runCli(['restore', file, ...target.args, '--force', '--json'], target.env);
    expect(forced.code, forced.stderr).toBe(0);
    const restored = await target.open();
    const after = await tableFingerprints(restored);
    for (const [table, fp] of Object.entries(before)) expect(after[table], table).toEqual(fp);
    await restored.close();
  });

  it('refuses a cut-short or foreign file and leaves the database as it was, even with --force', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n')));
    const res = await runCli(['restore', cut, ...target.args, '--force'], target.env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/cut short/);
    const foreign = join(dir, 'foreign.gz');
    writeFileSync(foreign, gzipSync('{"hello":1}\n'));
    const res2 = await runCli(['restore', foreign, ...target.args, '--force'], target.env);
    expect(res2.code).toBe(1);
    expect(res2.stderr).toMatch(/not a Kitout backup/);
    const db = await target.open();
    const after = await tableFingerprints(db);
    for (const [table, fp] of Object.entries(before)) expect(after[table], table).toEqual(fp);
    await db.close();
  });
});
