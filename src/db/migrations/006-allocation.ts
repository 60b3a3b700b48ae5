import { type Kysely, sql } from 'kysely';

/**
 * Allocation runs: each run of the solver for an intake, and each person's outcome per item. A run is proposed,
 * then accepted (its reservations go into the ledger) or superseded by a later run; runs are never edited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('allocation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('intake_id', 'text', (c) => c.notNull().references('intakes.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('proposed', 'accepted', 'superseded')`),
    )
    .addColumn('objective', 'bigint', (c) => c.notNull())
    .addColumn('unmet', 'integer', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('allocation_runs_intake')
    .on('allocation_runs')
    .columns(['intake_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('allocations')
    .addColumn('run_id', 'text', (c) => c.notNull().references('allocation_runs.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    // An entitlement of two shirts is two units, each allocated on its own.
    .addColumn('unit', 'integer', (c) => c.notNull())
    .addColumn('preferred', 'text', (c) => c.notNull())
    .addColumn('issued', 'text')
    .addColumn('depot_id', 'text')
    // Null for the common case (own size from the site's own store); the reason is then built when read.
    .addColumn('reason', 'jsonb')
    .addPrimaryKeyConstraint('allocations_pk', ['run_id', 'person_id', 'item_id', 'unit'])
    .execute();
}
