import { sql } from 'kysely';
import type { DbHandle } from '../src/db/create-db.ts';
import { normal, seededRng } from '../src/domain/random.ts';
import { acceptRun, runAllocation } from '../src/services/allocation-run.ts';
import { SYSTEM_ACTOR, systemContext } from '../src/services/context.ts';
import { DEMO_INTAKE, seedDemo } from '../src/services/seed.ts';
import { timed } from './lib.ts';

/** "Measure me" answers of the default questionnaire for every person of the demo intake, inserted in bulk. */
export async function answerEveryone(handle: DbHandle, seed: number): Promise<number> {
  const db = handle.db;
  const form = await db
    .selectFrom('forms')
    .select(['id', 'version'])
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  const people = (
    await db.selectFrom('people').select('id').where('intake_id', '=', DEMO_INTAKE.id).execute()
  ).map((p) => p.id);
  const rng = seededRng(seed);
  const now = new Date();
  for (let i = 0; i < people.length; i += 10_000) {
    const ids = people.slice(i, i + 10_000);
    const answers = ids.map(() => {
      const height = normal(rng, 174, 6);
      return JSON.stringify({
        head_known: 'no',
        head_girth: normal(rng, 57.5, 1.4).toFixed(1),
        uniform_known: 'no',
        chest: normal(rng, 97, 6).toFixed(0),
        height: height.toFixed(0),
        waist: normal(rng, 82, 7).toFixed(0),
        shoe_known: 'no',
        foot_length: (258 + (height - 174) * 1.4 + normal(rng, 0, 8)).toFixed(0),
      });
    });
    await sql`
      insert into submissions (instance_id, form_id, form_version, intake_id, person_id, answers, source,
        client_time, server_time, request_hash)
      select 'bench-' || t.person, ${form.id}, ${form.version}, ${DEMO_INTAKE.id}, t.person, t.answers, 'web', ${now}, ${now}, 'bench'
      from unnest(${ids}::text[], ${answers}::jsonb[]) as t(person, answers)`.execute(db);
  }
  return people.length;
}

/**
 * The whole path in the product for one intake: the answers are read and resolved to sizes, grouped into classes,
 * solved per item, handed out, stored, and accepted as reservations in the ledger. Seeding and answering are not
 * timed; `runAllocation` + `acceptRun` are.
 */
export async function endToEnd(handle: DbHandle, people: number, log: (m: string) => void) {
  const ctx = systemContext(handle.db, handle.kind);
  log(`allocate: seeding ${people} people and opening stock on ${handle.kind}…`);
  await seedDemo(ctx, { people });
  await answerEveryone(handle, 11);
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
