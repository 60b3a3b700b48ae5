import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CliError, emit, type GlobalOptions, progress } from '../output.ts';

interface DbOptions extends GlobalOptions {
  data: string;
}

/** Opens the same database the server uses (DATABASE_URL, or PGlite in --data), runs `fn`, closes it. */
async function withServices<T>(
  opts: DbOptions,
  fn: (ctx: import('../../services/context.ts').ServiceContext) => Promise<T>,
) {
  const { createDb } = await import('../../db/create-db.ts');
  const { systemContext } = await import('../../services/context.ts');
  const handle = await createDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: opts.data });
  try {
    return await fn(systemContext(handle.db, handle.kind));
  } finally {
    await handle.close();
  }
}

export function registerStock(program: Command): void {
  const stock = program.command('stock').description('the stock ledger: balances, imports, exports');
  const dataOption = [
    '--data <dir>',
    'folder of the embedded database (when DATABASE_URL is not set)',
    'data',
  ] as const;

  stock
    .command('import')
    .description(
      'post opening stock or a delivery from CSV/XLSX (depot,item,size,qty[,document,reason]), all or nothing',
    )
    .argument('<file>')
    .requiredOption('--key <key>', 'idempotency key: a retried import with the same key applies once')
    .option('--mode <mode>', 'receipt (add the quantities) or count (state them)', 'receipt')
    .option(...dataOption)
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as DbOptions & { key: string; mode: string };
      if (opts.mode !== 'receipt' && opts.mode !== 'count')
        throw new CliError(`--mode must be receipt or count, not "${opts.mode}"`);
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(`cannot read ${file}: no such file`, 1);
      }
      const { importStock } = await import('../../services/stock-import.ts');
      const { SYSTEM_ACTOR } = await import('../../services/context.ts');
      const bar = progress(`importing ${basename(file)}`, size);
      const result = await withServices(opts, (ctx) =>
        importStock(ctx, SYSTEM_ACTOR, {
          fileName: basename(file),
          stream: createReadStream(file),
          size,
          key: opts.key,
          mode: opts.mode as 'receipt' | 'count',
          onProgress: (p) => bar.tick(p.bytes),
        }),
      );
      bar.done();
      emit(opts, result, (r) => `posted ${r.rows} rows (${r.units} units) from ${r.fileName}`);
    });

  stock
    .command('balances')
    .description('stock per depot × item × size')
    .option('--depot <id>')
    .option('--item <id>')
    .option(...dataOption)
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as DbOptions & { depot?: string; item?: string };
      const { listBalances } = await import('../../services/stock-queries.ts');
      const rows = await withServices(opts, (ctx) =>
        listBalances(ctx, { depot: opts.depot, item: opts.item }),
      );
      emit(opts, { balances: rows }, (r) =>
        [
          'depot       item        size     on hand  reserved  available  in transit',
          ...r.balances.map(
            (b) =>
              `${b.depot.padEnd(11)} ${b.item.padEnd(11)} ${b.size.padEnd(8)} ${String(b.onHand).padStart(7)} ${String(b.reserved).padStart(9)} ${String(b.available).padStart(10)} ${String(b.inTransit).padStart(11)}`,
          ),
        ].join('\n'),
      );
    });

  stock
    .command('export')
    .description('write balances or the ledger to CSV or XLSX')
    .requiredOption('--what <what>', 'balances or ledger')
    .requiredOption('--out <file>', 'file to write; .xlsx for a workbook, anything else CSV')
    .option(...dataOption)
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as DbOptions & { what: string; out: string };
      if (opts.what !== 'balances' && opts.what !== 'ledger')
        throw new CliError(`--what must be balances or ledger`);
      const { stockTable } = await import('../../services/stock-export.ts');
      const { tableToCsv, tableToXlsx } = await import('../../adapters/tabular/write-table.ts');
      const table = await withServices(opts, (ctx) => stockTable(ctx, opts.what as 'balances' | 'ledger'));
      const data = opts.out.toLowerCase().endsWith('.xlsx') ? await tableToXlsx(table) : tableToCsv(table);
      writeFileSync(opts.out, data);
      emit(opts, { file: opts.out, rows: table.rows.length }, (r) => `wrote ${r.rows} rows to ${r.file}`);
    });
}
