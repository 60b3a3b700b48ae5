import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the reports (issue #10). Every report reads an intake's kit movements — issues and returns with a
 * person, not reversed — out of a ledger of a million movements where most have no person: a partial index that
 * holds just those rows and the columns the reports sum lets PostgreSQL answer from the index alone. The same for
 * when each person first answered (the intake dashboard's answered-over-time), without reading the answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index movements_kit on movements (person_id)
    include (id, item_id, size, depot_id, type, qty, at)
    where person_id is not null and reverses is null and type in ('issue', 'return')`.execute(db);
  await sql`create index submissions_taken on submissions (intake_id, person_id)
    include (client_time, server_time, seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index submissions_taken`.execute(db);
  await sql`drop index movements_kit`.execute(db);
}
