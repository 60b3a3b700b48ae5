import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/create-db.ts';
import { hashRequest } from '../db/repositories/idempotency.ts';
import type { Database, StoredEffect } from '../db/schema.ts';
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import {
  type Buckets,
  checkEffects,
  type Effect,
  EMPTY,
  effectsOf,
  keyString,
  type MovementRequest,
  type MovementType,
  negate,
  type StockKey,
  StockRuleError,
} from '../domain/stock/movement.ts';
import type { Actor, ServiceContext } from './context.ts';
import { postManyInTransaction } from './ledger-bulk.ts';
import { type PostedMovement, StockRefusal } from './ledger-types.ts';

export { type PostedMovement, StockRefusal } from './ledger-types.ts';

type Trx = Transaction<Database>;

/**
 * Posts one movement: checks it against the locked balances, appends it, and updates the balances in the same
 * transaction. The idempotency key makes a retried post apply once; a key reused for another movement is refused.
 */
export async function postMovement(
  ctx: ServiceContext,
  actor: Actor,
  input: MovementRequest & { key: string },
): Promise<PostedMovement> {
  try {
    return await ctx.db.transaction().execute((trx) => postInTransaction(trx, ctx, actor, input));
  } catch (err) {
    // Two posts with one key raced: the loser's insert hit the unique key; answer with the winner's movement.
    if ((err as { code?: string }).code === '23505') {
      const { key, ...request } = input;
      const winner = await findByKey(ctx.db, key, hashRequest(request));
      if (winner) return winner;
    }
    throw err;
  }
}

/** Undoes an earlier movement with a new one of opposite effect; a movement is reversed at most once. */
export async function reverseMovement(
  ctx: ServiceContext,
  actor: Actor,
  input: { key: string; movementId: number; reason: string },
): Promise<PostedMovement> {
  const hash = hashRequest({ reverse: input.movementId, reason: input.reason });
  const earlier = await findByKey(ctx.db, input.key, hash);
  if (earlier) return earlier;
  return ctx.db.transaction().execute(async (trx) => {
    const original = await trx
      .selectFrom('movements')
      .selectAll()
      .where('id', '=', input.movementId)
      .executeTakeFirst();
    if (!original) throw new NotFoundError('movement', String(input.movementId));
    if (original.reverses !== null)
      throw new ConflictError('a reversal cannot itself be reversed: post a new movement');
    const done = await trx
      .selectFrom('movements')
      .select('id')
      .where('reverses', '=', original.id)
      .executeTakeFirst();
    if (done) throw new ConflictError(`movement ${original.id} was already reversed by movement ${done.id}`);
    const effects: Effect[] = original.effects.map((e) => ({
      key: { depot: e.depot, item: e.item, size: e.size },
      delta: negate(e),
    }));
    const balances = await lockBalances(
      trx,
      ctx,
      effects.map((e) => e.key),
    );
    try {
      checkEffects(effects, (k) => balances.get(keyString(k)) ?? EMPTY, {
        type: 'reversal',
        qty: original.qty,
        allowNegative: await allowsNegative(trx, original.item_id),
      });
    } catch (err) {
      if (err instanceof StockRuleError) throw new StockRefusal(err.code, `cannot reverse: ${err.message}`);
      throw err;
    }
    return write(trx, ctx, actor, input.key, hash, {
      type: original.type as MovementType,
      depot: original.depot_id,
      item: original.item_id,
      size: original.size,
      qty: original.qty,
      reason: input.reason,
      reverses: original.id,
      effects,
    });
  });
}

