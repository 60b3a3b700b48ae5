import type { Table } from '../adapters/tabular/write-table.ts';
import type { ServiceContext } from './context.ts';
import { listBalances } from './stock-queries.ts';

/** The balances or the whole ledger as a table for CSV/XLSX export; the ledger is read in id order, in pages. */
export async function stockTable(ctx: ServiceContext, what: 'balances' | 'ledger'): Promise<Table> {
  if (what === 'balances') {
    const rows = await listBalances(ctx, {});
    return {
      name: 'balances',
      columns: ['depot', 'item', 'size', 'on_hand', 'reserved', 'available', 'in_transit', 'unserviceable'],
      rows: rows.map((b) => [
        b.depot,
        b.item,
        b.size,
        b.onHand,
        b.reserved,
        b.available,
        b.inTransit,
        b.unserviceable,
      ]),
    };
  }
  const columns = [
    'id',
    'at',
    'type',
    'depot',
    'item',
    'size',
    'qty',
    'other_depot',
    'person',
    'condition',
    'reason',
    'document',
    'reverses',
    'actor',
  ];
  const rows: Table['rows'] = [];
  let after = 0;
  for (;;) {
    const page = await ctx.db
      .selectFrom('movements')
      .leftJoin('users', 'users.id', 'movements.actor_id')
      .select([
        'movements.id',
        'movements.at',
        'movements.type',
        'movements.depot_id',
        'movements.item_id',
        'movements.size',
        'movements.qty',
        'movements.other_depot_id',
        'movements.person_id',
        'movements.condition',
        'movements.reason',
        'movements.document',
        'movements.reverses',
        'users.username',
      ])
      .where('movements.id', '>', after)
      .orderBy('movements.id')
      .limit(10_000)
      .execute();
    if (!page.length) break;
    for (const m of page) {
      rows.push([
        m.id,
        new Date(m.at),
        m.type,
        m.depot_id,
        m.item_id,
        m.size,
        m.qty,
        m.other_depot_id,
        m.person_id,
        m.condition,
        m.reason,
        m.document,
        m.reverses,
        m.username,
      ]);
    }
    after = Number(page[page.length - 1]!.id);
  }
  return { name: 'ledger', columns, rows };
}
