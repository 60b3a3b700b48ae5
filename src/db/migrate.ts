import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m001 from './migrations/001-foundation.ts';
import * as m002 from './migrations/002-stock.ts';
import * as m003 from './migrations/003-forms.ts';
import * as m004 from './migrations/004-name-search.ts';
import * as m005 from './migrations/005-planning.ts';
import * as m006 from './migrations/006-allocation.ts';
import * as m007 from './migrations/007-stations.ts';
import * as m008 from './migrations/008-paper-review.ts';
import * as m009 from './migrations/009-person-roles.ts';
import * as m011 from './migrations/011-reports.ts';
import * as m012 from './migrations/012-allocation-sets.ts';
import * as m013 from './migrations/013-kit-losses.ts';

/** Migrations are listed in code (not read from a folder) so they work the same under tsx, tests and bundlers. */
const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-stock': m002,
  '003-forms': m003,
  '004-name-search': m004,
  '005-planning': m005,
  '006-allocation': m006,
  '007-stations': m007,
  '008-paper-review': m008,
  '009-person-roles': m009,
  '011-reports': m011,
  '012-allocation-sets': m012,
  '013-kit-losses': m013,
};

class ListedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  // Migrations are additive and independent of each other, so one written later under a lower number (parallel
  // branches of work) is applied where it is missing instead of refusing the database.
  const migrator = new Migrator({ db, provider: new ListedMigrations(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error)
    throw new Error(`database migration failed: ${error instanceof Error ? error.message : String(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The names of every migration this code knows, in order (backups record which ones their data was under). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort();

/** Migrates up to and including `name` (a restore loads a backup under the schema it was made with). */
export async function migrateUpTo(db: Kysely<unknown>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new ListedMigrations(), allowUnorderedMigrations: true });
  const { error } = await migrator.migrateTo(name);
  if (error)
    throw new Error(`database migration failed: ${error instanceof Error ? error.message : String(error)}`);
}