/** Posts a movement inside a caller's transaction, so several movements (an import, a station's batch) commit together. */
export async function postInTransaction(
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  input: MovementRequest & { key: string },
): Promise<PostedMovement> {
  const { key, ...m } = input;
  const hash = hashRequest(m);
  // One round trip for everything the checks need: an earlier post with this key, the variant, the depots.
  const depots = [m.depot, ...(m.otherDepot ? [m.otherDepot] : [])];
  const { rows } = await sql<{ earlier: boolean; allow_negative: boolean | null; depots: string[] | null }>`
    select
      exists (select 1 from movements where key = ${key}) as earlier,
      (select i.allow_negative from item_variants v join items i on i.id = v.item_id
        where v.item_id = ${m.item} and v.label = ${m.size}) as allow_negative,
      (select array_agg(id) from depots where id = any(${depots}::text[])) as depots`.execute(trx);
  const pre = rows[0]!;
  if (pre.earlier) {
    const earlier = await findByKey(trx, key, hash);
    if (earlier) return earlier;
  }
  if (pre.allow_negative === null) {
    throw new InputError([{ field: 'size', reason: `the catalogue has no ${m.item} in size "${m.size}"` }]);
  }
  for (const dep of depots) {
    if (!pre.depots?.includes(dep))
      throw new InputError([{ field: 'depot', reason: `unknown depot "${dep}"` }]);
  }
  const keys: StockKey[] = [{ depot: m.depot, item: m.item, size: m.size }];
  if (m.type === 'transfer_out' && m.otherDepot)
    keys.push({ depot: m.otherDepot, item: m.item, size: m.size });
  const balances = await lockBalances(trx, ctx, keys);
  let effects: Effect[];
  try {
    effects = effectsOf(m, (k) => balances.get(keyString(k)) ?? EMPTY, { allowNegative: pre.allow_negative });
  } catch (err) {
    if (err instanceof StockRuleError) {
      if (err.code === 'invalid') throw new InputError([{ field: 'qty', reason: err.message }]);
      throw new StockRefusal(err.code, err.message);
    }
    throw err;
  }
  return write(trx, ctx, actor, key, hash, { ...m, effects });
}

/**
 * Locks the balance rows of the given keys (creating missing ones), in a fixed order so two transfers between the
 * same depots in opposite directions cannot deadlock.
 */
async function lockBalances(trx: Trx, ctx: ServiceContext, keys: StockKey[]): Promise<Map<string, Buckets>> {
  const sorted = [...new Map(keys.map((k) => [keyString(k), k])).values()].sort((a, b) =>
    keyString(a) < keyString(b) ? -1 : 1,
  );
  const out = new Map<string, Buckets>();
  for (const k of sorted) {
    // Creates the row if missing and locks it, in one statement: ON CONFLICT DO UPDATE takes the row lock.
    const row = await trx
      .insertInto('balances')
      .values({ depot_id: k.depot, item_id: k.item, size: k.size, updated_at: ctx.now() })
      .onConflict((oc) =>
        oc
          .columns(['depot_id', 'item_id', 'size'])
          .doUpdateSet((eb) => ({ updated_at: eb.ref('balances.updated_at') })),
      )
      .returning(['on_hand', 'reserved', 'in_transit', 'unserviceable'])
      .executeTakeFirstOrThrow();
    out.set(keyString(k), {
      onHand: row.on_hand,
      reserved: row.reserved,
      inTransit: row.in_transit,
      unserviceable: row.unserviceable,
    });
  }
  return out;
}

