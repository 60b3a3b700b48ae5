import type { Kysely } from 'kysely';

/**
 * A person's role in the organisation (driver, cook, team lead…), read from the roster. Entitlements may be set per
 * role (scope `role:<name>`): they add to or override, item by item, what the intake's own list gives everyone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('role', 'text').execute();
  await db.schema.createIndex('people_intake_role').on('people').columns(['intake_id', 'role']).execute();
}
