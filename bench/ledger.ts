import { sql } from 'kysely';
import { createDb } from '../src/db/create-db.ts';
import { createScratchDatabase } from '../src/db/scratch-database.ts';
import { SYSTEM_ACTOR, systemContext } from '../src/services/context.ts';
import { DEMO_ITEMS } from '../src/services/demo-catalogue.ts';
import { balancesFromLedger, postMovement, rebuildBalances } from '../src/services/ledger.ts';
import { seedDemo } from '../src/services/seed.ts';
import { atLeast, atMost, type Bench, peakRssMb, percentile, timed } from './lib.ts';

/**
 * Issue transactions per second through the ledger service on PostgreSQL (each one: lock the balance row, check,
 * append the movement, update the balance, audit row — one transaction), with 16 concurrent callers as a room of
 * stations would make; then a balance rebuild from 1,000,000 movements.
 */
const bench: Bench = async ({ log, args }) => {
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('the ledger bench runs on PostgreSQL: set DATABASE_URL');
  const issues = Number(args.issues ?? 5000);
  const concurrency = Number(args.concurrency ?? 16);
  const movements = Number(args.movements ?? 1_000_000);
  const scratch = await createScratchDatabase(url, 'kitout_bench');
  const handle = await createDb({ databaseUrl: scratch.url, poolSize: concurrency + 2 });
  try {
    const ctx = systemContext(handle.db, handle.kind);
    await seedDemo(ctx, { people: 0, stock: false });
    const variants = DEMO_ITEMS.flatMap((item) => item.sizes.map((size) => ({ item: item.id, size })));
    for (const [i, v] of variants.entries()) {
      await postMovement(ctx, SYSTEM_ACTOR, {
        key: `open-${i}`,
        type: 'receipt',
        depot: 'D-NORTH',
        ...v,
        qty: 100_000,
      });
    }
    log(`posting ${issues} issues with ${concurrency} concurrent callers…`);
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < issues) {
        const i = next++;
        const v = variants[i % variants.length]!;
        const start = performance.now();
        await postMovement(ctx, SYSTEM_ACTOR, {
          key: `issue-${i}`,
          type: 'issue',
          depot: 'D-NORTH',
          ...v,
          qty: 1,
          person: `P-${String(i).padStart(7, '0')}`,
        });
        latencies.push(performance.now() - start);
      }
    };
    const run = await timed(() => Promise.all(Array.from({ length: concurrency }, worker)));
    const perSecond = issues / run.seconds;

    log(`appending ${movements} movements for the rebuild…`);
    await sql`
      insert into movements (key, request_hash, type, depot_id, item_id, size, qty, effects, at)
      select 'bulk-' || g, 'bench', 'receipt', 'D-CENTRAL', v.item_id, v.label, 1,
        jsonb_build_array(jsonb_build_object('depot', 'D-CENTRAL', 'item', v.item_id, 'size', v.label,
          'onHand', 1, 'reserved', 0, 'inTransit', 0, 'unserviceable', 0)), now()
      from generate_series(1, ${movements}) as g
      join lateral (select item_id, label from item_variants order by item_id, label
        offset (g % (select count(*) from item_variants)) limit 1) v on true`.execute(handle.db);
    const total = Number(
      (await sql<{ n: number }>`select count(*)::int as n from movements`.execute(handle.db)).rows[0]!.n,
    );
    log(`rebuilding balances from ${total} movements…`);
    const rebuild = await timed(() => rebuildBalances(ctx));
    const check = await balancesFromLedger(ctx);
    return {
      bench: 'ledger',
      goals: {
        issue_tx_per_s: atLeast(perSecond, 'tx/s', 500),
        rebuild_1m_s: atMost(rebuild.seconds, 's', 60),
      },
      details: {
        issues,
        concurrency,
        issueSeconds: run.seconds,
        latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
        movementsInLedger: total,
        balanceRows: rebuild.value,
        balanceRowsFromLedger: check.length,
        rebuildSeconds: rebuild.seconds,
        peakRssMb: peakRssMb(),
      },
    };
  } finally {
    await handle.close();
    await scratch.drop();
  }
};

export default bench;
