import { type RawBuilder, sql } from 'kysely';
import { NotFoundError } from '../../domain/errors.ts';
import { checkedTimeZone } from '../../domain/time-zone.ts';
import type { ServiceContext } from '../context.ts';
import { entitlementsFor } from '../planning.ts';

/**
 * What every report reads first about an intake: that it exists, its entitlements (per person and item) and the
 * allocation run whose figures count — the latest accepted or proposed one.
 */
export interface IntakeBasis {
  intake: { id: string; name: string; siteId: string; startDate: string; tariff: string; status: string };
  people: number;
  entitlements: { item: string; qty: number }[];
  /** The latest run that is accepted or proposed (a proposal after an accepted run is the newer view). */
  run: { id: string; status: string; createdAt: string } | null;
  /** The accepted run, whose reservations are in the ledger. */
  acceptedRun: string | null;
  /** Whether the kit record exists (migration 007); without it no loss was ever recorded. */
  kitEvents: boolean;
}

export async function intakeBasis(ctx: ServiceContext, intakeId: string): Promise<IntakeBasis> {
  const [intake, people, entitlements, runs, kitEvents] = await Promise.all([
    ctx.db.selectFrom('intakes').selectAll().where('id', '=', intakeId).executeTakeFirst(),
    ctx.db
      .selectFrom('people')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('intake_id', '=', intakeId)
      .executeTakeFirstOrThrow(),
    entitlementsFor(ctx, intakeId),
    ctx.db
      .selectFrom('allocation_runs')
      .select(['id', 'status', 'created_at'])
      .where('intake_id', '=', intakeId)
      .where('status', 'in', ['accepted', 'proposed'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    tableExists(ctx, 'kit_events'),
  ]);
  if (!intake) throw new NotFoundError('intake', intakeId);
  const latest = runs[0];
  return {
    intake: {
      id: intake.id,
      name: intake.name,
      siteId: intake.site_id,
      startDate: String(intake.start_date),
      tariff: intake.tariff,
      status: intake.status,
    },
    people: Number(people.n),
    entitlements: entitlements.filter((e) => e.qty > 0),
    run: latest
      ? { id: latest.id, status: latest.status, createdAt: new Date(latest.created_at).toISOString() }
      : null,
    acceptedRun: runs.find((r) => r.status === 'accepted')?.id ?? null,
    kitEvents,
  };
}

/**
 * The kit movements of an intake's people: issues and returns with a person, leaving out every movement that was
 * reversed and every reversal (a reversal carries no person, so the pair drops out together). Reversals are few, so
 * the reversed ids are one hashed set rather than a probe per movement. Columns:
 * person_id, item_id, size, depot_id, type, qty (positive), at, id.
 */
export function kitMovements(intakeId: string): RawBuilder<unknown> {
  return sql`(
    select m.id, m.person_id, m.item_id, m.size, m.depot_id, m.type, m.qty, m.at
    from movements m join people p on p.id = m.person_id
    where p.intake_id = ${intakeId} and m.person_id is not null and m.type in ('issue', 'return')
      and m.reverses is null
      and m.id not in (select r.reverses from movements r where r.reverses is not null))`;
}

/**
 * The losses of an intake's people, from the kit record: a loss posts no movement (the item was already out of
 * stock), so only its kit event says the person no longer holds it. Empty when the kit record does not exist
 * (`kitEvents` false: a database from before migration 007). Columns: id, person_id, item_id, size, station_id,
 * depot_id (the station's depot, where the loss was reported), qty, at.
 */
export function kitLosses(intakeId: string, kitEvents: boolean): RawBuilder<unknown> {
  if (!kitEvents)
    return sql`(select null::bigint as id, null::text as person_id, null::text as item_id, null::text as size,
      null::text as station_id, null::text as depot_id, null::int as qty, null::timestamptz as at where false)`;
  return sql`(
    select k.id, k.person_id, k.item_id, k.size, k.station_id, k.depot_id, k.qty, k.at
    from kit_events k join people p on p.id = k.person_id
    where p.intake_id = ${intakeId} and k.kind = 'loss')`;
}

/**
 * What each person holds per item, as their kit record has it: the kit movements of {@link kitMovements} summed
 * per person × item straight off the index in one pass, less the losses of {@link kitLosses} (few, so grouped
 * apart and joined once). held = issued − returned − lost. A person × item with losses and no counted movement
 * (its issue reversed in the ledger afterwards) is kept, held below zero: the disagreement shows, not hidden.
 * Columns: person_id, item_id, held, issued, returned, lost, first_issue, last_issue (null without an issue).
 */
export function kitHeld(basis: Pick<IntakeBasis, 'intake' | 'kitEvents'>): RawBuilder<unknown> {
  const intakeId = basis.intake.id;
  return sql`(
    select person_id, item_id, (coalesce(m.issued, 0) - coalesce(m.returned, 0) - coalesce(l.lost, 0))::int as held,
      coalesce(m.issued, 0)::int as issued, coalesce(m.returned, 0)::int as returned,
      coalesce(l.lost, 0)::int as lost, m.first_issue, m.last_issue
    from (
      select km.person_id, km.item_id,
        coalesce(sum(km.qty) filter (where km.type = 'issue'), 0) as issued,
        coalesce(sum(km.qty) filter (where km.type = 'return'), 0) as returned,
        min(km.at) filter (where km.type = 'issue') as first_issue,
        max(km.at) filter (where km.type = 'issue') as last_issue
      from ${kitMovements(intakeId)} km group by km.person_id, km.item_id) m
    full join (
      select kl.person_id, kl.item_id, sum(kl.qty) as lost
      from ${kitLosses(intakeId, basis.kitEvents)} kl group by kl.person_id, kl.item_id) l
    using (person_id, item_id))`;
}

const LINE_ARRAYS = {
  item_id: 'items',
  unit: 'units',
  preferred: 'preferred',
  issued: 'issued',
  depot_id: 'depots',
} as const;

/**
 * A run's allocation lines straight from `allocation_sets` (migration 012), unnesting only the arrays asked for:
 * the view `allocations` unnests every array and joins the reasons, which a report summing a whole run does not
 * need. Columns: person_id and the ones asked for, named as in the view.
 */
export function allocationLines(
  runId: string,
  columns: readonly (keyof typeof LINE_ARRAYS)[],
): RawBuilder<unknown> {
  const arrays = sql.join(columns.map((c) => sql.ref(`s.${LINE_ARRAYS[c]}`)));
  const names = sql.join(columns.map((c) => sql.ref(c)));
  return sql`(select s.person_id, l.* from allocation_sets s cross join lateral unnest(${arrays}) as l(${names})
    where s.run_id = ${runId})`;
}

/** The people of a run each of whose lines found a unit (nothing left without). Column: person_id. */
export function fullyAllocated(runId: string): RawBuilder<unknown> {
  return sql`(select person_id from allocation_sets where run_id = ${runId}
    and array_position(issued, null) is null)`;
}

/** Entitlements as a relation `e(item, qty)` for a FROM or JOIN clause. */
export function entitlementRelation(entitlements: { item: string; qty: number }[]): RawBuilder<unknown> {
  return sql`unnest(${entitlements.map((e) => e.item)}::text[], ${entitlements.map(
    (e) => e.qty,
  )}::int[]) as e(item, qty)`;
}

/** A time zone name for a report's buckets, or an input error naming `tz`. */
export function checkTimeZone(tz: string): string {
  return checkedTimeZone(tz, 'tz');
}

/** Whether a table exists (the stations tables arrive with migration 007; reports work without them). */
export async function tableExists(ctx: ServiceContext, name: string): Promise<boolean> {
  const { rows } = await sql<{ t: string | null }>`select to_regclass(${name})::text as t`.execute(ctx.db);
  return rows[0]?.t != null;
}

export const n = (v: unknown): number => Number(v ?? 0);
