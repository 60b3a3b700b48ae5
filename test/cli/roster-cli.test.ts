import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/create-db.ts';
import { systemContext } from '../../src/services/context.ts';
import { seedDemo } from '../../src/services/seed.ts';
import { csv, rosterRows } from '../support/fixtures.ts';

let dir: string;
const env = { ...process.env, DATABASE_URL: '', LANG: 'C' };
const kitout = (...args: string[]) =>
  spawnSync('node', ['bin/kitout.js', ...args, '--data', join(dir, 'db')], { encoding: 'utf8', env });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kitout-cli-'));
  const handle = await createDb({ dataDir: join(dir, 'db') });
  await seedDemo(systemContext(handle.db, handle.kind), { people: 0, stock: false });
  await handle.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kitout roster import', () => {
  it('imports a CSV and prints JSON alone on stdout with --json', () => {
    const file = join(dir, 'roster.csv');
    writeFileSync(file, csv(rosterRows(25, 'CLI')));
    const res = kitout('roster', 'import', file, '--intake', 'W-2026-12', '--json');
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({
      intakeId: 'W-2026-12',
      imported: 25,
      fileName: 'roster.csv',
    });
  });

  it('exits non-zero with one line naming file, row, column and reason, then lists the rest', () => {
    const rows = rosterRows(4, 'BAD');
    rows[2]![1] = '';
    rows[3]![3] = 'MOON';
    const file = join(dir, 'bad.csv');
    writeFileSync(file, csv(rows));
    const res = kitout('roster', 'import', file, '--intake', 'W-2026-12');
    expect(res.status).toBe(1);
    const lines = res.stderr.split('\n').filter((l) => l.startsWith('kitout:') || l.startsWith('  '));
    expect(lines[0]).toBe('kitout: bad.csv, row 3, field "name": missing name (and 1 more)');
    expect(res.stderr).toContain('bad.csv, row 4, field "site": unknown site "MOON"');
  });

  it('refuses an unknown intake and a missing file with a clear line', () => {
    const file = join(dir, 'roster2.csv');
    writeFileSync(file, csv(rosterRows(2, 'Q')));
    expect(kitout('roster', 'import', file, '--intake', 'NOPE').stderr).toContain(
      'kitout: intake not found: NOPE',
    );
    const missing = kitout('roster', 'import', join(dir, 'none.csv'), '--intake', 'W-2026-12');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/^kitout: cannot read .*none\.csv: no such file/);
  });
});

describe('kitout speaks the language asked for', () => {
  it('gives row, column and reason in Russian with --lang ru and in Korean with LANG=ko', () => {
    const rows = rosterRows(2, 'LNG');
    rows[1]![3] = 'MOON';
    const file = join(dir, 'lang.csv');
    writeFileSync(file, csv(rows));
    const ru = kitout('roster', 'import', file, '--intake', 'W-2026-12', '--lang', 'ru');
    expect(ru.stderr).toContain('kitout: lang.csv, строка 2, поле «site»: неизвестная площадка «MOON»');
    const ko = spawnSync(
      'node',
      ['bin/kitout.js', 'roster', 'import', file, '--intake', 'W-2026-12', '--data', join(dir, 'db')],
      {
        encoding: 'utf8',
        env: { ...env, LANG: 'ko_KR.UTF-8' },
      },
    );
    expect(ko.stderr).toContain('kitout: lang.csv, 2행, "site" 열: 알 수 없는 장소 "MOON"');
  });
});
