import { solveAllocation, transportFor } from '../allocation/index.ts';
import type { DemandRow } from './forecast.ts';

export interface StockRow {
  depot: string;
  item: string;
  size: string;
  available: number;
  inTransit: number;
}

export interface DepotInfo {
  id: string;
  /** The site the depot stands at; null for a central store that serves every site. */
  site: string | null;
}

export interface PlanRow {
  item: string;
  size: string;
  demand: number;
  available: number;
  inTransit: number;
  /** Units still to buy for this size after every possible transfer. */
  net: number;
}

export interface Transfer {
  item: string;
  size: string;
  from: string;
  to: string;
  qty: number;
}

export interface SupplyPlan {
  rows: PlanRow[];
  transfers: Transfer[];
  buy: { item: string; size: string; qty: number }[];
  /** Per site: what must still arrive there (after transfers, before buying). */
  bySite: { site: string; item: string; size: string; demand: number; covered: number }[];
}

const UNMET = 1000;

/**
 * Plan = demand − available − in transit, per item and size, with transfers between depots where one site's depot
 * is short and another (or the central store) has more than its own site needs, and a buy list for the rest.
 * Exact sizes only: substituting another size is allocation's business, not procurement's. Solved with the
 * allocation min-cost flow, so the transfers are the cheapest way to cover what stock can cover.
 */
export function planSupply(input: {
  demand: DemandRow[];
  stock: StockRow[];
  depots: DepotInfo[];
}): SupplyPlan {
  const depotSite = new Map(input.depots.map((d) => [d.id, d.site]));
  const sites = [...new Set(input.demand.map((d) => d.site))].sort();
  const stock = input.stock
    .map((s) => ({
      depot: s.depot,
      item: s.item,
      size: s.size,
      qty: Math.max(0, s.available) + Math.max(0, s.inTransit),
    }))
    .filter((s) => s.qty > 0 && depotSite.has(s.depot));
  const demand = input.demand
    .filter((d) => d.qty > 0)
    .map((d) => ({ site: d.site, item: d.item, size: d.size, count: d.qty }));
  const stockDepots = new Set(stock.map((s) => s.depot));
  const transport = transportFor(
    input.depots.filter((d) => stockDepots.has(d.id)),
    sites,
  );
  const demandItems = new Set(demand.map((d) => d.item));
  const solution = solveAllocation({
    unmetCost: UNMET,
    stock: stock.filter((s) => demandItems.has(s.item)),
    demand,
    substitutions: [],
    transport: transport.filter((t) => stock.some((s) => s.depot === t.depot && demandItems.has(s.item))),
  });

  const key = (item: string, size: string) => `${item}\u0000${size}`;
  const rows = new Map<string, PlanRow>();
  const row = (item: string, size: string) => {
    const k = key(item, size);
    const r = rows.get(k) ?? { item, size, demand: 0, available: 0, inTransit: 0, net: 0 };
    rows.set(k, r);
    return r;
  };
  for (const d of input.demand) row(d.item, d.size).demand += d.qty;
  for (const s of input.stock) {
    const r = row(s.item, s.size);
    r.available += Math.max(0, s.available);
    r.inTransit += Math.max(0, s.inTransit);
  }
  // A transfer goes to the depot that stands at the site; a site without one receives at the site itself.
  const siteDepot = (site: string) => input.depots.find((d) => d.site === site)?.id ?? site;
  const covered = new Map<string, number>();
  const transfers: Transfer[] = [];
  for (const f of solution.flows) {
    const ck = `${f.site}\u0000${f.item}\u0000${f.preferred}`;
    covered.set(ck, (covered.get(ck) ?? 0) + f.qty);
    if (depotSite.get(f.depot) !== f.site) {
      transfers.push({ item: f.item, size: f.issued, from: f.depot, to: siteDepot(f.site), qty: f.qty });
    }
  }
  const bySite = input.demand
    .filter((d) => d.qty > 0)
    .map((d) => ({
      site: d.site,
      item: d.item,
      size: d.size,
      demand: d.qty,
      covered: covered.get(`${d.site}\u0000${d.item}\u0000${d.size}`) ?? 0,
    }));
  const buy = new Map<string, { item: string; size: string; qty: number }>();
  for (const s of bySite) {
    const short = s.demand - s.covered;
    if (short <= 0) continue;
    const k = key(s.item, s.size);
    const b = buy.get(k) ?? { item: s.item, size: s.size, qty: 0 };
    b.qty += short;
    buy.set(k, b);
    row(s.item, s.size).net += short;
  }
  const order = (a: { item: string; size: string }, b: { item: string; size: string }) =>
    a.item.localeCompare(b.item) || a.size.localeCompare(b.size, undefined, { numeric: true });
  return {
    rows: [...rows.values()].sort(order),
    transfers: transfers.sort(
      (a, b) => order(a, b) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
    ),
    buy: [...buy.values()].sort(order),
    bySite,
  };
}
