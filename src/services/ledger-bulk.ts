import { sql, type Transaction } from 'kysely';
import { hashRequest } from '../db/repositories/idempotency.ts';
import type { Database, StoredEffect } from '../db/schema.ts';
import { ConflictError, InputError } from '../domain/errors.ts';
import {
  add,
  type Buckets,
  EMPTY,
  effectsOf,
  keyString,
  type MovementRequest,
  type StockKey,
  StockRuleError,
} from '../domain/stock/movement.ts';
import type { Actor, ServiceContext } from './context.ts';
import { type PostedMovement, StockRefusal } from './ledger-types.ts';

type Trx = Transaction<Database>;

/**
 * Posts many movements inside the caller's transaction in a fixed number of statements, whatever their count: one
 * look-up of earlier keys, one statement that creates and locks every balance row touched (in key order, so two
 * batches cannot deadlock), the rules applied in memory in the given order, then one insert of all movements, one
 * update of all balances and one audit row for the batch. The same rules as {@link postInTransaction}, at the cost
 * of a few round trips instead of five per movement. A batch whose keys were all posted before is replayed; a
 * batch with some keys posted and others not is refused (it is not the same batch).
 */
export async function postManyInTransaction(
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  batch: { key: string; movements: MovementRequest[]; audit: { action: string; entityId: string } },
): Promise<PostedMovement[]> {
  const keys = batch.movements.map((_, i) => `${batch.key}:${i}`);
  const hashes = batch.movements.map((m) => hashRequest(m));
  if (!keys.length) return [];
  const earlier = await trx
    .selectFrom('movements')
    .selectAll()
    .where('key', 'in', keys)
    .orderBy('id')
    .execute();
  if (earlier.length) {
    const same =
      earlier.length === keys.length &&
      earlier.every((row) => hashes[keys.indexOf(row.key)] === row.request_hash);
    if (!same)
      throw new ConflictError(`idempotency key "${batch.key}" was already used for a different batch`);
    return earlier.map((row) => ({
      id: Number(row.id),
      key: row.key,
      type: row.type,
      depot: row.depot_id,
      item: row.item_id,
      size: row.size,
      qty: row.qty,
      effects: row.effects,
      at: new Date(row.at).toISOString(),
      replayed: true,
    }));
  }

  const touched = new Map<string, StockKey>();
  for (const m of batch.movements) {
    touched.set(keyString(m), { depot: m.depot, item: m.item, size: m.size });
    if (m.type === 'transfer_out' && m.otherDepot) {
      const k = { depot: m.otherDepot, item: m.item, size: m.size };
      touched.set(keyString(k), k);
    }
  }
  const sorted = [...touched.values()].sort((a, b) => (keyString(a) < keyString(b) ? -1 : 1));
  const [variants, depots] = await Promise.all([
    trx
      .selectFrom('item_variants')
      .innerJoin('items', 'items.id', 'item_variants.item_id')
      .select(['item_variants.item_id', 'item_variants.label', 'items.allow_negative'])
      .where('item_variants.item_id', 'in', [...new Set(sorted.map((k) => k.item))])
      .execute(),
    trx.selectFrom('depots').select('id').execute(),
  ]);
  const allowNegative = new Map(variants.map((v) => [`${v.item_id}\u0000${v.label}`, v.allow_negative]));
  const depotIds = new Set(depots.map((d) => d.id));
  const issues = batch.movements.flatMap((m, i) => [
    ...(allowNegative.has(`${m.item}\u0000${m.size}`)
      ? []
      : [
          {
            row: i + 1,
            field: `movements.${i}.size`,
            reason: `the catalogue has no ${m.item} in size "${m.size}"`,
          },
        ]),
    ...[m.depot, ...(m.otherDepot ? [m.otherDepot] : [])]
      .filter((d) => !depotIds.has(d))
      .map((d) => ({ row: i + 1, field: `movements.${i}.depot`, reason: `unknown depot "${d}"` })),
  ]);
  if (issues.length) throw new InputError(issues);

  const now = ctx.now();
  const col = <T, R>(rows: R[], f: (r: R) => T) => rows.map(f);
  const { rows: locked } = await sql<{
    depot_id: string;
    item_id: string;
    size: string;
    on_hand: number;
    reserved: number;
    in_transit: number;
    unserviceable: number;
  }>`
    insert into balances (depot_id, item_id, size, updated_at)
    select t.depot, t.item, t.size, ${now}
    from unnest(${col(sorted, (k) => k.depot)}::text[], ${col(sorted, (k) => k.item)}::text[],
      ${col(sorted, (k) => k.size)}::text[]) with ordinality as t(depot, item, size, n)
    order by t.n
    on conflict (depot_id, item_id, size) do update set updated_at = balances.updated_at
    returning depot_id, item_id, size, on_hand, reserved, in_transit, unserviceable`.execute(trx);
  const balances = new Map<string, Buckets>();
  for (const r of locked) {
    balances.set(keyString({ depot: r.depot_id, item: r.item_id, size: r.size }), {
      onHand: r.on_hand,
      reserved: r.reserved,
      inTransit: r.in_transit,
      unserviceable: r.unserviceable,
    });
  }
  const before = new Map(balances);
  const stored: StoredEffect[][] = [];
  for (const [i, m] of batch.movements.entries()) {
    try {
      const effects = effectsOf(m, (k) => balances.get(keyString(k)) ?? EMPTY, {
        allowNegative: allowNegative.get(`${m.item}\u0000${m.size}`) ?? false,
      });
      for (const e of effects)
        balances.set(keyString(e.key), add(balances.get(keyString(e.key)) ?? EMPTY, e.delta));
      stored.push(effects.map((e) => ({ ...e.key, ...e.delta })));
    } catch (err) {
      if (err instanceof StockRuleError) {
        if (err.code === 'invalid')
          throw new InputError([{ row: i + 1, field: `movements.${i}.qty`, reason: err.message }]);
        throw new StockRefusal(err.code, `movement ${i + 1}: ${err.message}`);
      }
      throw err;
    }
  }

  const ms = batch.movements;
  const { rows: ids } = await sql<{ id: number; key: string }>`
    insert into movements (key, request_hash, type, depot_id, item_id, size, qty, other_depot_id, person_id,
      condition, reason, document, effects, actor_id, at)
    select t.key, t.hash, t.type, t.depot, t.item, t.size, t.qty, t.other, t.person, t.condition, t.reason, t.document,
      t.effects, ${actor.userId}, ${now}
    from unnest(${keys}::text[], ${hashes}::text[], ${col(ms, (m) => m.type)}::text[], ${col(ms, (m) => m.depot)}::text[],
      ${col(ms, (m) => m.item)}::text[], ${col(ms, (m) => m.size)}::text[], ${col(ms, (m) => m.qty)}::int[],
      ${col(ms, (m) => m.otherDepot ?? null)}::text[], ${col(ms, (m) => m.person ?? null)}::text[],
      ${col(ms, (m) => m.condition ?? null)}::text[], ${col(ms, (m) => m.reason ?? null)}::text[],
      ${col(ms, (m) => m.document ?? null)}::text[], ${stored.map((e) => JSON.stringify(e))}::jsonb[])
      with ordinality as t(key, hash, type, depot, item, size, qty, other, person, condition, reason, document, effects, n)
    order by t.n
    returning id, key`.execute(trx);

  const changed = [...balances.entries()].filter(([k, b]) => b !== before.get(k));
  const parts = changed.map(([k]) => k.split('\u0000') as [string, string, string]);
  const deltas = changed.map(([k, b]) => {
    const old = before.get(k) ?? EMPTY;
    return {
      onHand: b.onHand - old.onHand,
      reserved: b.reserved - old.reserved,
      inTransit: b.inTransit - old.inTransit,
      unserviceable: b.unserviceable - old.unserviceable,
    };
  });
  if (changed.length) {
    await sql`
      update balances set on_hand = balances.on_hand + x.on_hand, reserved = balances.reserved + x.reserved,
        in_transit = balances.in_transit + x.in_transit, unserviceable = balances.unserviceable + x.unserviceable,
        updated_at = ${now}
      from unnest(${col(parts, (p) => p[0])}::text[], ${col(parts, (p) => p[1])}::text[], ${col(parts, (p) => p[2])}::text[],
        ${col(deltas, (x) => x.onHand)}::int[], ${col(deltas, (x) => x.reserved)}::int[],
        ${col(deltas, (x) => x.inTransit)}::int[], ${col(deltas, (x) => x.unserviceable)}::int[])
        as x(depot, item, size, on_hand, reserved, in_transit, unserviceable)
      where balances.depot_id = x.depot and balances.item_id = x.item and balances.size = x.size`.execute(
      trx,
    );
  }
  await trx
    .insertInto('audit_log')
    .values({
      at: now,
      actor_id: actor.userId,
      action: batch.audit.action,
      entity: 'movement-batch',
      entity_id: batch.audit.entityId,
      after: JSON.stringify({
        key: batch.key,
        movements: ms.length,
        first: ids[0]?.id,
        last: ids[ids.length - 1]?.id,
      }),
    })
    .execute();
  const idOf = new Map(ids.map((r) => [r.key, Number(r.id)]));
  return ms.map((m, i) => ({
    id: idOf.get(keys[i]!)!,
    key: keys[i]!,
    type: m.type,
    depot: m.depot,
    item: m.item,
    size: m.size,
    qty: m.qty,
    effects: stored[i]!,
    at: now.toISOString(),
    replayed: false,
  }));
}
