import { sql } from 'kysely';
import type { AllocationSummary } from '../db/schema.ts';
import {
  allocatePeople,
  type DemandRow,
  type Explainer,
  explainer,
  type Flow,
  type Person,
  substitutionRulesFor,
  transportFor,
} from '../domain/allocation/index.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { MovementRequest } from '../domain/stock/movement.ts';
import type { Actor, ServiceContext } from './context.ts';
import { postManyInTransaction } from './ledger-bulk.ts';
import { StockRefusal } from './ledger-types.ts';
import { entitlementsByRole } from './planning.ts';
import { resolvedPeoplePages } from './resolution.ts';

/** Leaving a person without an item costs more than any substitution or route, so stock is always used if allowed. */
export const UNMET_COST = 1000;

const UNIT_SEPARATOR = '\u0000';

export interface RunResult {
  id: string;
  intake: string;
  status: string;
  objective: number;
  unmet: number;
  summary: AllocationSummary;
  createdAt: string;
}

/**
 * Runs the allocation for an intake on the stock as it is now: each answered person's preferred size per entitled
 * item (from their answers), the depots' available stock (plus what this intake's accepted run holds reserved, since
 * accepting the new run releases it), substitution rules from the catalogue's size grids and routes from depot to
 * site. Stores the run as proposed; nothing is reserved until it is accepted.
 */
