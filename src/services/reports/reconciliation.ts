import { type RawBuilder, sql } from 'kysely';
import { InputError } from '../../domain/errors.ts';
import { DRILL_FIGURES, type DrillFigure } from '../../domain/reports/figures.ts';
import type { ServiceContext } from '../context.ts';
import {
  allocationLines,
  entitlementRelation,
  fullyAllocated,
  type IntakeBasis,
  intakeBasis,
  kitHeld,
  kitLosses,
  kitMovements,
  n,
} from './common.ts';

export interface ReconciliationRow {
  item: string;
  entitled: number;
  allocated: number;
  issued: number;
  returned: number;
  /** Units lost, from the kit record (a loss posts no movement, so it changes no stock figure). */
  lost: number;
  /** issued − returned − lost. */
  held: number;
  /** Units still owed: per person, the entitlement less what they hold, never below 0, summed. */
  outstanding: number;
  /** Units held beyond the entitlement, summed the same way; entitled − held = outstanding − overIssued. */
  overIssued: number;
  onHand: number;
  reserved: number;
  available: number;
}

export interface Reconciliation {
  intake: string;
  people: number;
  acceptedRun: string | null;
  byItem: ReconciliationRow[];
  /**
   * Per depot × item: what went out of that depot to the intake's people, came back or was reported lost there,
   * beside what the depot holds. A return counts at the depot that took it back and a loss at the depot of the
   * station that recorded it, so the depots' issued, returned, lost and held add up to the item's.
   */
  byDepot: {
    depot: string;
    item: string;
    issued: number;
    returned: number;
    lost: number;
    held: number;
    onHand: number;
    reserved: number;
    available: number;
  }[];
  totals: Omit<ReconciliationRow, 'item'>;
}

/** Issued vs entitled vs in stock for an intake, per item and per depot. */
export async function reconciliation(ctx: ServiceContext, intakeId: string): Promise<Reconciliation> {
  const basis = await intakeBasis(ctx, intakeId);
  const ent = entitlementRelation(basis.entitlements);
  const accepted = basis.acceptedRun ?? '';
  const [perItem, perDepot, stock] = await Promise.all([
    sql<{
      item: string;
      issued: number;
      returned: number;
      lost: number;
      outstanding: number;
      over: number;
      allocated: number;
    }>`
      with held as ${kitHeld(basis)},
      -- Per person max(0, qty − held) = qty − min(qty, held), and a person with no row holds 0: so what is still
      -- owed is people × qty less Σ min(qty, held) over the rows there are, without pairing every person with
      -- every item. (least() skips a null, so the row an item without holdings gets from the left join is left
      -- out by the filter, not counted as qty.)
      gaps as (
        select e.item, (${basis.people}::int * e.qty
            - coalesce(sum(least(e.qty, h.held)) filter (where h.held is not null), 0))::int as outstanding,
          coalesce(sum(greatest(0, h.held - e.qty)), 0)::int as over
        from ${ent} left join held h on h.item_id = e.item
        group by e.item, e.qty),
      moved as (select item_id as item, sum(issued)::int as issued, sum(returned)::int as returned,
          sum(lost)::int as lost
        from held group by 1),
      alloc as (select item_id as item, count(*)::int as allocated
        from ${allocationLines(accepted, ['item_id', 'issued'])} a where issued is not null group by 1)
      select g.item, coalesce(m.issued, 0) as issued, coalesce(m.returned, 0) as returned,
        coalesce(m.lost, 0) as lost, g.outstanding,
        g.over, coalesce(a.allocated, 0) as allocated
      from gaps g left join moved m using (item) left join alloc a using (item)`.execute(ctx.db),
    sql<{ depot: string; item: string; issued: number; returned: number; lost: number }>`
      select depot_id as depot, item_id as item, coalesce(m.issued, 0)::int as issued,
        coalesce(m.returned, 0)::int as returned, coalesce(l.lost, 0)::int as lost
      from (
        select depot_id, item_id, coalesce(sum(qty) filter (where type = 'issue'), 0) as issued,
          coalesce(sum(qty) filter (where type = 'return'), 0) as returned
        from ${kitMovements(intakeId)} km group by 1, 2) m
      full join (
        select depot_id, item_id, sum(qty) as lost from ${kitLosses(intakeId, basis.kitEvents)} kl group by 1, 2) l
      using (depot_id, item_id)
      order by 1, 2`.execute(ctx.db),
    sql<{ depot: string; item: string; on_hand: number; reserved: number }>`
      select depot_id as depot, item_id as item, sum(on_hand)::int as on_hand, sum(reserved)::int as reserved
      from balances group by 1, 2`.execute(ctx.db),
  ]);
  const stockOf = (item: string, depot?: string) =>
    stock.rows
      .filter((s) => s.item === item && (depot === undefined || s.depot === depot))
      .reduce((a, s) => ({ onHand: a.onHand + n(s.on_hand), reserved: a.reserved + n(s.reserved) }), {
        onHand: 0,
        reserved: 0,
      });
  const byItem = basis.entitlements.map((e): ReconciliationRow => {
    const r = perItem.rows.find((x) => x.item === e.item);
    const s = stockOf(e.item);
    const issued = n(r?.issued);
    const returned = n(r?.returned);
    const lost = n(r?.lost);
    return {
      item: e.item,
      entitled: basis.people * e.qty,
      allocated: n(r?.allocated),
      issued,
      returned,
      lost,
      held: issued - returned - lost,
      outstanding: n(r?.outstanding ?? basis.people * e.qty),
      overIssued: n(r?.over),
      onHand: s.onHand,
      reserved: s.reserved,
      available: s.onHand - s.reserved,
    };
  });
  const totals = byItem.reduce(
    (t, r) => {
      for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += r[k];
      return t;
    },
    {
      entitled: 0,
      allocated: 0,
      issued: 0,
      returned: 0,
      lost: 0,
      held: 0,
      outstanding: 0,
      overIssued: 0,
      onHand: 0,
      reserved: 0,
      available: 0,
    },
  );
  return {
    intake: intakeId,
    people: basis.people,
    acceptedRun: basis.acceptedRun,
    byItem,
    byDepot: perDepot.rows.map((r) => {
      const s = stockOf(r.item, r.depot);
      return {
        depot: r.depot,
        item: r.item,
        issued: n(r.issued),
        returned: n(r.returned),
        lost: n(r.lost),
        held: n(r.issued) - n(r.returned) - n(r.lost),
        onHand: s.onHand,
        reserved: s.reserved,
        available: s.onHand - s.reserved,
      };
    }),
    totals,
  };
}