async function write(
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  hash: string,
  m: MovementRequest & { effects: Effect[]; reverses?: number },
): Promise<PostedMovement> {
  const at = ctx.now();
  const stored: StoredEffect[] = m.effects.map((e) => ({ ...e.key, ...e.delta }));
  const col = <T>(f: (e: StoredEffect) => T) => stored.map(f);
  const after = JSON.stringify({
    key,
    effects: stored,
    person: m.person,
    reason: m.reason,
    document: m.document,
  });
  // The movement, its balance updates and its audit row in one statement: one round trip per post.
  const { rows } = await sql<{ id: number }>`
    with m as (
      insert into movements (key, request_hash, type, depot_id, item_id, size, qty, other_depot_id, person_id,
        condition, reason, document, reverses, effects, actor_id, at)
      values (${key}, ${hash}, ${m.type}, ${m.depot}, ${m.item}, ${m.size}, ${m.qty}, ${m.otherDepot ?? null},
        ${m.person ?? null}, ${m.condition ?? null}, ${m.reason ?? null}, ${m.document ?? null}, ${m.reverses ?? null},
        ${JSON.stringify(stored)}::jsonb, ${actor.userId}, ${at})
      returning id
    ),
    b as (
      update balances set on_hand = balances.on_hand + x.on_hand, reserved = balances.reserved + x.reserved,
        in_transit = balances.in_transit + x.in_transit, unserviceable = balances.unserviceable + x.unserviceable,
        updated_at = ${at}
      from unnest(${col((e) => e.depot)}::text[], ${col((e) => e.item)}::text[], ${col((e) => e.size)}::text[],
        ${col((e) => e.onHand)}::int[], ${col((e) => e.reserved)}::int[], ${col((e) => e.inTransit)}::int[],
        ${col((e) => e.unserviceable)}::int[]) as x(depot, item, size, on_hand, reserved, in_transit, unserviceable)
      where balances.depot_id = x.depot and balances.item_id = x.item and balances.size = x.size
      returning 1
    ),
    a as (
      insert into audit_log (at, actor_id, action, entity, entity_id, after)
      select ${at}, ${actor.userId}, ${m.reverses ? 'stock.reversed' : `stock.${m.type}`}, 'movement', m.id::text,
        ${after}::jsonb
      from m
    )
    select id from m`.execute(trx);
  const row = rows[0]!;
  return {
    id: Number(row.id),
    key,
    type: m.type,
    depot: m.depot,
    item: m.item,
    size: m.size,
    qty: m.qty,
    effects: stored,
    at: at.toISOString(),
    replayed: false,
  };
}

async function findByKey(db: Db | Trx, key: string, hash: string): Promise<PostedMovement | undefined> {
  const row = await db.selectFrom('movements').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== hash)
    throw new ConflictError(`idempotency key "${key}" was already used for a different movement`);
  return {
    id: Number(row.id),
    key,
    type: row.type,
    depot: row.depot_id,
    item: row.item_id,
    size: row.size,
    qty: row.qty,
    effects: row.effects,
    at: new Date(row.at).toISOString(),
    replayed: true,
  };
}

async function allowsNegative(trx: Trx, item: string): Promise<boolean> {
  const row = await trx
    .selectFrom('items')
    .select('allow_negative')
    .where('id', '=', item)
    .executeTakeFirst();
  return row?.allow_negative ?? false;
}

/** Balances recomputed from the ledger alone: what the balances table must always equal. */
export async function balancesFromLedger(ctx: ServiceContext) {
  const rows = await sql<{
    depot: string;
    item: string;
    size: string;
    on_hand: number;
    reserved: number;
    in_transit: number;
    unserviceable: number;
  }>`
    select e->>'depot' as depot, e->>'item' as item, e->>'size' as size,
      sum((e->>'onHand')::int)::int as on_hand, sum((e->>'reserved')::int)::int as reserved,
      sum((e->>'inTransit')::int)::int as in_transit, sum((e->>'unserviceable')::int)::int as unserviceable
    from movements, jsonb_array_elements(effects) as e
    group by 1, 2, 3`.execute(ctx.db);
  return rows.rows;
}

/** Rebuilds the balances table from the ledger (after a restore, or to prove they agree). */
export async function rebuildBalances(ctx: ServiceContext): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('balances').execute();
    const result = await sql`
      insert into balances (depot_id, item_id, size, on_hand, reserved, in_transit, unserviceable, updated_at)
      select e->>'depot', e->>'item', e->>'size',
        sum((e->>'onHand')::int), sum((e->>'reserved')::int), sum((e->>'inTransit')::int),
        sum((e->>'unserviceable')::int), ${ctx.now()}
      from movements, jsonb_array_elements(effects) as e
      group by 1, 2, 3`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}

/**
 * Posts several movements in one transaction (a grid of receipts, a count sheet): all or none. Each movement's key is
 * `<batch key>:<index>`, so a retried batch replays every movement instead of doubling it. A refused movement is
 * reported with its index and nothing is posted.
 */
export async function postBatch(
  ctx: ServiceContext,
  actor: Actor,
  input: { key: string; movements: MovementRequest[] },
): Promise<PostedMovement[]> {
  return ctx.db.transaction().execute((trx) =>
    postManyInTransaction(trx, ctx, actor, {
      ...input,
      audit: { action: 'stock.batch', entityId: input.key },
    }),
  );
}
