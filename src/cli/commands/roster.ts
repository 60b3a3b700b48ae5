import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CliError, emit, type GlobalOptions, progress } from '../output.ts';

export function registerRoster(program: Command): void {
  const roster = program.command('roster').description('intake rosters');
  roster
    .command('import')
    .description('import a roster file (CSV or XLSX) into an intake, all or nothing')
    .argument('<file>', 'CSV (UTF-8) or XLSX file with columns id, name, name_latin, site, …')
    .requiredOption('--intake <id>', 'the intake to add the people to')
    .option('--data <dir>', 'folder of the embedded database (when DATABASE_URL is not set)', 'data')
    .option('--idempotency-key <key>', 'makes a retried import apply once')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & {
        intake: string;
        data: string;
        idempotencyKey?: string;
      };
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(`cannot read ${file}: no such file`, 1);
      }
      const { createDb } = await import('../../db/create-db.ts');
      const { SYSTEM_ACTOR, systemContext } = await import('../../services/context.ts');
      const { importRoster } = await import('../../services/roster-import.ts');
      const handle = await createDb({
        databaseUrl: process.env.DATABASE_URL || undefined,
        dataDir: opts.data,
      });
      const bar = progress(`importing ${basename(file)}`, size);
      try {
        const ctx = systemContext(handle.db, handle.kind);
        const result = await importRoster(ctx, SYSTEM_ACTOR, {
          intakeId: opts.intake,
          fileName: basename(file),
          stream: createReadStream(file),
          size,
          idempotencyKey: opts.idempotencyKey,
          onProgress: (p) => bar.tick(p.bytes ?? 0),
        });
        bar.done();
        emit(opts, result, (r) => `imported ${r.imported} people into intake ${r.intakeId}`);
      } finally {
        await handle.close();
      }
    });
}
