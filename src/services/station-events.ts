import { sql, type Transaction } from 'kysely';
import { hashRequest } from '../db/repositories/idempotency.ts';
import type { Database } from '../db/schema.ts';
import {
  alternativesFor,
  type EventOutcome,
  eventBody,
  heldQty,
  holdingsOf,
  type KitLine,
  type RefusalCode,
  type StationEvent,
} from '../domain/stations/index.ts';
import type { Actor, ServiceContext } from './context.ts';
import { postInTransaction, StockRefusal } from './ledger.ts';
import { stationOrThrow } from './queue.ts';

type Trx = Transaction<Database>;

/** A refusal by the station rules; stored like an outcome so that a replay of the event is answered the same. */
class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly suggestion?: { size: string; available: number },
  ) {
    super(message);
  }
}

/**
 * Applies a station's events in the order sent, each once by its id and each in its own transaction: the ledger
 * movements (keys `station:<event id>:<n>`), the kit event and the stored station event commit together or not
 * at all. A replay of an id with the same body answers `duplicate` with the first outcome; the same id with another
 * body is refused `id_reused`. Out of stock is refused with the next best size in stock as a suggestion; the
 * refusal is stored too, so the answer to a replay never changes even after stock arrives.
 */
export async function applyStationEvents(
  ctx: ServiceContext,
  actor: Actor,
  stationId: string,
  events: readonly StationEvent[],
): Promise<EventOutcome[]> {
  const station = await stationOrThrow(ctx, stationId);
  const out: EventOutcome[] = [];
  for (const e of events)
    out.push(await applyOne(ctx, actor, { id: station.id, depot: station.depot_id }, e));
  return out;
}

async function applyOne(
  ctx: ServiceContext,
  actor: Actor,
  station: { id: string; depot: string },
  e: StationEvent,
): Promise<EventOutcome> {
  const body = eventBody(e);
  const hash = hashRequest(body);
  const earlier = await storedOutcome(ctx, e.id, hash);
  if (earlier) return earlier;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const kit = await apply(trx, ctx, actor, station, e);
      const outcome: EventOutcome = { id: e.id, status: 'applied' };
      const at = ctx.now();
      const after = JSON.stringify({ station: station.id, ...body, movements: kit.movementIds });
      // The kit event, the stored station event and the audit row in one statement: one round trip.
      await sql`
        with k as (
          insert into kit_events (person_id, item_id, size, qty, kind, from_size, condition, movement_ids,
            station_id, depot_id, event_id, actor_id, at)
          values (${e.personId}, ${e.item}, ${kit.size}, 1, ${e.kind}, ${kit.fromSize}, ${e.condition ?? null},
            ${kit.movementIds}::bigint[], ${station.id}, ${station.depot}, ${e.id}, ${actor.userId}, ${at})
        ),
        s as (
          insert into station_events (id, station_id, kind, person_id, body, request_hash, client_time,
            received_at, actor_id, outcome)
          values (${e.id}, ${station.id}, ${e.kind}, ${e.personId}, ${JSON.stringify(body)}::jsonb, ${hash},
            ${e.clientTime}, ${at}, ${actor.userId}, ${JSON.stringify(outcome)}::jsonb)
        )
        insert into audit_log (at, actor_id, action, entity, entity_id, after)
        values (${at}, ${actor.userId}, ${`station.${e.kind}`}, 'station_event', ${e.id}, ${after}::jsonb)`.execute(
        trx,
      );
      return outcome;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return (await storedOutcome(ctx, e.id, hash)) ?? Promise.reject(err);
    let refusal: Refusal;
    if (err instanceof Refusal) refusal = err;
    else if (err instanceof StockRefusal && err.rule === 'out_of_stock') {
      const size = e.kind === 'exchange' ? e.toSize! : e.size;
      refusal = new Refusal('out_of_stock', err.message, await suggestion(ctx, station.depot, e.item, size));
    } else if (err instanceof StockRefusal) refusal = new Refusal('invalid', err.message);
    else throw err;
    const outcome: EventOutcome = {
      id: e.id,
      status: 'refused',
      code: refusal.code,
      message: refusal.message,
      ...(refusal.suggestion ? { suggestion: refusal.suggestion } : {}),
    };
    try {
      await ctx.db.transaction().execute((trx) => store(trx, ctx, actor, station.id, e, body, hash, outcome));
    } catch (storeErr) {
      if (isUniqueViolation(storeErr)) return (await storedOutcome(ctx, e.id, hash)) ?? outcome;
      throw storeErr;
    }
    return outcome;
  }
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

