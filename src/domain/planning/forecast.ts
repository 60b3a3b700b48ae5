/**
 * Demand before anyone has answered: a size tariff (the share of each size per item, seen in past intakes or entered
 * by hand) applied to the head count of each site. Rounding uses the largest-remainder method so that, per item and
 * site, the sizes add up exactly to people × entitlement — no unit is lost or invented by rounding.
 */
export interface TariffRow {
  item: string;
  size: string;
  /** A share ≥ 0; shares of one item need not sum to 1, they are normalised. */
  share: number;
}

export interface DemandRow {
  site: string;
  item: string;
  size: string;
  qty: number;
}

export interface Entitlement {
  item: string;
  qty: number;
}

export function forecastDemand(input: {
  peopleBySite: { site: string; count: number }[];
  tariff: TariffRow[];
  entitlements: Entitlement[];
}): DemandRow[] {
  const out: DemandRow[] = [];
  for (const ent of input.entitlements) {
    const rows = input.tariff.filter((t) => t.item === ent.item && t.share > 0);
    const total = rows.reduce((s, r) => s + r.share, 0);
    if (total <= 0 || ent.qty <= 0) continue;
    for (const { site, count } of input.peopleBySite) {
      const units = count * ent.qty;
      out.push(
        ...apportion(
          units,
          rows.map((r) => ({ key: r.size, weight: r.share / total })),
        ).map((a) => ({
          site,
          item: ent.item,
          size: a.key,
          qty: a.qty,
        })),
      );
    }
  }
  return out.filter((r) => r.qty > 0);
}

/** Splits a whole number by weights summing to 1 (largest remainder; ties by the order given). */
export function apportion(
  units: number,
  weights: { key: string; weight: number }[],
): { key: string; qty: number }[] {
  const raw = weights.map((w, i) => ({ key: w.key, i, exact: units * w.weight }));
  const floors = raw.map((r) => ({ ...r, qty: Math.floor(r.exact), rest: r.exact - Math.floor(r.exact) }));
  let left = units - floors.reduce((s, r) => s + r.qty, 0);
  for (const r of [...floors].sort((a, b) => b.rest - a.rest || a.i - b.i)) {
    if (left <= 0) break;
    r.qty++;
    left--;
  }
  return floors.map((r) => ({ key: r.key, qty: r.qty }));
}

/** Demand from people whose sizes are known: each person's preferred size per item × the entitlement. */
export function demandFromPreferred(
  people: { site: string; preferred: Record<string, string> }[],
  entitlements: Entitlement[],
): DemandRow[] {
  const acc = new Map<string, DemandRow>();
  for (const p of people) {
    for (const ent of entitlements) {
      const size = p.preferred[ent.item];
      if (!size || ent.qty <= 0) continue;
      const key = `${p.site}\u0000${ent.item}\u0000${size}`;
      const row = acc.get(key) ?? { site: p.site, item: ent.item, size, qty: 0 };
      row.qty += ent.qty;
      acc.set(key, row);
    }
  }
  return [...acc.values()];
}

/** Shares per item × size from people's known sizes: the tariff a past intake teaches. */
export function tariffFromPreferred(people: { preferred: Record<string, string> }[]): TariffRow[] {
  const counts = new Map<string, TariffRow>();
  const totals = new Map<string, number>();
  for (const p of people) {
    for (const [item, size] of Object.entries(p.preferred)) {
      const key = `${item}\u0000${size}`;
      const row = counts.get(key) ?? { item, size, share: 0 };
      row.share++;
      counts.set(key, row);
      totals.set(item, (totals.get(item) ?? 0) + 1);
    }
  }
  return [...counts.values()].map((r) => ({ ...r, share: r.share / totals.get(r.item)! }));
}
