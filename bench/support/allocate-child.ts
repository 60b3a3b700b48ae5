/**
 * Run by `endToEndOnPostgres` in its own process: the allocation of the demo intake on the database at argv[2],
 * end to end (answers → sizes → classes → solve → stored → accepted as reservations), timed, and this process's
 * peak memory. Prints one JSON line.
 */
import { sql } from 'kysely';
import { createDb } from '../../src/db/create-db.ts';
import { acceptRun, runAllocation } from '../../src/services/allocation-run.ts';
import { SYSTEM_ACTOR, systemContext } from '../../src/services/context.ts';
import { DEMO_INTAKE } from '../../src/services/seed.ts';
import { peakRssMb, timed } from '../lib.ts';
import type { ChildResult } from './allocate-db.ts';

const handle = await createDb({ databaseUrl: process.argv[2]!, migrate: false });
try {
  const ctx = systemContext(handle.db, handle.kind);
  const run = await timed(() => runAllocation(ctx, SYSTEM_ACTOR, DEMO_INTAKE.id));
  const accept = await timed(() => acceptRun(ctx, SYSTEM_ACTOR, run.value.id, 'bench-accept'));
  const sets = await sql<{ n: number }>`select count(*)::int as n from allocation_sets
    where run_id = ${run.value.id}`.execute(handle.db);
  const result: ChildResult = {
    seconds: run.seconds + accept.seconds,
    runSeconds: run.seconds,
    acceptSeconds: accept.seconds,
    peakRssMb: peakRssMb(),
    unmet: run.value.unmet,
    objective: run.value.objective,
    reservations: run.value.summary.reservations.length,
    allocationSets: Number(sets.rows[0]!.n),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await handle.close();
}
