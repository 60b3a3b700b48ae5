import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError, emit, type GlobalOptions } from '../output.ts';

/** `kitout backup` and `kitout restore`: the whole database to one portable file and back (see services/backup.ts). */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write the whole database to a file (gzip JSON lines; PGlite or DATABASE_URL)')
    .requiredOption('--out <file>', 'the backup file to write, e.g. kitout-2026-12-01.jsonl.gz')
    .option('--data <dir>', 'folder of the embedded database (when DATABASE_URL is not set)', 'data')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & { out: string; data: string };
      const url = process.env.DATABASE_URL || undefined;
      if (!url && !existsSync(resolve(opts.data)))
        throw new CliError(`no database in ${opts.data}: pass --data <dir> or set DATABASE_URL`, 1);
      const { createDb } = await import('../../db/create-db.ts');
      const { backupDatabase } = await import('../../services/backup.ts');
      const handle = await createDb({ databaseUrl: url, dataDir: resolve(opts.data), migrate: false });
      try {
        const result = await backupDatabase(handle.db as never, resolve(opts.out));
        emit(
          opts,
          result,
          (r) =>
            `backed up ${r.rows} rows of ${r.tables} tables to ${r.file} (${Math.ceil(r.bytes / 1024)} KB)`,
        );
      } finally {
        await handle.close();
      }
    });

  program
    .command('restore')
    .description('load a backup into an empty database (PGlite or DATABASE_URL), all or nothing')
    .argument('<file>', 'a file written by `kitout backup`')
    .option('--data <dir>', 'folder of the embedded database (when DATABASE_URL is not set)', 'data')
    .option('--force', 'replace everything in a database that already holds data')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & { data: string; force?: boolean };
      if (!existsSync(file)) throw new CliError(`cannot read ${file}: no such file`, 1);
      const { createDb } = await import('../../db/create-db.ts');
      const { restoreDatabase } = await import('../../services/backup.ts');
      const url = process.env.DATABASE_URL || undefined;
      const handle = await createDb({ databaseUrl: url, dataDir: resolve(opts.data), migrate: false });
      try {
        const result = await restoreDatabase(handle.db as never, resolve(file), { force: opts.force });
        emit(opts, result, (r) => `restored ${r.rows} rows of ${r.tables} tables from ${r.file}`);
      } finally {
        await handle.close();
      }
    });
}
