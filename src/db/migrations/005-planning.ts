import type { Kysely } from 'kysely';

/** Size tariffs (the share of each size per item) for forecasting demand, and each intake's choice of tariff. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('size_tariffs')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('share', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('size_tariffs_pk', ['name', 'item_id', 'size'])
    .execute();
  await db.schema
    .alterTable('intakes')
    .addColumn('tariff', 'text', (c) => c.notNull().defaultTo('default'))
    .execute();
}