export interface PersonReconciliation {
  person: string;
  name: string;
  nameLatin: string | null;
  entitled: number;
  /** Units lost of the entitled items (from the kit record); held is already net of them. */
  lost: number;
  held: number;
  outstanding: number;
  /** item → units held */
  items: Record<string, number>;
}

/** Per person: entitled, lost, held and outstanding units, paged; `only` keeps people still owed or fully kitted. */
export async function reconciliationPeople(
  ctx: ServiceContext,
  intakeId: string,
  q: { limit: number; offset: number; only?: 'outstanding' | 'complete'; search?: string },
): Promise<{ total: number; rows: PersonReconciliation[] }> {
  const basis = await intakeBasis(ctx, intakeId);
  const ent = entitlementRelation(basis.entitlements);
  const entitled = basis.entitlements.reduce((sum, e) => sum + e.qty, 0);
  const filter =
    q.only === 'outstanding'
      ? sql`where outstanding > 0`
      : q.only === 'complete'
        ? sql`where outstanding = 0`
        : sql``;
  const { rows } = await sql<{
    person: string;
    name: string;
    name_latin: string | null;
    entitled: number;
    lost: number;
    held: number;
    outstanding: number;
    items: Record<string, number> | null;
    total: number;
  }>`
    with held as ${kitHeld(basis)},
    -- Per person, still owed = Σ qty − Σ min(qty, held) over the items they hold anything of: only their held rows
    -- are read, and the per-item breakdown is built for the page alone.
    mine as (
      select h.person_id, sum(h.lost) as lost, sum(h.held) as held, sum(least(e.qty, h.held)) as covered
      from held h join ${ent} on e.item = h.item_id group by h.person_id),
    per as (
      select p.id as person, p.name, p.name_latin, ${entitled}::int as entitled,
        coalesce(m.lost, 0)::int as lost, coalesce(m.held, 0)::int as held,
        (${entitled}::int - coalesce(m.covered, 0))::int as outstanding
      from people p left join mine m on m.person_id = p.id
      where p.intake_id = ${intakeId} ${q.search ? sql`and p.id ilike ${`%${q.search}%`}` : sql``}),
    page as (
      select *, count(*) over ()::int as total from per ${filter}
      order by person limit ${q.limit} offset ${q.offset})
    select pg.person, pg.name, pg.name_latin, pg.entitled, pg.lost, pg.held, pg.outstanding, pg.total,
      jsonb_object_agg(e.item, coalesce(h.held, 0)) filter (where e.item is not null) as items
    from page pg left join ${ent} on true
    left join held h on h.person_id = pg.person and h.item_id = e.item
    group by pg.person, pg.name, pg.name_latin, pg.entitled, pg.lost, pg.held, pg.outstanding, pg.total
    order by pg.person`.execute(ctx.db);
  return {
    total: n(rows[0]?.total),
    rows: rows.map((r) => ({
      person: r.person,
      name: r.name,
      nameLatin: r.name_latin,
      entitled: n(r.entitled),
      lost: n(r.lost),
      held: n(r.held),
      outstanding: n(r.outstanding),
      items: r.items ?? {},
    })),
  };
}

