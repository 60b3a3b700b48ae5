import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFormFile } from '../../src/adapters/xlsx/form-file.ts';
import { createDb } from '../../src/db/create-db.ts';
import { createScratchDatabase } from '../../src/db/scratch-database.ts';
import { buildDefaultSizingForm } from '../../src/domain/forms/default-sizing-form.ts';
import { SYSTEM_ACTOR, systemContext } from '../../src/services/context.ts';
import { storeDefaultForm, storeForm } from '../../src/services/forms.ts';
import { TEST_DB_KIND, testDatabaseUrl } from '../support/db.ts';

// `kitout form export --id` reads the form from the database the server uses: DATABASE_URL when set (the
// PostgreSQL run), else the PGlite folder given with --data.

let dir: string;
let env: NodeJS.ProcessEnv;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kitout-form-export-'));
  let databaseUrl = '';
  if (TEST_DB_KIND === 'postgres') {
    const scratch = await createScratchDatabase(testDatabaseUrl());
    databaseUrl = scratch.url;
    drop = scratch.drop;
  }
  const handle = await createDb(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'db') });
  const ctx = systemContext(handle.db, handle.kind);
  await storeDefaultForm(ctx, SYSTEM_ACTOR);
  const v2 = buildDefaultSizingForm();
  v2.settings.version = '2';
  v2.settings.title.en = 'Sizes, second edition';
  await storeForm(ctx, SYSTEM_ACTOR, v2);
  await handle.close();
  env = { ...process.env, DATABASE_URL: databaseUrl, LANG: 'C' };
}, 120_000);
afterAll(async () => {
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

const kitout = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/kitout.js', 'form', 'export', ...args, '--data', join(dir, 'db')], {
    encoding: 'utf8',
    env,
  });

describe('kitout form export --id', () => {
  it('writes the active stored version, or the one named, as an XLSForm workbook', async () => {
    const out = join(dir, 'active.xlsx');
    const res = kitout('--id', 'kitout-sizing', '--out', out, '--json');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ formId: 'kitout-sizing', version: '2', questions: 23 });
    const active = await readFormFile(out);
    expect(active.ok && active.value.settings.title.en).toBe('Sizes, second edition');

    const first = join(dir, 'v1.xlsx');
    expect(kitout('--id', 'kitout-sizing', '--form-version', '1', '--out', first).status).toBe(0);
    const v1 = await readFormFile(first);
    expect(v1.ok && v1.value).toEqual(buildDefaultSizingForm());
  });

  it('exits non-zero with one line for an unknown form, or for a file and --id together', () => {
    const unknown = kitout('--id', 'nope', '--out', join(dir, 'x.xlsx'));
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toEqual(['kitout: form not found: nope']);
    const both = kitout('some.xlsx', '--id', 'kitout-sizing', '--out', join(dir, 'y.xlsx'));
    expect(both.status).not.toBe(0);
    expect(both.stderr).toContain('not both');
  });
});
