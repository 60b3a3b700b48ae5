import { type Kysely, sql } from 'kysely';

/**
 * The reports take a person's losses off what they hold (a loss is a kit event and moves no stock). Losses are few
 * among the kit events, which grow with every issue at the stations: a partial index holds just them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index kit_events_loss on kit_events (person_id, item_id) include (qty)
    where kind = 'loss'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index kit_events_loss`.execute(db);
}
