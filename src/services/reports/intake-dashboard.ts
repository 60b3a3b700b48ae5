import { sql } from 'kysely';
import { InputError } from '../../domain/errors.ts';
import { FUNNEL, type FunnelStep } from '../../domain/reports/figures.ts';
import type { ServiceContext } from '../context.ts';
import {
  checkTimeZone,
  entitlementRelation,
  fullyAllocated,
  type IntakeBasis,
  intakeBasis,
  kitHeld,
  n,
  tableExists,
} from './common.ts';

export type Bucket = 'day' | 'hour';

export { FUNNEL, type FunnelStep };

export interface IntakeDashboard {
  intake: IntakeBasis['intake'];
  people: number;
  run: IntakeBasis['run'];
  acceptedRun: string | null;
  /**
   * People per step: answered (at least one questionnaire), resolved (sizes read from the answers in the latest
   * run), allocated (every unit found in the accepted run), issued (received anything, net of reversals), fully
   * kitted (holds at least the entitlement of every item, losses taken off).
   */
  funnel: Record<FunnelStep, number>;
  /**
   * Units: entitled = people × entitlements; issued and returned from the ledger; lost from the kit record (a loss
   * moves no stock); held = issued − returned − lost.
   */
  units: { entitled: number; issued: number; returned: number; lost: number; held: number };
  /** New people per step per time bucket (in the asked time zone); summed, they give the funnel (allocated aside). */
  series: {
    bucket: Bucket;
    timeZone: string;
    points: { at: string; answered: number; resolved: number; issued: number; fullyKitted: number }[];
  };
  /** People checked in and waiting now; null when there is no queue (stations not installed). */
  waiting: number | null;
  /** Per station: people served, served in the last hour, units issued. Empty without stations. */
  stations: { id: string; name: string; served: number; servedLastHour: number; unitsIssued: number }[];
  /** Units still to find per item × size in the latest run (summed over sites). */
  shortages: { item: string; size: string; unmet: number }[];
}

