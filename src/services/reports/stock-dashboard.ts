import { sql } from 'kysely';
import { forecastDemand } from '../../domain/planning/index.ts';
import type { ServiceContext } from '../context.ts';
import { tariffRows } from '../planning.ts';
import { listBalances } from '../stock-queries.ts';
import { allocationLines, intakeBasis, kitMovements, n } from './common.ts';

export interface StockRow {
  item: string;
  size: string;
  onHand: number;
  reserved: number;
  available: number;
  inTransit: number;
  /** Units the open intakes need: resolved sizes from their latest run, the tariff for everyone else. */
  demand: number;
  /** Of that demand, units already issued (net of returns) to the intakes' people in this size. */
  issued: number;
  /** demand − issued, never below 0. */
  toIssue: number;
  /** toIssue − (on hand + in transit), never below 0: what stock cannot cover. */
  shortfall: number;
  /** (on hand + in transit) ÷ toIssue; null when nothing is left to issue. */
  cover: number | null;
}

export interface StockDashboard {
  openIntakes: string[];
  /** Per depot × item × size, straight from the balances. */
  depots: {
    depot: string;
    item: string;
    size: string;
    onHand: number;
    reserved: number;
    available: number;
    inTransit: number;
  }[];
  /** Per item × size over all depots, against the open intakes' demand. */
  sizes: StockRow[];
  /** Item × size with something left to issue, lowest cover first: what runs out first. */
  runOutFirst: StockRow[];
}

/**
 * Stock against the demand of open intakes. Demand per intake follows planning (`planIntake`): people whose sizes
 * are known count in their size, everyone else is spread by the intake's tariff; here "known" means resolved in
 * the intake's latest allocation run, which keeps the dashboard to aggregate queries (no re-resolution of answers).
 */
export async function stockDashboard(ctx: ServiceContext): Promise<StockDashboard> {
  const intakes = await ctx.db
    .selectFrom('intakes')
    .select('id')
    .where('status', '=', 'open')
    .orderBy('id')
    .execute();
  const [balances, variants, ...perIntake] = await Promise.all([
    listBalances(ctx, {}),
    ctx.db
      .selectFrom('item_variants')
      .innerJoin('items', 'items.id', 'item_variants.item_id')
      .select(['item_variants.item_id as item', 'item_variants.label as size'])
      .orderBy('items.sort')
      .orderBy('item_variants.sort')
      .execute(),
    ...intakes.map((i) => intakeDemand(ctx, i.id)),
  ]);
  const key = (item: string, size: string) => `${item}\u0000${size}`;
  const rows = new Map<string, StockRow>();
  for (const v of variants) {
    rows.set(key(v.item, v.size), {
      item: v.item,
      size: v.size,
      onHand: 0,
      reserved: 0,
      available: 0,
      inTransit: 0,
      demand: 0,
      issued: 0,
      toIssue: 0,
      shortfall: 0,
      cover: null,
    });
  }
  for (const b of balances) {
    const r = rows.get(key(b.item, b.size));
    if (!r) continue;
    r.onHand += b.onHand;
    r.reserved += b.reserved;
    r.available += b.available;
    r.inTransit += b.inTransit;
  }
  for (const d of perIntake.flat()) {
    const r = rows.get(key(d.item, d.size));
    if (!r) continue;
    r.demand += d.demand;
    r.issued += d.issued;
  }
  for (const r of rows.values()) {
    r.toIssue = Math.max(0, r.demand - r.issued);
    const supply = r.onHand + r.inTransit;
    r.shortfall = Math.max(0, r.toIssue - supply);
    r.cover = r.toIssue > 0 ? Math.round((supply / r.toIssue) * 1000) / 1000 : null;
  }
  const sizes = [...rows.values()];
  return {
    openIntakes: intakes.map((i) => i.id),
    depots: balances.map((b) => ({
      depot: b.depot,
      item: b.item,
      size: b.size,
      onHand: b.onHand,
      reserved: b.reserved,
      available: b.available,
      inTransit: b.inTransit,
    })),
    sizes,
    runOutFirst: sizes
      .filter((r) => r.cover !== null)
      .sort((a, b) => a.cover! - b.cover! || b.shortfall - a.shortfall)
      .slice(0, 20),
  };
}

/** One intake's demand and issued units per item × size (see {@link stockDashboard}). */
export async function intakeDemand(
  ctx: ServiceContext,
  intakeId: string,
): Promise<{ item: string; size: string; demand: number; issued: number }[]> {
  const basis = await intakeBasis(ctx, intakeId);
  const runId = basis.run?.id ?? '';
  const [known, tariff, issued] = await Promise.all([
    // Every unit of an item carries the person's one preferred size, and whoever has the item has its unit 1.
    sql<{ item: string; size: string; units: number; people: number }>`
      select item_id as item, preferred as size, count(*)::int as units,
        count(*) filter (where unit = 1)::int as people
      from ${allocationLines(runId, ['item_id', 'unit', 'preferred'])} a group by 1, 2`.execute(ctx.db),
    tariffRows(ctx, basis.intake.tariff),
    sql<{ item: string; size: string; issued: number }>`
      select item_id as item, size, sum(case when type = 'issue' then qty else -qty end)::int as issued
      from ${kitMovements(intakeId)} km group by 1, 2`.execute(ctx.db),
  ]);
  const out = new Map<string, { item: string; size: string; demand: number; issued: number }>();
  const add = (item: string, size: string, demand: number, iss: number) => {
    const k = `${item}\u0000${size}`;
    const row = out.get(k) ?? { item, size, demand: 0, issued: 0 };
    row.demand += demand;
    row.issued += iss;
    out.set(k, row);
  };
  const entitled = new Set(basis.entitlements.map((e) => e.item));
  for (const r of known.rows) if (entitled.has(r.item)) add(r.item, r.size, n(r.units), 0);
  const knownPeople = new Map<string, number>();
  for (const r of known.rows) knownPeople.set(r.item, (knownPeople.get(r.item) ?? 0) + n(r.people));
  for (const ent of basis.entitlements) {
    const count = basis.people - (knownPeople.get(ent.item) ?? 0);
    if (count <= 0) continue;
    for (const d of forecastDemand({ peopleBySite: [{ site: '', count }], tariff, entitlements: [ent] }))
      add(d.item, d.size, d.qty, 0);
  }
  for (const r of issued.rows) add(r.item, r.size, 0, n(r.issued));
  return [...out.values()];
}
