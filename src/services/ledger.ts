import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../db/repositories/audit.ts';
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

export interface PostedMovement {
  id: number;
  key: string;
  type: string;
  depot: string;
  item: string;
  size: string;
  qty: number;
  effects: StoredEffect[];
  at: string;
  /** True when this key was posted before and the earlier result is returned unchanged. */
  replayed: boolean;
}

/** A movement refused by the ledger's rules (409), e.g. out of stock. Carries the rule's code. */
export class StockRefusal extends ConflictError {
  constructor(
    readonly rule: StockRuleError['code'],
    message: string,
  ) {
    super(message);
  }
}

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
  const { key, ...request } = input;
  const hash = hashRequest(request);
  const earlier = await findByKey(ctx, key, hash);
  if (earlier) return earlier;
  try {
    return await ctx.db.transaction().execute((trx) => postIn(trx, ctx, actor, key, hash, request));
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      const winner = await findByKey(ctx, key, hash);
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
  const earlier = await findByKey(ctx, input.key, hash);
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

async function postIn(
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  hash: string,
  m: MovementRequest,
): Promise<PostedMovement> {
  const variant = await trx
    .selectFrom('item_variants')
    .innerJoin('items', 'items.id', 'item_variants.item_id')
    .select(['items.allow_negative'])
    .where('item_variants.item_id', '=', m.item)
    .where('item_variants.label', '=', m.size)
    .executeTakeFirst();
  if (!variant)
    throw new InputError([{ field: 'size', reason: `the catalogue has no ${m.item} in size "${m.size}"` }]);
  const depots = [m.depot, ...(m.otherDepot ? [m.otherDepot] : [])];
  const known = await trx.selectFrom('depots').select('id').where('id', 'in', depots).execute();
  for (const dep of depots) {
    if (!known.some((k) => k.id === dep))
      throw new InputError([{ field: 'depot', reason: `unknown depot "${dep}"` }]);
  }
  const keys: StockKey[] = [{ depot: m.depot, item: m.item, size: m.size }];
  if (m.type === 'transfer_out' && m.otherDepot)
    keys.push({ depot: m.otherDepot, item: m.item, size: m.size });
  const balances = await lockBalances(trx, ctx, keys);
  let effects: Effect[];
  try {
    effects = effectsOf(m, (k) => balances.get(keyString(k)) ?? EMPTY, {
      allowNegative: variant.allow_negative,
    });
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
    await trx
      .insertInto('balances')
      .values({ depot_id: k.depot, item_id: k.item, size: k.size, updated_at: ctx.now() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const row = await trx
      .selectFrom('balances')
      .selectAll()
      .where('depot_id', '=', k.depot)
      .where('item_id', '=', k.item)
      .where('size', '=', k.size)
      .forUpdate()
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
  const row = await trx
    .insertInto('movements')
    .values({
      key,
      request_hash: hash,
      type: m.type,
      depot_id: m.depot,
      item_id: m.item,
      size: m.size,
      qty: m.qty,
      other_depot_id: m.otherDepot ?? null,
      person_id: m.person ?? null,
      condition: m.condition ?? null,
      reason: m.reason ?? null,
      document: m.document ?? null,
      reverses: m.reverses ?? null,
      effects: JSON.stringify(stored),
      actor_id: actor.userId,
      at,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  for (const e of m.effects) {
    await trx
      .updateTable('balances')
      .set((eb) => ({
        on_hand: eb('on_hand', '+', e.delta.onHand),
        reserved: eb('reserved', '+', e.delta.reserved),
        in_transit: eb('in_transit', '+', e.delta.inTransit),
        unserviceable: eb('unserviceable', '+', e.delta.unserviceable),
        updated_at: at,
      }))
      .where('depot_id', '=', e.key.depot)
      .where('item_id', '=', e.key.item)
      .where('size', '=', e.key.size)
      .execute();
  }
  await appendAudit(trx, {
    at,
    actorId: actor.userId,
    action: m.reverses ? 'stock.reversed' : `stock.${m.type}`,
    entity: 'movement',
    entityId: String(row.id),
    after: { key, effects: stored, person: m.person, reason: m.reason, document: m.document },
  });
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

async function findByKey(
  ctx: ServiceContext,
  key: string,
  hash: string,
): Promise<PostedMovement | undefined> {
  const row = await ctx.db.selectFrom('movements').selectAll().where('key', '=', key).executeTakeFirst();
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
