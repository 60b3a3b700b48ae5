import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { createScratchDatabase } from '../../src/db/scratch-database.ts';
import { acceptRun, runAllocation } from '../../src/services/allocation-run.ts';
import { SYSTEM_ACTOR, systemContext } from '../../src/services/context.ts';
import { DEMO_DRIVER_ROLE } from '../../src/services/demo-roster.ts';
import { DEMO_INTAKE, seedDemo } from '../../src/services/seed.ts';
import { insertMeasuredAnswers } from '../../src/services/submissions-demo.ts';
import { timed } from '../lib.ts';

/**
 * The whole path in the product for one intake: the answers are read and resolved to sizes, grouped into classes,
 * solved per item, handed out, stored, and accepted as reservations in the ledger. Seeding and answering are not
 * timed; `runAllocation` + `acceptRun` are.
 */
export async function endToEnd(handle: DbHandle, people: number, log: (m: string) => void) {
  const ctx = systemContext(handle.db, handle.kind);
  log(`allocate: seeding ${people} people and opening stock on ${handle.kind}…`);
  await seedDemo(ctx, { people });
  await insertMeasuredAnswers(handle.db, { intake: DEMO_INTAKE.id, seed: 11, prefix: 'bench' });
  log('allocate: running the allocation end to end…');
  const run = await timed(() => runAllocation(ctx, SYSTEM_ACTOR, DEMO_INTAKE.id));
  const accept = await timed(() => acceptRun(ctx, SYSTEM_ACTOR, run.value.id, 'bench-accept'));
  return {
    people,
    seconds: run.seconds + accept.seconds,
    runSeconds: run.seconds,
    acceptSeconds: accept.seconds,
    unmet: run.value.unmet,
    objective: run.value.objective,
    reservations: run.value.summary.reservations.length,
  };
}

/**
 * The same path on PostgreSQL for an intake of `people` (1,200,000 by the goal): a scratch database on the server of
 * `url`, the demo catalogue with opening stock sized for the intake, the people loaded straight into the table
 * (every twelfth a driver, as the demo roster has), everyone answered. The timed run and accept happen in a child
 * process, so its peak memory is the product's, not the seeding's.
 */
export async function endToEndOnPostgres(url: string, people: number, log: (m: string) => void) {
  const scratch = await createScratchDatabase(url, 'kitout_bench_allocate');
  try {
    const handle = await createDb({ databaseUrl: scratch.url });
    try {
      const ctx = systemContext(handle.db, handle.kind);
      log(`allocate: seeding the catalogue and stock for ${people} people on PostgreSQL…`);
      await seedDemo(ctx, { people: 0, stockFor: people });
      log(`allocate: loading ${people} people…`);
      for (let start = 0; start < people; start += 100_000) {
        const end = Math.min(people, start + 100_000);
        await sql`
          insert into people (id, intake_id, name, site_id, role)
          select 'P-' || lpad(g::text, 7, '0'), ${DEMO_INTAKE.id}, 'Person ' || g, ${DEMO_INTAKE.siteId},
            case when g % 12 = 0 then ${DEMO_DRIVER_ROLE} end
          from generate_series(${start + 1}::int, ${end}::int) as g`.execute(handle.db);
      }
      log(`allocate: answering for ${people} people…`);
      await insertMeasuredAnswers(handle.db, { intake: DEMO_INTAKE.id, seed: 11, prefix: 'bench' });
      await sql`vacuum analyze`.execute(handle.db);
    } finally {
      await handle.close();
    }
    log('allocate: running the allocation end to end in a child process…');
    const child = fileURLToPath(new URL('./allocate-child.ts', import.meta.url));
    const out = await new Promise<string>((done, fail) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, scratch.url], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      proc.stdout.on('data', (d: Buffer) => {
        text += d.toString('utf8');
      });
      proc.on('error', fail);
      proc.on('exit', (code) => (code === 0 ? done(text) : fail(new Error(`the child exited with ${code}`))));
    });
    return { people, ...(JSON.parse(out) as ChildResult) };
  } finally {
    await scratch.drop();
  }
}

export interface ChildResult {
  seconds: number;
  runSeconds: number;
  acceptSeconds: number;
  peakRssMb: number;
  unmet: number;
  objective: number;
  reservations: number;
  allocationSets: number;
}