export async function runAllocation(ctx: ServiceContext, actor: Actor, intakeId: string): Promise<RunResult> {
  const intake = await ctx.db.selectFrom('intakes').selectAll().where('id', '=', intakeId).executeTakeFirst();
  if (!intake) throw new NotFoundError('intake', intakeId);
  const [entitlements, items, variants, depots, balances, held, headcount] = await Promise.all([
    entitlementsByRole(ctx, intakeId),
    ctx.db.selectFrom('items').select(['id', 'size_system']).orderBy('sort').execute(),
    ctx.db
      .selectFrom('item_variants')
      .select(['item_id', 'label'])
      .orderBy('item_id')
      .orderBy('sort')
      .execute(),
    ctx.db.selectFrom('depots').select(['id', 'site_id']).orderBy('id').execute(),
    ctx.db.selectFrom('balances').select(['depot_id', 'item_id', 'size', 'on_hand', 'reserved']).execute(),
    acceptedReservations(ctx, intakeId),
    ctx.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('intake_id', '=', intakeId)
      .executeTakeFirstOrThrow(),
  ]);
  const people: Person[] = [];
  let answered = 0;
  // A page of answers at a time: only what the solver needs (site and a size per item) is kept of each person.
  for await (const page of resolvedPeoplePages(ctx, intakeId)) {
    answered += page.length;
    for (const p of page) {
      // What the person is entitled to depends on their role.
      const own = entitlements.of(p.role);
      const maxUnits = Math.max(0, ...own.map((e) => e.qty));
      // Unit 1 holds one of everything the person is entitled to, unit 2 the second shirt, and so on.
      for (let unit = 1; unit <= maxUnits; unit++) {
        const sizes: Record<string, string> = {};
        for (const ent of own) {
          const size = p.preferred[ent.item];
          if (size && ent.qty >= unit) sizes[ent.item] = size;
        }
        if (Object.keys(sizes).length)
          people.push({ id: `${p.person}${UNIT_SEPARATOR}${unit}`, site: p.site, sizes });
      }
    }
  }
  const heldKey = (d: string, i: string, s: string) => `${d}\u0000${i}\u0000${s}`;
  const stock = balances
    .map((b) => ({
      depot: b.depot_id,
      item: b.item_id,
      size: b.size,
      // What the accepted run holds is free for this run, but only as much of it as is still reserved: a count
      // or correction may have released part of it since.
      qty:
        Math.max(0, b.on_hand - b.reserved) +
        Math.min(b.reserved, held.get(heldKey(b.depot_id, b.item_id, b.size)) ?? 0),
    }))
    .filter((s) => s.qty > 0);
  const sites = [...new Set(people.map((p) => p.site))].sort();
  const stockDepots = new Set(stock.map((s) => s.depot));
  const instance = {
    unmetCost: UNMET_COST,
    stock,
    substitutions: items.flatMap((i) =>
      substitutionRulesFor({
        id: i.id,
        sizeSystem: i.size_system,
        sizes: variants.filter((v) => v.item_id === i.id).map((v) => v.label),
      }),
    ),
    transport: transportFor(
      depots.filter((d) => stockDepots.has(d.id)).map((d) => ({ id: d.id, site: d.site_id })),
      sites,
    ),
  };
  const { result, allocations, demand } = allocatePeople({ ...instance, people });
  const explain = explainer({ ...instance, demand: [] }, result.flows);

  const summary = summarise(demand, result.flows, answered, Number(headcount.n));
  const id = ctx.newId();
  const now = ctx.now();
  const siteOf = new Map(depots.map((d) => [d.id, d.site_id]));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('allocation_runs')
      .values({
        id,
        intake_id: intakeId,
        status: 'proposed',
        objective: result.objective,
        unmet: result.unmet,
        summary: JSON.stringify(summary),
        actor_id: actor.userId,
        created_at: now,
      })
      .execute();
    // One row per person, ten thousand people per statement in one JSON document; each person's arrays go in it as
    // array literals, which the database reads faster than JSON arrays.
    const reasonIds = new Map<Reason, number>();
    // While the database stores one chunk, the next is built: on PostgreSQL the two run side by side.
    let storing: Promise<unknown> | undefined;
    for (const chunk of personSets(allocations, siteOf, explain, reasonIds, SETS_PER_INSERT)) {
      await storing;
      storing = sql`
        insert into allocation_sets (run_id, person_id, items, units, preferred, issued, depots, reason_ids)
        select ${id}, t.p, t.i::text[], t.u::int[], t.w::text[], t.s::text[], t.d::text[], t.r::int[]
        from json_to_recordset(${chunk}::json) as t(p text, i text, u text, w text, s text, d text, r text)`.execute(
        trx,
      );
      // Awaited on the next turn or below; handled now, so a failure while the next chunk is built is not unhandled.
      storing.catch(() => {});
    }
    await storing;
    const reasons = [...reasonIds].map(([r, n]) => ({ n, reason: { key: r.key, params: r.params } }));
    if (reasons.length)
      await sql`
        insert into allocation_reasons (run_id, id, reason)
        select ${id}, r.n, r.reason from jsonb_to_recordset(${JSON.stringify(reasons)}::jsonb) as r(n int, reason jsonb)`.execute(
        trx,
      );
  });
  return {
    id,
    intake: intakeId,
    status: 'proposed',
    objective: result.objective,
    unmet: result.unmet,
    summary,
    createdAt: now.toISOString(),
  };
}

/** People per insert statement of a run's allocation sets. */
const SETS_PER_INSERT = 10_000;

type Reason = ReturnType<Explainer['line']>;

