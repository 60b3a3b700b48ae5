import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableToXlsx } from '../../src/adapters/tabular/write-table.ts';
import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { createScratchDatabase } from '../../src/db/scratch-database.ts';
import type { InputError } from '../../src/domain/errors.ts';
import { type ServiceContext, SYSTEM_ACTOR, systemContext } from '../../src/services/context.ts';
import { seedDemo } from '../../src/services/seed.ts';
import { stockTable } from '../../src/services/stock-export.ts';
import { importStock } from '../../src/services/stock-import.ts';
import { TEST_DB_KIND, testDatabaseUrl, testDb } from '../support/db.ts';
import { csv } from '../support/fixtures.ts';

let handle: DbHandle;
let ctx: ServiceContext;
let dir: string;

beforeAll(async () => {
  handle = await testDb();
  ctx = systemContext(handle.db, handle.kind);
  await seedDemo(ctx, { people: 0, stock: false });
  dir = mkdtempSync(join(tmpdir(), 'kitout-stock-'));
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const load = (name: string, data: Buffer, key: string, mode?: 'receipt' | 'count') =>
  importStock(ctx, SYSTEM_ACTOR, { fileName: name, stream: Readable.from([data]), key, mode });

const movementCount = async (db = handle.db) =>
  Number(
    (
      await db
        .selectFrom('movements')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** 5,000 rows over the demo catalogue at the three depots. */
function bigStockCsv(rows: number): Buffer {
  const variants = [
    ...['54', '55', '56', '57', '58', '59', '60'].map((s) => ['cap', s]),
    ...['240', '250', '260', '270', '280'].map((s) => ['boots', s]),
  ];
  const out = [['depot', 'item', 'size', 'qty', 'document']];
  for (let i = 0; i < rows; i++) {
    const [item, size] = variants[i % variants.length]!;
    out.push([['D-NORTH', 'D-EAST', 'D-CENTRAL'][i % 3]!, item!, size!, String(1 + (i % 7)), `GRN-${i}`]);
  }
  return csv(out);
}

describe(`stock import and export on ${TEST_DB_KIND}`, () => {
  it('posts opening stock and refuses a file with bad rows, naming each, storing nothing', async () => {
    const before = await movementCount();
    const bad = csv([
      ['depot', 'item', 'size', 'qty'],
      ['D-NORTH', 'boots', '270', '12'],
      ['D-MOON', 'boots', '270', '1'],
      ['D-NORTH', 'boots', '999', '1'],
      ['D-NORTH', 'helmet', '1', '1'],
      ['D-NORTH', 'boots', '265', '-3'],
    ]);
    let issues: InputError['issues'] = [];
    await load('bad.csv', bad, 'bad-1').catch((e: InputError) => {
      issues = e.issues;
    });
    expect(issues.map((i) => `${i.row}:${i.field}`)).toEqual(['3:depot', '4:size', '5:item', '6:qty']);
    expect(await movementCount()).toBe(before);
    const ok = await load(
      'open.csv',
      csv([
        ['depot', 'item', 'size', 'qty'],
        ['D-NORTH', 'boots', '270', '12'],
        ['D-EAST', 'cap', '57', '4'],
      ]),
      'open-1',
    );
    expect(ok).toEqual({ fileName: 'open.csv', rows: 2, units: 16 });
    expect(
      await load(
        'open.csv',
        csv([
          ['depot', 'item', 'size', 'qty'],
          ['D-NORTH', 'boots', '270', '12'],
          ['D-EAST', 'cap', '57', '4'],
        ]),
        'open-1',
      ),
    ).toEqual(ok);
    expect(await movementCount()).toBe(before + 2);
  });

  it('states quantities from a count file as variances', async () => {
    await load(
      'count.csv',
      csv([
        ['depot', 'item', 'size', 'qty'],
        ['D-NORTH', 'boots', '270', '10'],
      ]),
      'count-1',
      'count',
    );
    const b = await handle.db
      .selectFrom('balances')
      .selectAll()
      .where('depot_id', '=', 'D-NORTH')
      .where('size', '=', '270')
      .executeTakeFirstOrThrow();
    expect(b.on_hand).toBe(10);
  });

  it('exports balances and the ledger; the XLSX reads back with the same rows', async () => {
    const balances = await stockTable(ctx, 'balances');
    expect(balances.rows).toContainEqual(['D-NORTH', 'boots', '270', 10, 0, 10, 0, 0]);
    const ledger = await stockTable(ctx, 'ledger');
    expect(ledger.rows.length).toBe(await movementCount());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableToXlsx(ledger)) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(ledger.rows.length + 1);
  });

  it('leaves nothing half-written when the process is killed in the middle of a 5,000-row import, and a retry applies once', async () => {
    // A separate database the child process can open: a PGlite folder, or a scratch database on the server.
    let env: NodeJS.ProcessEnv;
    let open: () => Promise<DbHandle>;
    let drop = async () => {};
    if (TEST_DB_KIND === 'postgres') {
      const scratch = await createScratchDatabase(testDatabaseUrl());
      env = { ...process.env, DATABASE_URL: scratch.url };
      open = () => createDb({ databaseUrl: scratch.url });
      drop = scratch.drop;
    } else {
      env = { ...process.env, DATABASE_URL: '' };
      open = () => createDb({ dataDir: join(dir, 'killed') });
    }
    const seeded = await open();
    await seedDemo(systemContext(seeded.db, seeded.kind), { people: 0, stock: false });
    await seeded.close();
    const file = join(dir, 'big.csv');
    writeFileSync(file, bigStockCsv(5000));
    const args = [
      'bin/kitout.js',
      'stock',
      'import',
      file,
      '--key',
      'big-import',
      '--data',
      join(dir, 'killed'),
    ];

    const child = spawn('node', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        // Kill once a quarter or more of the file has been posted inside the (uncommitted) transaction.
        const pct = [...stderr.matchAll(/\] (\d+)%/g)].map((m) => Number(m[1]));
        if (pct.some((p) => p >= 25 && p < 100) && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL'));
    });
    expect(killed, `the import finished before it could be killed: ${stdout}`).toBe(true);
    expect(stdout).not.toMatch(/posted/);

    const after = await open();
    expect(await movementCount(after.db)).toBe(0);
    expect(await after.db.selectFrom('balances').selectAll().execute()).toEqual([]);
    await after.close();

    const retry = spawn('node', [...args, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    retry.stdout.on('data', (d) => {
      out += d;
    });
    expect(await new Promise((r) => retry.on('exit', r))).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ rows: 5000 });
    const final = await open();
    expect(await movementCount(final.db)).toBe(5000);
    await final.close();
    await drop();
  });
});