export { DRILL_FIGURES, type DrillFigure };

export interface DrillQuery {
  figure: DrillFigure;
  item?: string;
  size?: string;
  depot?: string;
  limit: number;
  offset: number;
}

interface UnitRow {
  id: number;
  at: string;
  type: string;
  depot: string;
  item: string;
  size: string;
  qty: number;
  person: string;
}

export type DrillResult =
  | {
      figure: DrillFigure;
      kind: 'people';
      total: number;
      /** The figure itself: the sum of qty over every row (not only this page). */
      sum: number;
      rows: { person: string; name: string; nameLatin: string | null; qty: number }[];
    }
  | { figure: DrillFigure; kind: 'movements'; total: number; sum: number; rows: UnitRow[] }
  | {
      figure: DrillFigure;
      /** Kit events, not ledger movements: a loss posts no movement. `id` is the kit event's, `type` its kind. */
      kind: 'kitEvents';
      total: number;
      sum: number;
      rows: (UnitRow & { station: string | null })[];
    };

/** Unit figures and what their rows are: ledger movements of a type, or the loss kit events. */
const UNIT_FIGURES: Partial<Record<DrillFigure, 'issue' | 'return' | 'loss'>> = {
  issuedUnits: 'issue',
  returnedUnits: 'return',
  lostUnits: 'loss',
};

/**
 * The people, ledger movements or kit events behind a figure of the dashboards. Each row carries a quantity, and
 * the rows of all pages add up to the figure exactly (people figures count 1 per person; unit figures carry units).
 */
export async function drillDown(ctx: ServiceContext, intakeId: string, q: DrillQuery): Promise<DrillResult> {
  const basis = await intakeBasis(ctx, intakeId);
  const unitType = UNIT_FIGURES[q.figure];
  if (unitType) return unitRows(ctx, basis, q, unitType);
  const set = personSet(basis, intakeId, q);
  const { rows } = await sql<{
    person: string;
    name: string;
    name_latin: string | null;
    qty: number;
    total: number;
    sum: number;
  }>`
    with s as ${set}
    select s.person, p.name, p.name_latin, s.qty::int as qty, count(*) over ()::int as total,
      sum(s.qty) over ()::int as sum
    from s join people p on p.id = s.person where s.qty <> 0
    order by s.person limit ${q.limit} offset ${q.offset}`.execute(ctx.db);
  let totals = { total: n(rows[0]?.total), sum: n(rows[0]?.sum) };
  if (!rows.length) {
    const t = await sql<{ total: number; sum: number }>`with s as ${set}
      select count(*)::int as total, coalesce(sum(qty), 0)::int as sum from s where qty <> 0`.execute(ctx.db);
    totals = { total: n(t.rows[0]?.total), sum: n(t.rows[0]?.sum) };
  }
  return {
    figure: q.figure,
    kind: 'people',
    ...totals,
    rows: rows.map((r) => ({ person: r.person, name: r.name, nameLatin: r.name_latin, qty: n(r.qty) })),
  };
}

/**
 * The rows behind a unit figure, paged: the kit movements of a type, or the loss kit events (which the ledger
 * does not have). Filtered by item, size and depot (a loss's depot is its station's).
 */
