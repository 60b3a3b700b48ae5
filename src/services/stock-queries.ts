import type { ServiceContext } from './context.ts';

export interface BalanceQuery {
  depot?: string;
  item?: string;
}

/** Balances per depot × item × size, with available = on hand − reserved. */
export async function listBalances(ctx: ServiceContext, q: BalanceQuery) {
  let query = ctx.db
    .selectFrom('balances')
    .innerJoin('item_variants', (j) =>
      j
        .onRef('item_variants.item_id', '=', 'balances.item_id')
        .onRef('item_variants.label', '=', 'balances.size'),
    )
    .innerJoin('items', 'items.id', 'balances.item_id')
    .select([
      'balances.depot_id as depot',
      'balances.item_id as item',
      'balances.size',
      'balances.on_hand as onHand',
      'balances.reserved',
      'balances.in_transit as inTransit',
      'balances.unserviceable',
    ])
    .orderBy('balances.depot_id')
    .orderBy('items.sort')
    .orderBy('item_variants.sort');
  if (q.depot) query = query.where('balances.depot_id', '=', q.depot);
  if (q.item) query = query.where('balances.item_id', '=', q.item);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, available: r.onHand - r.reserved }));
}

export interface MovementQuery {
  depot?: string;
  item?: string;
  person?: string;
  limit: number;
  before?: number;
}

/** Movements newest first, keyset-paged by id. */
export async function listMovements(ctx: ServiceContext, q: MovementQuery) {
  let query = ctx.db
    .selectFrom('movements')
    .leftJoin('users', 'users.id', 'movements.actor_id')
    .select([
      'movements.id',
      'movements.type',
      'movements.depot_id as depot',
      'movements.item_id as item',
      'movements.size',
      'movements.qty',
      'movements.other_depot_id as otherDepot',
      'movements.person_id as person',
      'movements.condition',
      'movements.reason',
      'movements.document',
      'movements.reverses',
      'movements.effects',
      'users.username as actor',
      'movements.at',
    ])
    .orderBy('movements.id', 'desc')
    .limit(q.limit);
  if (q.depot)
    query = query.where((eb) =>
      eb.or([eb('movements.depot_id', '=', q.depot!), eb('movements.other_depot_id', '=', q.depot!)]),
    );
  if (q.item) query = query.where('movements.item_id', '=', q.item);
  if (q.person) query = query.where('movements.person_id', '=', q.person);
  if (q.before !== undefined) query = query.where('movements.id', '<', q.before);
  return query.execute();
}
