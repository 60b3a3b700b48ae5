import type { Command } from 'commander';
import { emit, type GlobalOptions } from '../output.ts';

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description("an intake's demand per item × size against stock: transfers between depots and a buy list")
    .argument('<intake>', 'the intake id')
    .option('--data <dir>', 'folder of the embedded database (when DATABASE_URL is not set)', 'data')
    .action(async (intake: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as GlobalOptions & { data: string };
      const { createDb } = await import('../../db/create-db.ts');
      const { systemContext } = await import('../../services/context.ts');
      const { planIntake } = await import('../../services/planning.ts');
      const handle = await createDb({
        databaseUrl: process.env.DATABASE_URL || undefined,
        dataDir: opts.data,
      });
      try {
        const plan = await planIntake(systemContext(handle.db, handle.kind), intake);
        emit(opts, plan, (p) => {
          const lines = [
            `plan for intake ${p.intake}: ${p.people} people, ${p.answered} answered (demand from ${p.source}; tariff ${p.tariff})`,
            '',
            'item         size      demand  available  in transit  to buy',
            ...p.rows
              .filter((r) => r.demand > 0 || r.net > 0)
              .map(
                (r) =>
                  `${r.item.padEnd(12)} ${r.size.padEnd(8)} ${String(r.demand).padStart(7)} ${String(r.available).padStart(10)} ${String(r.inTransit).padStart(11)} ${String(r.net).padStart(7)}`,
              ),
            '',
            `transfers (${p.transfers.length}):`,
            ...p.transfers.map((t) => `  ${t.qty} × ${t.item} ${t.size}: ${t.from} → ${t.to}`),
            `buy (${p.buy.reduce((s, b) => s + b.qty, 0)} units):`,
            ...p.buy.map((b) => `  ${b.qty} × ${b.item} ${b.size}`),
          ];
          return lines.join('\n');
        });
      } finally {
        await handle.close();
      }
    });
}