/** Labels and ids that need no quotes in an array literal: no space, comma, brace, quote or backslash. */
const BARE = /^[^\s,{}"\\]+$/;

/** A PostgreSQL array literal of text values; an element is quoted when it has to be, so any label survives. */
function textArray(values: readonly (string | null)[]): string {
  let out = '{';
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (k) out += ',';
    if (v === null || v === undefined) out += 'NULL';
    else if (BARE.test(v) && v.toUpperCase() !== 'NULL') out += v;
    else out += `"${v.replace(/["\\]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

/**
 * The run's allocations as one row per person (see migration 012), yielded as JSON documents of `size` people.
 * The units of a person are adjacent (handed out in id order, and the unit separator sorts first); their lines are
 * gathered into parallel arrays as they go by, one unit after another. A line where the person got their own size
 * from their own site's store needs no stored reason (it is built when read); any other line names its reason by
 * number in `reasonIds`, which numbers each distinct reason once (the explainer hands back one object per distinct
 * line).
 */
function* personSets(
  allocations: ReturnType<typeof allocatePeople>['allocations'],
  siteOf: Map<string, string | null>,
  explain: Explainer,
  reasonIds: Map<Reason, number>,
  size: number,
): Generator<string> {
  // A person's lines, column by column, in the order they are handed out (unit by unit); readers that care about
  // order sort by item and unit themselves.
  const items: string[] = [];
  const units: number[] = [];
  const preferred: string[] = [];
  const issued: (string | null)[] = [];
  const depots: (string | null)[] = [];
  const reasons: (number | null)[] = [];
  let batch: string[] = [];
  let current: string | undefined;
  let explained = false;
  let previous = '';
  const flush = () => {
    if (current === undefined) return;
    // Ids arrive in ascending order; a person seen again out of order would be stored twice.
    if (current <= previous && previous !== '')
      throw new Error(`the allocation of ${current} is not contiguous`);
    previous = current;
    batch.push(
      JSON.stringify({
        p: current,
        i: textArray(items),
        u: `{${units.join(',')}}`,
        w: textArray(preferred),
        s: textArray(issued),
        d: textArray(depots),
        r: explained ? `{${reasons.map((r) => r ?? 'NULL').join(',')}}` : null,
      }),
    );
    items.length = units.length = preferred.length = issued.length = depots.length = reasons.length = 0;
    explained = false;
  };
  for (const a of allocations) {
    const cut = a.person.id.indexOf(UNIT_SEPARATOR);
    const person = a.person.id.slice(0, cut);
    if (person !== current) {
      flush();
      if (batch.length >= size) {
        yield `[${batch.join(',')}]`;
        batch = [];
      }
      current = person;
    }
    const unit = Number(a.person.id.slice(cut + 1));
    const site = a.person.site;
    for (const item in a.items) {
      const got = a.items[item] ?? null;
      const wanted = a.person.sizes[item]!;
      let reason: number | null = null;
      // Most people get their own size from their own site's store; only the others need the explainer.
      if (!got || got.issued !== wanted || siteOf.get(got.depot) !== site) {
        const r = explain.line(item, wanted, site, got);
        reason = reasonIds.get(r) ?? reasonIds.size + 1;
        reasonIds.set(r, reason);
        explained = true;
      }
      items.push(item);
      units.push(unit);
      preferred.push(wanted);
      issued.push(got?.issued ?? null);
      depots.push(got?.depot ?? null);
      reasons.push(reason);
    }
  }
  flush();
  if (batch.length) yield `[${batch.join(',')}]`;
}

/**
 * The run's summary from the class-level answer: each class (site, item, preferred size) has its head count and the
 * flows handed out to it, and the hand-out gives every class exactly its flows, so per item the preferred and
 * substituted units, the shortages per class and the reservations per depot and size follow without visiting a
 * million people's lines.
 */
function summarise(
  demand: readonly DemandRow[],
  flows: readonly Flow[],
  answered: number,
  people: number,
): AllocationSummary {
  const items = new Map<string, AllocationSummary['items'][number]>();
  const served = new Map<string, number>();
  const reservations = new Map<string, AllocationSummary['reservations'][number]>();
  const classKey = (item: string, size: string, site: string) => `${item}\u0000${size}\u0000${site}`;
  const itemRow = (item: string) => {
    let row = items.get(item);
    if (!row) {
      row = { item, demand: 0, preferred: 0, substituted: 0, unmet: 0 };
      items.set(item, row);
    }
    return row;
  };
  for (const d of demand) itemRow(d.item).demand += d.count;
  for (const f of flows) {
    const row = itemRow(f.item);
    if (f.issued === f.preferred) row.preferred += f.qty;
    else row.substituted += f.qty;
    const k = classKey(f.item, f.preferred, f.site);
    served.set(k, (served.get(k) ?? 0) + f.qty);
    const r = `${f.depot}\u0000${f.item}\u0000${f.issued}`;
    const res = reservations.get(r) ?? { depot: f.depot, item: f.item, size: f.issued, qty: 0 };
    res.qty += f.qty;
    reservations.set(r, res);
  }
  const shortages: AllocationSummary['shortages'] = [];
  for (const d of demand) {
    const unmet = d.count - (served.get(classKey(d.item, d.size, d.site)) ?? 0);
    if (unmet > 0) shortages.push({ item: d.item, size: d.size, site: d.site, unmet });
  }
  for (const row of items.values()) row.unmet = row.demand - row.preferred - row.substituted;
  const byText = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
  return {
    people,
    answered,
    items: [...items.values()].sort((a, b) => byText(a.item, b.item)),
    shortages: shortages.sort(
      (a, b) => byText(a.item, b.item) || byText(a.size, b.size) || byText(a.site, b.site),
    ),
    reservations: [...reservations.values()]
      .filter((r) => r.qty > 0)
      .sort((a, b) => byText(a.depot, b.depot) || byText(a.item, b.item) || byText(a.size, b.size)),
  };
}

/** What the intake's accepted run holds reserved, per depot × item × size. */
async function acceptedReservations(ctx: ServiceContext, intakeId: string): Promise<Map<string, number>> {
  const run = await ctx.db
    .selectFrom('allocation_runs')
    .select('summary')
    .where('intake_id', '=', intakeId)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
  const out = new Map<string, number>();
  for (const r of run?.summary.reservations ?? []) out.set(`${r.depot}\u0000${r.item}\u0000${r.size}`, r.qty);
  return out;
}

/**
 * Accepts a proposed run: releases what the intake's previously accepted run reserved and reserves what this run
 * hands out, in one transaction, so stock is never counted twice or lost between the two. If stock moved since the
 * run so that it no longer fits, nothing changes and the answer says to run again. Idempotent per key.
 */
export async function acceptRun(
  ctx: ServiceContext,
  actor: Actor,
  runId: string,
  key: string,
): Promise<RunResult> {
  return ctx.db.transaction().execute(async (trx) => {
    // Lock the intake's runs so two acceptances of one intake cannot interleave.
    const run = await trx
      .selectFrom('allocation_runs')
      .selectAll()
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw new NotFoundError('allocation run', runId);
    if (run.status === 'accepted') return toResult(run);
    if (run.status !== 'proposed')
      throw new ConflictError(`allocation run ${runId} was superseded by a later run`);
    const previous = await trx
      .selectFrom('allocation_runs')
      .selectAll()
      .where('intake_id', '=', run.intake_id)
      .where('status', '=', 'accepted')
      .forUpdate()
      .executeTakeFirst();
    const document = `allocation:${runId}`;
    // Release what the previous run still holds: a count may have released part of its reservations already.
    const stillReserved = new Map<string, number>();
    if (previous?.summary.reservations.length) {
      const rows = await trx
        .selectFrom('balances')
        .select(['depot_id', 'item_id', 'size', 'reserved'])
        .where('depot_id', 'in', [...new Set(previous.summary.reservations.map((r) => r.depot))])
        .orderBy('depot_id')
        .orderBy('item_id')
        .orderBy('size')
        .forUpdate()
        .execute();
      for (const r of rows) stillReserved.set(`${r.depot_id}\u0000${r.item_id}\u0000${r.size}`, r.reserved);
    }
    const movements: MovementRequest[] = [
      ...(previous?.summary.reservations ?? [])
        .map((r) => ({
          type: 'release' as const,
          ...r,
          qty: Math.min(r.qty, stillReserved.get(`${r.depot}\u0000${r.item}\u0000${r.size}`) ?? 0),
          document,
          reason: `superseded by allocation run ${runId}`,
        }))
        .filter((m) => m.qty > 0),
      ...run.summary.reservations.map((r) => ({
        type: 'reserve' as const,
        ...r,
        document,
        reason: `allocation for intake ${run.intake_id}`,
      })),
    ];
    try {
      await postManyInTransaction(trx, ctx, actor, {
        key: `accept:${runId}:${key}`,
        movements,
        audit: { action: 'allocation.accepted', entityId: runId },
      });
    } catch (err) {
      if (err instanceof StockRefusal) {
        throw new StockRefusal(
          err.rule,
          `stock has moved since this run (${err.message}): run the allocation again`,
        );
      }
      throw err;
    }
    if (previous)
      await trx
        .updateTable('allocation_runs')
        .set({ status: 'superseded' })
        .where('id', '=', previous.id)
        .execute();
    await trx
      .updateTable('allocation_runs')
      .set({ status: 'superseded' })
      .where('intake_id', '=', run.intake_id)
      .where('status', '=', 'proposed')
      .where('id', '<>', runId)
      .execute();
    const accepted = await trx
      .updateTable('allocation_runs')
      .set({ status: 'accepted', accepted_at: ctx.now() })
      .where('id', '=', runId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toResult(accepted);
  });
}

function toResult(run: {
  id: string;
  intake_id: string;
  status: string;
  objective: number;
  unmet: number;
  summary: AllocationSummary;
  created_at: Date | string;
}): RunResult {
  return {
    id: run.id,
    intake: run.intake_id,
    status: run.status,
    objective: Number(run.objective),
    unmet: run.unmet,
    summary: run.summary,
    createdAt: new Date(run.created_at).toISOString(),
  };
}

export async function getRun(ctx: ServiceContext, runId: string): Promise<RunResult> {
  const run = await ctx.db
    .selectFrom('allocation_runs')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) throw new NotFoundError('allocation run', runId);
  return toResult(run);
}

export async function listRuns(ctx: ServiceContext, intakeId: string) {
  const runs = await ctx.db
    .selectFrom('allocation_runs')
    .selectAll()
    .where('intake_id', '=', intakeId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return runs.map(toResult);
}

/** Each person's outcome in a run, paged, with names for display; optionally only those left without or substituted. */
export async function runPeople(
  ctx: ServiceContext,
  runId: string,
  q: { limit: number; offset: number; only?: 'unmet' | 'substituted'; person?: string },
) {
  let base = ctx.db
    .selectFrom('allocations')
    .innerJoin('people', 'people.id', 'allocations.person_id')
    .where('allocations.run_id', '=', runId);
  if (q.only === 'unmet') base = base.where('allocations.issued', 'is', null);
  if (q.only === 'substituted')
    base = base.where((eb) => eb('allocations.issued', '<>', eb.ref('allocations.preferred')));
  if (q.person) base = base.where('allocations.person_id', '=', q.person);
  const rows = await base
    .select([
      'allocations.person_id as person',
      'people.name',
      'people.name_latin',
      'people.site_id as site',
      'allocations.item_id as item',
      'allocations.unit',
      'allocations.preferred',
      'allocations.issued',
      'allocations.depot_id as depot',
      sql<{
        key: string;
        params: Record<string, string | number>;
      }>`coalesce(allocations.reason, jsonb_build_object(
        'key', 'reason.preferred',
        'params', jsonb_build_object('item', allocations.item_id, 'preferred', allocations.preferred,
          'issued', allocations.issued, 'depot', allocations.depot_id, 'site', people.site_id, 'cost', 0)))`.as(
        'reason',
      ),
    ])
    .orderBy('allocations.person_id')
    .orderBy('allocations.item_id')
    .orderBy('allocations.unit')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { total: Number(n), rows };
}

/** What changed for people between two runs of one intake: each person-item whose size or depot differs. */
export async function diffRuns(ctx: ServiceContext, fromRun: string, toRun: string, limit = 500) {
  const { rows } = await sql<{
    person: string;
    item: string;
    unit: number;
    before_issued: string | null;
    before_depot: string | null;
    after_issued: string | null;
    after_depot: string | null;
  }>`
    select coalesce(a.person_id, b.person_id) as person, coalesce(a.item_id, b.item_id) as item,
      coalesce(a.unit, b.unit) as unit, a.issued as before_issued, a.depot_id as before_depot,
      b.issued as after_issued, b.depot_id as after_depot
    from (select * from allocations where run_id = ${fromRun}) a
    full join (select * from allocations where run_id = ${toRun}) b
      on a.person_id = b.person_id and a.item_id = b.item_id and a.unit = b.unit
    where a.issued is distinct from b.issued or a.depot_id is distinct from b.depot_id
    order by 1, 2, 3
    limit ${limit}`.execute(ctx.db);
  return rows;
}
