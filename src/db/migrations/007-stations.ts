import { type Kysely, sql } from 'kysely';

/**
 * Issue stations: the stations of a depot, shelf bins for pick lists, the queue of an intake, every event a station
 * sent (by its client-made id, so a replay is answered from here), and each person's kit record. `people.language`
 * (the person's own language) already exists since migration 001.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('depot_id', 'text', (c) => c.notNull().references('depots.id'))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('ru'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('bins')
    .addColumn('depot_id', 'text', (c) => c.notNull().references('depots.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('bin', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bins_pk', ['depot_id', 'item_id', 'size'])
    .addForeignKeyConstraint('bins_variant', ['item_id', 'size'], 'item_variants', ['item_id', 'label'])
    .execute();

  await db.schema
    .createTable('queue_tickets')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('intake_id', 'text', (c) => c.notNull().references('intakes.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('waiting', 'called', 'served', 'left')`),
    )
    .addColumn('station_id', 'text', (c) => c.references('stations.id'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('checked_in_at', 'timestamptz', (c) => c.notNull())
    .addColumn('called_at', 'timestamptz')
    .addColumn('served_at', 'timestamptz')
    .addUniqueConstraint('queue_tickets_number', ['intake_id', 'number'])
    .execute();
  // At most one open ticket per person and intake: a second check-in finds the first.
  await sql`create unique index queue_tickets_open on queue_tickets (intake_id, person_id)
    where status in ('waiting', 'called')`.execute(db);
  // "Call next" takes the lowest waiting number; the board lists the waiting in order.
  await sql`create index queue_tickets_waiting on queue_tickets (intake_id, number)
    where status = 'waiting'`.execute(db);
  await db.schema
    .createIndex('queue_tickets_station')
    .on('queue_tickets')
    .columns(['station_id', 'status'])
    .execute();

  await db.schema
    .createTable('station_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('client_time', 'timestamptz')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('outcome', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create trigger station_events_append_only before update or delete on station_events
    for each row execute function kitout_refuse_change()`.execute(db);

  await db.schema
    .createTable('kit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('issue', 'return', 'exchange', 'loss', 'damage')`),
    )
    .addColumn('from_size', 'text')
    .addColumn('condition', 'text')
    .addColumn('movement_ids', sql`bigint[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('station_id', 'text', (c) => c.references('stations.id'))
    .addColumn('depot_id', 'text', (c) => c.notNull().references('depots.id'))
    .addColumn('event_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kit_events_person').on('kit_events').columns(['person_id', 'id']).execute();
  await sql`create trigger kit_events_append_only before update or delete on kit_events
    for each row execute function kitout_refuse_change()`.execute(db);
  // The pick list finds a person's allocation in the intake's accepted run by person first.
  await db.schema
    .createIndex('allocations_person')
    .on('allocations')
    .columns(['person_id', 'run_id'])
    .execute();
}
