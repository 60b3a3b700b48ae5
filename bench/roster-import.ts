import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../src/db/create-db.ts';
import { createScratchDatabase } from '../src/db/scratch-database.ts';
import { SYSTEM_ACTOR, systemContext } from '../src/services/context.ts';
import { demoRosterCsv } from '../src/services/demo-roster.ts';
import { importRoster } from '../src/services/roster-import.ts';
import { DEMO_INTAKE, seedDemo } from '../src/services/seed.ts';
import { atMost, type Bench, peakRssMb, timed } from './lib.ts';

/** Writes an n-row roster CSV in chunks, so even 1.2 million rows are never one string in memory. */
async function writeRoster(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  const chunk = 50_000;
  for (let start = 0; start < rows; start += chunk) {
    const n = Math.min(chunk, rows - start);
    const lines = demoRosterCsv(n, 7 + start)
      .split('\n')
      .slice(1, n + 1)
      .map((line) =>
        line.replace(/^P-(\d+)/, (_m, d: string) => `B-${String(start + Number(d)).padStart(7, '0')}`),
      );
    if (start === 0) out.write('id,name,name_latin,site,sex\n');
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

async function importInto(
  kind: 'pglite' | 'postgres',
  file: string,
  log: (m: string) => void,
  baseUrl?: string,
) {
  const scratch = kind === 'postgres' ? await createScratchDatabase(baseUrl!, 'kitout_bench') : undefined;
  const dir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'kitout-bench-')) : undefined;
  const handle = await createDb(scratch ? { databaseUrl: scratch.url } : { dataDir: dir });
  try {
    const ctx = systemContext(handle.db, handle.kind);
    await seedDemo(ctx, { people: 0, stock: false });
    const size = statSync(file).size;
    let lastPct = -10;
    const { seconds, value } = await timed(() =>
      importRoster(ctx, SYSTEM_ACTOR, {
        intakeId: DEMO_INTAKE.id,
        fileName: 'bench.csv',
        stream: createReadStream(file, { highWaterMark: 1 << 20 }),
        size,
        onProgress: ({ bytes }) => {
          const pct = Math.floor(((bytes ?? 0) / size) * 100);
          if (pct >= lastPct + 10) {
            lastPct = pct;
            log(`  ${kind}: ${pct}%`);
          }
        },
      }),
    );
    return { seconds, imported: value.imported };
  } finally {
    await handle.close();
    await scratch?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Roster import through the same service the API and CLI use (parse, validate, check ids, insert, one transaction):
 * 12,000 rows into PGlite on disk, and 1,200,000 rows into PostgreSQL (DATABASE_URL or TEST_DATABASE_URL).
 */
const bench: Bench = async ({ log, args }) => {
  const small = Number(args.small ?? 12_000);
  const large = Number(args.large ?? 1_200_000);
  const dir = mkdtempSync(join(tmpdir(), 'kitout-roster-'));
  try {
    const smallFile = join(dir, 'small.csv');
    await writeRoster(smallFile, small);
    log(`importing ${small} rows into PGlite…`);
    const pglite = await importInto('pglite', smallFile, log);
    const goals: Record<string, ReturnType<typeof atMost>> = { pglite_12k_s: atMost(pglite.seconds, 's', 5) };
    const details: Record<string, unknown> = { pglite: { rows: pglite.imported, seconds: pglite.seconds } };

    const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
    if (url) {
      const largeFile = join(dir, 'large.csv');
      const bytes = await writeRoster(largeFile, large);
      log(`importing ${large} rows (${Math.round(bytes / 1e6)} MB) into PostgreSQL…`);
      const rssBefore = peakRssMb();
      const pgResult = await importInto('postgres', largeFile, log, url);
      goals.postgres_1200k_s = atMost(pgResult.seconds, 's', 120);
      details.postgres = {
        rows: pgResult.imported,
        seconds: pgResult.seconds,
        fileMb: Math.round(bytes / 1e6),
        peakRssMb: peakRssMb(),
        peakRssMbBefore: rssBefore,
        rowsPerSecond: Math.round(pgResult.imported / pgResult.seconds),
      };
    } else {
      details.postgres = 'skipped: set DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server';
    }
    return { bench: 'roster-import', goals, details };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