async function storedOutcome(
  ctx: ServiceContext,
  id: string,
  hash: string,
): Promise<EventOutcome | undefined> {
  const row = await ctx.db
    .selectFrom('station_events')
    .select(['request_hash', 'outcome'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== hash)
    return {
      id,
      status: 'refused',
      code: 'id_reused',
      message: `event id ${id} was already used for a different event`,
    };
  const first = row.outcome as unknown as EventOutcome;
  return { ...first, status: 'duplicate', id };
}

async function store(
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  stationId: string,
  e: StationEvent,
  body: Record<string, unknown>,
  hash: string,
  outcome: EventOutcome,
) {
  await trx
    .insertInto('station_events')
    .values({
      id: e.id,
      station_id: stationId,
      kind: e.kind,
      person_id: e.personId,
      body: JSON.stringify(body),
      request_hash: hash,
      client_time: e.clientTime,
      received_at: ctx.now(),
      actor_id: actor.userId,
      outcome: JSON.stringify(outcome),
    })
    .execute();
}

/** Posts the event's movements; returns them with the kit event's sizes. Throws to refuse. */
async function apply(
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  station: { id: string; depot: string },
  e: StationEvent,
): Promise<{ movementIds: number[]; size: string; fromSize: string | null }> {
  const wanted = e.kind === 'exchange' ? e.toSize! : e.size;
  const { rows } = await sql<{
    person: string | null;
    sizes: string[] | null;
    kit: KitLine[] | null;
    reserved: number;
  }>`
    select
      (select id from people where id = ${e.personId}) as person,
      -- What is still reserved for the person here: allocated by the accepted run, less issued out of it.
      ((select count(*) from allocations a join allocation_runs r on r.id = a.run_id and r.status = 'accepted'
          where a.person_id = ${e.personId} and a.item_id = ${e.item} and a.issued = ${wanted}
            and a.depot_id = ${station.depot})
        - (select count(*) from movements m where m.person_id = ${e.personId} and m.type = 'issue'
          and m.depot_id = ${station.depot} and m.item_id = ${e.item} and m.size = ${wanted}
          and (m.effects->0->>'reserved')::int < 0))::int as reserved,
      (select array_agg(label) from item_variants where item_id = ${e.item}
        and label = any(${[e.size, e.toSize ?? e.size]}::text[])) as sizes,
      (select json_agg(json_build_object('kind', kind, 'item', item_id, 'size', size, 'fromSize', from_size,
        'qty', qty) order by id) from kit_events where person_id = ${e.personId} and item_id = ${e.item}) as kit`.execute(
    trx,
  );
  const pre = rows[0]!;
  if (!pre.person) throw new Refusal('not_found', `no person has the id ${e.personId}`);
  for (const size of [e.size, ...(e.toSize ? [e.toSize] : [])])
    if (!pre.sizes?.includes(size))
      throw new Refusal('not_found', `the catalogue has no ${e.item} in size "${size}"`);
  if (e.kind !== 'issue' && heldQty(holdingsOf(pre.kit ?? []), e.item, e.size) < 1)
    throw new Refusal('not_issued', `${e.personId} holds no ${e.item} in size ${e.size}`);

  let n = 0;
  const key = () => `station:${e.id}:${n++}`;
  const base = { depot: station.depot, item: e.item, qty: 1, person: e.personId };
  const ids: number[] = [];
  const issue = async (size: string) => {
    const fromReserved = pre.reserved > 0;
    const input = { ...base, type: 'issue' as const, size, document: `station:${station.id}` };
    try {
      return await postInTransaction(trx, ctx, actor, { ...input, fromReserved, key: key() });
    } catch (err) {
      // The reservation was released since (a count, a new allocation): issue from free stock instead.
      if (fromReserved && err instanceof StockRefusal && err.rule === 'not_reserved')
        return postInTransaction(trx, ctx, actor, { ...input, key: key() });
      throw err;
    }
  };
  let size = e.size;
  let fromSize: string | null = null;
  switch (e.kind) {
    case 'issue':
      ids.push((await issue(e.size)).id);
      break;
    case 'exchange': {
      const back = await postInTransaction(trx, ctx, actor, {
        ...base,
        type: 'return',
        size: e.size,
        condition: 'A',
        reason: `exchanged for ${e.toSize}`,
        document: `station:${station.id}`,
        key: key(),
      });
      ids.push(back.id, (await issue(e.toSize!)).id);
      size = e.toSize!;
      fromSize = e.size;
      break;
    }
    case 'return': {
      const back = await postInTransaction(trx, ctx, actor, {
        ...base,
        type: 'return',
        size: e.size,
        condition: e.condition!,
        document: `station:${station.id}`,
        key: key(),
      });
      ids.push(back.id);
      break;
    }
    case 'loss':
      break;
  }
  return { movementIds: ids, size, fromSize };
}

/** The best other size of the item in stock at the depot, by the substitution rules, for an out-of-stock refusal. */
async function suggestion(ctx: ServiceContext, depot: string, item: string, size: string) {
  const [grid, stock] = await Promise.all([
    ctx.db
      .selectFrom('items')
      .select(['id', 'size_system'])
      .select(
        sql<string[]>`(select array_agg(label order by sort) from item_variants where item_id = items.id)`.as(
          'sizes',
        ),
      )
      .where('id', '=', item)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('balances')
      .select(['size', 'on_hand', 'reserved'])
      .where('depot_id', '=', depot)
      .where('item_id', '=', item)
      .execute(),
  ]);
  if (!grid) return undefined;
  const free = new Map(stock.map((s) => [s.size, s.on_hand - s.reserved]));
  const best = alternativesFor(
    { id: grid.id, sizeSystem: grid.size_system, sizes: grid.sizes ?? [] },
    size,
    (s) => free.get(s) ?? 0,
    1,
  )[0];
  return best ? { size: best.size, available: best.available } : undefined;
}

/**
 * The check that the ledger and the kit records agree: every issue or return movement of a person belongs to
 * exactly one kit event and every movement a kit event names exists with that person. Returns the disagreements.
 */
export async function kitLedgerDisagreements(ctx: ServiceContext) {
  const { rows } = await sql<{ problem: string; id: string }>`
    select 'movement without kit event' as problem, m.id::text as id from movements m
      where m.person_id is not null and m.type in ('issue', 'return')
        and not exists (select 1 from kit_events k where m.id = any(k.movement_ids))
    union all
    select 'kit event names a missing movement', k.id::text from kit_events k, unnest(k.movement_ids) as mid
      where not exists (select 1 from movements m where m.id = mid and m.person_id = k.person_id)
    union all
    select 'movement in two kit events', mid::text from kit_events k, unnest(k.movement_ids) as mid
      group by mid having count(*) > 1
    limit 100`.execute(ctx.db);
  return rows;
}
