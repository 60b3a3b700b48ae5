import { type Kysely, sql } from 'kysely';

/** The stock ledger (append-only movements), the balances kept beside it, and entitlements. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('items')
    .addColumn('allow_negative', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('movements')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('depot_id', 'text', (c) => c.notNull().references('depots.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('other_depot_id', 'text', (c) => c.references('depots.id'))
    .addColumn('person_id', 'text')
    .addColumn('condition', 'text')
    .addColumn('reason', 'text')
    .addColumn('document', 'text')
    .addColumn('reverses', 'bigint', (c) => c.references('movements.id').unique())
    /** The effects, as applied: [{depot, item, size, onHand, reserved, inTransit, unserviceable}]. */
    .addColumn('effects', 'jsonb', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('movements_variant', ['item_id', 'size'], 'item_variants', ['item_id', 'label'])
    .execute();
  await db.schema
    .createIndex('movements_stock')
    .on('movements')
    .columns(['depot_id', 'item_id', 'size'])
    .execute();
  await db.schema.createIndex('movements_person').on('movements').column('person_id').execute();
  await sql`create trigger movements_append_only before update or delete on movements
    for each row execute function kitout_refuse_change()`.execute(db);

  await db.schema
    .createTable('balances')
    .addColumn('depot_id', 'text', (c) => c.notNull().references('depots.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_transit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unserviceable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('balances_pk', ['depot_id', 'item_id', 'size'])
    .addForeignKeyConstraint('balances_variant', ['item_id', 'size'], 'item_variants', ['item_id', 'label'])
    .execute();

  await db.schema
    .createTable('entitlements')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('entitlements_pk', ['scope', 'item_id'])
    .execute();
}
