import type { DbHandle } from '../src/db/create-db.ts';
import { acceptRun, runAllocation } from '../src/services/allocation-run.ts';
import { SYSTEM_ACTOR, systemContext } from '../src/services/context.ts';
import { DEMO_INTAKE, seedDemo } from '../src/services/seed.ts';
import { insertMeasuredAnswers } from '../src/services/submissions-demo.ts';
import { timed } from './lib.ts';

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
