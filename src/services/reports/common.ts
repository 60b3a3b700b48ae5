import { type RawBuilder, sql } from 'kysely';
import { InputError, NotFoundError } from '../../domain/errors.ts';
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
}

export async function intakeBasis(ctx: ServiceContext, intakeId: string): Promise<IntakeBasis> {
  const [intake, people, entitlements, runs] = await Promise.all([
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
 * The kit movements of {@link kitMovements} summed per person × item straight off the index, in one pass:
 * held (issued − returned), issued, returned, and the first and last issue. Columns: person_id, item_id, held,
 * issued, returned, first_issue, last_issue.
 */
export function kitHeld(intakeId: string): RawBuilder<unknown> {
  return sql`(
    select km.person_id, km.item_id, sum(case when km.type = 'issue' then km.qty else -km.qty end)::int as held,
      coalesce(sum(km.qty) filter (where km.type = 'issue'), 0)::int as issued,
      coalesce(sum(km.qty) filter (where km.type = 'return'), 0)::int as returned,
      min(km.at) filter (where km.type = 'issue') as first_issue,
      max(km.at) filter (where km.type = 'issue') as last_issue
    from ${kitMovements(intakeId)} km group by km.person_id, km.item_id)`;
}

/** Entitlements as a relation `e(item, qty)` for a FROM or JOIN clause. */
export function entitlementRelation(entitlements: { item: string; qty: number }[]): RawBuilder<unknown> {
  return sql`unnest(${entitlements.map((e) => e.item)}::text[], ${entitlements.map(
    (e) => e.qty,
  )}::int[]) as e(item, qty)`;
}

const TIME_ZONE = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2})$/;

export function checkTimeZone(tz: string): string {
  if (!TIME_ZONE.test(tz)) throw new InputError([{ field: 'tz', reason: `"${tz}" is not a time zone name` }]);
  return tz;
}

/** Whether a table exists (the stations tables arrive with migration 007; reports work without them). */
export async function tableExists(ctx: ServiceContext, name: string): Promise<boolean> {
  const { rows } = await sql<{ t: string | null }>`select to_regclass(${name})::text as t`.execute(ctx.db);
  return rows[0]?.t != null;
}

export const n = (v: unknown): number => Number(v ?? 0);