async function unitRows(
  ctx: ServiceContext,
  basis: IntakeBasis,
  q: DrillQuery,
  type: 'issue' | 'return' | 'loss',
): Promise<DrillResult> {
  const intakeId = basis.intake.id;
  const source =
    type === 'loss'
      ? sql`(select id, at, 'loss' as type, station_id, depot_id, item_id, size, qty, person_id
          from ${kitLosses(intakeId, basis.kitEvents)} kl)`
      : sql`(select id, at, type, null::text as station_id, depot_id, item_id, size, qty, person_id
          from ${kitMovements(intakeId)} km where type = ${type})`;
  const where = sql`where true ${q.item ? sql`and item_id = ${q.item}` : sql``}
    ${q.size ? sql`and size = ${q.size}` : sql``} ${q.depot ? sql`and depot_id = ${q.depot}` : sql``}`;
  const { rows } = await sql<{
    id: number;
    at: Date;
    type: string;
    station_id: string | null;
    depot_id: string;
    item_id: string;
    size: string;
    qty: number;
    person_id: string;
    total: number;
    sum: number;
  }>`select u.*, count(*) over ()::int as total, sum(qty) over ()::int as sum
    from ${source} u ${where} order by id limit ${q.limit} offset ${q.offset}`.execute(ctx.db);
  let totals = { total: n(rows[0]?.total), sum: n(rows[0]?.sum) };
  if (!rows.length) {
    const t = await sql<{ total: number; sum: number }>`
      select count(*)::int as total, coalesce(sum(qty), 0)::int as sum from ${source} u ${where}`.execute(
      ctx.db,
    );
    totals = { total: n(t.rows[0]?.total), sum: n(t.rows[0]?.sum) };
  }
  const unit = (r: (typeof rows)[number]): UnitRow => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    type: r.type,
    depot: r.depot_id,
    item: r.item_id,
    size: r.size,
    qty: n(r.qty),
    person: r.person_id,
  });
  return type === 'loss'
    ? {
        figure: q.figure,
        kind: 'kitEvents',
        ...totals,
        rows: rows.map((r) => ({ ...unit(r), station: r.station_id })),
      }
    : { figure: q.figure, kind: 'movements', ...totals, rows: rows.map(unit) };
}

/** A relation `(person, qty)` for a people figure. */
function personSet(basis: IntakeBasis, intakeId: string, q: DrillQuery): RawBuilder<unknown> {
  const ents = q.item ? basis.entitlements.filter((e) => e.item === q.item) : basis.entitlements;
  const ent = entitlementRelation(ents);
  const allEnt = entitlementRelation(basis.entitlements);
  const held = kitHeld(basis);
  const itemFilter = (col: RawBuilder<unknown>) => (q.item ? sql`and ${col} = ${q.item}` : sql``);
  const sizeFilter = (col: RawBuilder<unknown>) => (q.size ? sql`and ${col} = ${q.size}` : sql``);
  switch (q.figure) {
    case 'answered':
      return sql`(select distinct person_id as person, 1 as qty from submissions where intake_id = ${intakeId})`;
    case 'resolved':
      return sql`(select distinct person_id as person, 1 as qty
        from ${allocationLines(basis.run?.id ?? '', ['item_id'])} a where true ${itemFilter(sql.ref('item_id'))})`;
    case 'allocated':
      return sql`(select person_id as person, 1 as qty from ${fullyAllocated(basis.acceptedRun ?? '')} a)`;
    case 'issued':
      return sql`(select distinct person_id as person, 1 as qty from ${kitMovements(intakeId)} km
        where type = 'issue' ${itemFilter(sql.ref('item_id'))} ${sizeFilter(sql.ref('size'))})`;
    case 'fullyKitted':
      return sql`(select h.person_id as person, 1 as qty from ${held} h join ${allEnt} on e.item = h.item_id
        where h.held >= e.qty group by h.person_id having count(*) = ${basis.entitlements.length})`;
    case 'entitled':
      return sql`(select p.id as person, sum(e.qty) as qty from people p cross join ${ent}
        where p.intake_id = ${intakeId} group by p.id)`;
    case 'held':
      return sql`(select person_id as person, sum(held) as qty from ${held} h
        where true ${itemFilter(sql.ref('item_id'))} group by person_id)`;
    case 'outstanding':
    case 'overIssued': {
      const gap =
        q.figure === 'outstanding'
          ? sql`greatest(0, e.qty - coalesce(h.held, 0))`
          : sql`greatest(0, coalesce(h.held, 0) - e.qty)`;
      return sql`(select p.id as person, sum(${gap}) as qty from people p cross join ${ent}
        left join ${held} h on h.person_id = p.id and h.item_id = e.item
        where p.intake_id = ${intakeId} group by p.id)`;
    }
    case 'unmet':
      return sql`(select person_id as person, count(*) as qty
        from ${allocationLines(basis.run?.id ?? '', ['item_id', 'preferred', 'issued'])} a where issued is null
        ${itemFilter(sql.ref('item_id'))} ${sizeFilter(sql.ref('preferred'))} group by person_id)`;
    default:
      throw new InputError([{ field: 'figure', reason: `unknown figure "${q.figure as string}"` }]);
  }
}
