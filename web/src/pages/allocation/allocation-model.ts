/** The shapes of the allocation API (`/api/intakes/{id}/allocation`, `/api/allocation-runs/…`) and what the page derives. */

export type RunStatus = 'proposed' | 'accepted' | 'superseded';

export interface ItemOutcome {
  item: string;
  demand: number;
  preferred: number;
  substituted: number;
  unmet: number;
}

export interface Shortage {
  item: string;
  size: string;
  site: string;
  unmet: number;
}

export interface Reservation {
  depot: string;
  item: string;
  size: string;
  qty: number;
}

export interface Run {
  id: string;
  intake: string;
  status: RunStatus | string;
  objective: number;
  unmet: number;
  createdAt: string;
  summary: {
    people: number;
    answered: number;
    items: ItemOutcome[];
    shortages: Shortage[];
    reservations: Reservation[];
  };
}

export interface Reason {
  key: string;
  params: Record<string, string | number>;
}

/** One person × item × unit of a run, as `GET /api/allocation-runs/{run}/people` gives it. */
export interface PersonOutcome {
  person: string;
  name: string;
  name_latin: string | null;
  site: string;
  item: string;
  unit: number;
  preferred: string;
  issued: string | null;
  depot: string | null;
  reason: Reason;
}

export interface Change {
  person: string;
  item: string;
  unit: number;
  before_issued: string | null;
  before_depot: string | null;
  after_issued: string | null;
  after_depot: string | null;
}

export type PeopleFilter = 'all' | 'unmet' | 'substituted';

/** One bar of the shortage chart: an item and size, unmet units summed over sites. */
export interface ShortageBar {
  key: string;
  item: string;
  size: string;
  unmet: number;
}

/**
 * Shortages summed over sites, one bar per item × size, items in catalogue order (`itemOrder`, unknown items last)
 * and sizes in the order the server listed them, so the chart reads left to right like the catalogue.
 */
export function shortageBars(shortages: readonly Shortage[], itemOrder: readonly string[]): ShortageBar[] {
  const bars = new Map<string, ShortageBar>();
  for (const s of shortages) {
    if (s.unmet <= 0) continue;
    const key = `${s.item} ${s.size}`;
    const bar = bars.get(key) ?? { key, item: s.item, size: s.size, unmet: 0 };
    bar.unmet += s.unmet;
    bars.set(key, bar);
  }
  const rank = (item: string) => {
    const i = itemOrder.indexOf(item);
    return i < 0 ? itemOrder.length : i;
  };
  // Array.prototype.sort is stable, so sizes keep the server's order within an item.
  return [...bars.values()].sort((a, b) => rank(a.item) - rank(b.item));
}

/** Reservations grouped by depot, each depot's lines and total, depots by name of id. */
export function reservationsByDepot(
  reservations: readonly Reservation[],
): { depot: string; total: number; lines: Reservation[] }[] {
  const groups = new Map<string, Reservation[]>();
  for (const r of reservations) groups.set(r.depot, [...(groups.get(r.depot) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([depot, lines]) => ({ depot, lines, total: lines.reduce((s, l) => s + l.qty, 0) }));
}

/**
 * The reason's parameters as the reader should see them: the item, site and depot by name, and numbers (costs)
 * through `formatNumber`. `count` stays a number, since i18next picks the plural form from it.
 */
export function readableParams(
  params: Readonly<Record<string, string | number>>,
  names: {
    item(id: string): string;
    site(id: string): string;
    depot(id: string): string;
    number(n: number): string;
  },
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'count') out[k] = v;
    else if (k === 'item' && typeof v === 'string') out[k] = names.item(v);
    else if (k === 'site' && typeof v === 'string') out[k] = names.site(v);
    else if (k === 'depot' && typeof v === 'string') out[k] = names.depot(v);
    else if (typeof v === 'number') out[k] = names.number(v);
    else out[k] = v;
  }
  return out;
}

/** The accepted run to compare against, when a run newer than it exists; runs come newest first. */
export function diffTarget(runs: readonly Run[]): { newer: Run; accepted: Run } | undefined {
  const at = runs.findIndex((r) => r.status === 'accepted');
  if (at <= 0) return undefined;
  return { newer: runs[0]!, accepted: runs[at]! };
}
