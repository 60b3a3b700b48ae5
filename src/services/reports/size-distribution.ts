import { sql } from 'kysely';
import { NotFoundError } from '../../domain/errors.ts';
import { DEFAULT_SIZE_FIELDS } from '../../domain/forms/size-answers.ts';
import type { ServiceContext } from '../context.ts';
import { tariffRows } from '../planning.ts';
import { resolvedPeople } from '../resolution.ts';
import { intakeBasis, n } from './common.ts';

/** Histogram bin width per body dimension, in the unit the questionnaire asks it in. */
const BIN: Record<string, { width: number; unit: 'cm' | 'mm' }> = {
  headGirth: { width: 1, unit: 'cm' },
  chest: { width: 2, unit: 'cm' },
  waist: { width: 2, unit: 'cm' },
  height: { width: 2, unit: 'cm' },
  hip: { width: 2, unit: 'cm' },
  footLength: { width: 5, unit: 'mm' },
  footWidth: { width: 2, unit: 'mm' },
};

export interface SizeDistribution {
  intake: string;
  item: string;
  people: number;
  answered: number;
  /** Measured answers (not sizes given as labels) of the dimensions this item's sizes state. */
  measurements: {
    dimension: string;
    field: string;
    unit: 'cm' | 'mm';
    width: number;
    n: number;
    bins: { from: number; count: number }[];
  }[];
  /** People per resolved size, against the tariff's share scaled to as many people, and past intakes' shares. */
  sizes: {
    size: string;
    resolved: number;
    tariffShare: number;
    tariffExpected: number;
    past: Record<string, number>;
  }[];
  resolved: number;
  tariff: string;
  pastIntakes: string[];
}

/**
 * Size distribution of one item for an intake: histograms of the body measurements people gave, and of the sizes
 * resolved from their latest answers now (the sizes module, as planning does), compared with the tariff the intake
 * plans with and with the sizes of past intakes (their latest allocation run).
 */
export async function sizeDistribution(
  ctx: ServiceContext,
  intakeId: string,
  itemId: string,
): Promise<SizeDistribution> {
  const basis = await intakeBasis(ctx, intakeId);
  const variants = await ctx.db
    .selectFrom('item_variants')
    .select(['label', 'fits'])
    .where('item_id', '=', itemId)
    .orderBy('sort')
    .execute();
  if (!variants.length) throw new NotFoundError('item', itemId);
  const dims = [...new Set(variants.flatMap((v) => Object.keys(v.fits ?? {})))].filter((d) => BIN[d]);
  const fields = Object.entries(DEFAULT_SIZE_FIELDS).flatMap(([field, f]) =>
    'dimension' in f && dims.includes(f.dimension) ? [{ field, dimension: f.dimension as string }] : [],
  );
  const [hist, answered, resolved, tariff, past] = await Promise.all([
    fields.length
      ? sql<{ field: string; bin: number; count: number }>`
          with latest as (
            select distinct on (person_id) answers from submissions where intake_id = ${intakeId}
            order by person_id, seq desc),
          vals as (
            select f.field, f.width, (l.answers->>f.field) as t
            from latest l, unnest(${fields.map((f) => f.field)}::text[],
              ${fields.map((f) => BIN[f.dimension]!.width)}::float8[]) as f(field, width))
          select field, (floor(t::float8 / width) * width)::float8 as bin, count(*)::int as count
          from vals where t ~ '^-?[0-9]+([.][0-9]+)?$' group by 1, 2 order by 1, 2`.execute(ctx.db)
      : Promise.resolve({ rows: [] }),
    sql<{ n: number }>`select count(distinct person_id)::int as n from submissions
      where intake_id = ${intakeId}`.execute(ctx.db),
    resolvedPeople(ctx, intakeId),
    tariffRows(ctx, basis.intake.tariff),
    sql<{ intake: string; size: string; units: number }>`
      select r.intake_id as intake, a.preferred as size, count(*)::int as units
      from (select distinct on (intake_id) id, intake_id from allocation_runs
            where intake_id <> ${intakeId} and status in ('accepted', 'proposed')
            order by intake_id, created_at desc, id desc) r
      join allocation_sets s on s.run_id = r.id
      cross join lateral unnest(s.items, s.units, s.preferred) as a(item_id, unit, preferred)
      where a.item_id = ${itemId} and a.unit = 1
      group by 1, 2`.execute(ctx.db),
  ]);
  const counts = new Map<string, number>();
  let resolvedCount = 0;
  for (const p of resolved) {
    const size = p.preferred[itemId];
    if (!size) continue;
    resolvedCount++;
    counts.set(size, (counts.get(size) ?? 0) + 1);
  }
  const itemTariff = tariff.filter((t) => t.item === itemId);
  const tariffTotal = itemTariff.reduce((s, t) => s + t.share, 0);
  const pastTotals = new Map<string, number>();
  for (const r of past.rows) pastTotals.set(r.intake, (pastTotals.get(r.intake) ?? 0) + n(r.units));
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return {
    intake: intakeId,
    item: itemId,
    people: basis.people,
    answered: n(answered.rows[0]?.n),
    measurements: fields.map((f) => {
      const bins = hist.rows
        .filter((h) => h.field === f.field)
        .map((h) => ({ from: Number(h.bin), count: n(h.count) }));
      return {
        dimension: f.dimension,
        field: f.field,
        unit: BIN[f.dimension]!.unit,
        width: BIN[f.dimension]!.width,
        n: bins.reduce((s, b) => s + b.count, 0),
        bins,
      };
    }),
    sizes: variants.map((v) => {
      const share =
        tariffTotal > 0 ? (itemTariff.find((t) => t.size === v.label)?.share ?? 0) / tariffTotal : 0;
      const pastShares: Record<string, number> = {};
      for (const [intake, total] of pastTotals) {
        const units = n(past.rows.find((r) => r.intake === intake && r.size === v.label)?.units);
        pastShares[intake] = round(units / total);
      }
      return {
        size: v.label,
        resolved: counts.get(v.label) ?? 0,
        tariffShare: round(share),
        tariffExpected: Math.round(share * resolvedCount * 10) / 10,
        past: pastShares,
      };
    }),
    resolved: resolvedCount,
    tariff: basis.intake.tariff,
    pastIntakes: [...pastTotals.keys()].sort(),
  };
}