/** The intake dashboard: a handful of aggregate queries over submissions, allocations and the kit movements. */
export async function intakeDashboard(
  ctx: ServiceContext,
  intakeId: string,
  opts: { bucket?: Bucket; timeZone?: string } = {},
): Promise<IntakeDashboard> {
  const bucket = opts.bucket ?? 'day';
  if (bucket !== 'day' && bucket !== 'hour')
    throw new InputError([{ field: 'bucket', reason: `"${bucket}" is not day or hour` }]);
  const tz = checkTimeZone(opts.timeZone ?? 'UTC');
  const basis = await intakeBasis(ctx, intakeId);
  const ent = entitlementRelation(basis.entitlements);
  const runId = basis.run?.id ?? '';
  const acceptedId = basis.acceptedRun ?? '';

  // One statement, so the intake's kit movements are read once (a CTE used more than once is materialised).
  const figuresQuery = sql<{
    series: { b: string; answered: number; resolved: number; issued: number; kitted: number }[] | null;
    issued: number;
    returned: number;
    lost: number;
    allocated: number;
  }>`
    with first_answer as (
      select person_id, min(least(client_time, server_time)) as at
      from submissions where intake_id = ${intakeId} group by person_id),
    held as ${kitHeld(basis)},
    person_issue as (
      select person_id, min(first_issue) as first_issue, max(last_issue) as last_issue
      from held where first_issue is not null group by person_id),
    kitted as (
      select h.person_id from held h join ${ent} on e.item = h.item_id
      where h.held >= e.qty group by h.person_id having count(*) = ${basis.entitlements.length}),
    resolved as (select person_id from allocation_sets where run_id = ${runId}),
    events as (
      select 'a' as kind, at from first_answer
      union all select 'r', fa.at from first_answer fa join resolved using (person_id)
      union all select 'i', first_issue from person_issue
      union all select 'k', pi.last_issue from person_issue pi join kitted using (person_id)),
    series as (
      select to_char(date_trunc(${bucket}, at at time zone ${tz}), 'YYYY-MM-DD"T"HH24:MI') as b,
        count(*) filter (where kind = 'a')::int as answered, count(*) filter (where kind = 'r')::int as resolved,
        count(*) filter (where kind = 'i')::int as issued, count(*) filter (where kind = 'k')::int as kitted
      from events group by 1)
    select
      (select json_agg(s order by s.b) from series s) as series,
      (select coalesce(sum(issued), 0)::int from held) as issued,
      (select coalesce(sum(returned), 0)::int from held) as returned,
      (select coalesce(sum(lost), 0)::int from held) as lost,
      (select count(*)::int from ${fullyAllocated(acceptedId)} a) as allocated`;

  const [figures, shortages, queue] = await Promise.all([
    figuresQuery.execute(ctx.db).catch((err: { code?: string }) => {
      // The pattern check lets through names PostgreSQL does not know (e.g. Mars/Olympus).
      if (err.code === '22023') throw new InputError([{ field: 'tz', reason: `unknown time zone "${tz}"` }]);
      throw err;
    }),
    runId
      ? sql<{ item: string; size: string; unmet: number }>`
          select s->>'item' as item, s->>'size' as size, sum((s->>'unmet')::int)::int as unmet
          from allocation_runs r, jsonb_array_elements(r.summary->'shortages') s
          where r.id = ${runId} group by 1, 2`.execute(ctx.db)
      : Promise.resolve({ rows: [] }),
    queueFigures(ctx, intakeId, basis.kitEvents),
  ]);
  const u = figures.rows[0]!;
  const points = (u.series ?? []).map((r) => ({
    at: r.b,
    answered: n(r.answered),
    resolved: n(r.resolved),
    issued: n(r.issued),
    fullyKitted: n(r.kitted),
  }));
  const sum = (k: keyof (typeof points)[number]) => points.reduce((s, p) => s + (p[k] as number), 0);
  const itemOrder = new Map(basis.entitlements.map((e, i) => [e.item, i]));
  return {
    intake: basis.intake,
    people: basis.people,
    run: basis.run,
    acceptedRun: basis.acceptedRun,
    funnel: {
      answered: sum('answered'),
      resolved: sum('resolved'),
      allocated: n(u.allocated),
      issued: sum('issued'),
      fullyKitted: sum('fullyKitted'),
    },
    units: {
      entitled: basis.people * basis.entitlements.reduce((s, e) => s + e.qty, 0),
      issued: n(u.issued),
      returned: n(u.returned),
      lost: n(u.lost),
      held: n(u.issued) - n(u.returned) - n(u.lost),
    },
    series: { bucket, timeZone: tz, points },
    waiting: queue.waiting,
    stations: queue.stations,
    shortages: shortages.rows
      .map((r) => ({ item: r.item, size: r.size, unmet: n(r.unmet) }))
      .sort(
        (a, b) =>
          (itemOrder.get(a.item) ?? 99) - (itemOrder.get(b.item) ?? 99) ||
          a.size.localeCompare(b.size, undefined, { numeric: true }),
      ),
  };
}

/** Queue and station figures, when the stations tables exist (migration 007). */
async function queueFigures(
  ctx: ServiceContext,
  intakeId: string,
  hasKit: boolean,
): Promise<{ waiting: number | null; stations: IntakeDashboard['stations'] }> {
  if (!(await tableExists(ctx, 'queue_tickets'))) return { waiting: null, stations: [] };
  const hourAgo = new Date(ctx.now().getTime() - 3_600_000);
  const [waiting, stations] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from queue_tickets
      where intake_id = ${intakeId} and status = 'waiting'`.execute(ctx.db),
    sql<{ id: string; name: string; served: number; last_hour: number; units: number }>`
      select s.id, s.name,
        (select count(*)::int from queue_tickets t where t.station_id = s.id and t.intake_id = ${intakeId}
          and t.status = 'served') as served,
        (select count(*)::int from queue_tickets t where t.station_id = s.id and t.intake_id = ${intakeId}
          and t.status = 'served' and t.served_at >= ${hourAgo}) as last_hour,
        ${
          hasKit
            ? sql`(select coalesce(sum(k.qty), 0)::int from kit_events k join people p on p.id = k.person_id
                where k.station_id = s.id and p.intake_id = ${intakeId} and k.kind = 'issue')`
            : sql`0`
        } as units
      from stations s order by s.sort, s.id`.execute(ctx.db),
  ]);
  return {
    waiting: n(waiting.rows[0]?.n),
    stations: stations.rows.map((s) => ({
      id: s.id,
      name: s.name,
      served: n(s.served),
      servedLastHour: n(s.last_hour),
      unitsIssued: n(s.units),
    })),
  };
}
