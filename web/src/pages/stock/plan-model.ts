/** The shapes of an intake's plan (`GET /api/intakes/{id}/plan`) and what the planning page derives from them. */

export interface PlanRow {
  item: string;
  size: string;
  demand: number;
  available: number;
  inTransit: number;
  /** Still missing once available stock and stock on its way are counted; above 0 is a shortage. */
  net: number;
}

export interface Plan {
  intake: string;
  people: number;
  /** People whose sizes are known from their answers. */
  answered: number;
  /** Where the demand comes from: the answers, the size tariff (nobody answered yet), or both. */
  source: 'answers' | 'tariff' | 'mixed';
  /** The name of the size tariff used for those who have not answered. */
  tariff: string;
  rows: PlanRow[];
  transfers: { item: string; size: string; from: string; to: string; qty: number }[];
  buy: { item: string; size: string; qty: number }[];
}

export interface ChartPoint {
  size: string;
  demand: number;
  available: number;
  inTransit: number;
}

/**
 * One item's demand against stock, size by size in catalogue order; sizes the plan does not mention are shown as
 * zeros, and sizes the catalogue no longer lists come last, so nothing in the plan is hidden.
 */
export function chartPoints(rows: readonly PlanRow[], item: string, sizes: readonly string[]): ChartPoint[] {
  const mine = rows.filter((r) => r.item === item);
  const bySize = new Map(mine.map((r) => [r.size, r]));
  const order = [...sizes, ...mine.map((r) => r.size).filter((s) => !sizes.includes(s))];
  return order.map((size) => {
    const r = bySize.get(size);
    return {
      size,
      demand: r?.demand ?? 0,
      available: Math.max(0, r?.available ?? 0),
      inTransit: r?.inTransit ?? 0,
    };
  });
}

/** The items the plan has rows for, in the order they first appear. */
export function planItems(rows: readonly PlanRow[]): string[] {
  return [...new Set(rows.map((r) => r.item))];
}

/** Sum of a list's quantities. */
export const totalQty = (list: readonly { qty: number }[]) => list.reduce((s, x) => s + x.qty, 0);

export interface EntitlementLine {
  item: string;
  qty: number;
}

/**
 * The entitlement lines to save from the editor's text fields: items left blank are not entitled (left out), and
 * anything but a whole number from 0 to 99 is named by item so the editor can mark it.
 */
export function entitlementsFrom(
  entered: ReadonlyMap<string, string>,
): { ok: true; value: EntitlementLine[] } | { ok: false; errors: string[] } {
  const value: EntitlementLine[] = [];
  const errors: string[] = [];
  for (const [item, text] of entered) {
    const t = text.normalize('NFKC').trim();
    if (t === '') continue;
    if (!/^\d{1,2}$/.test(t)) errors.push(item);
    else value.push({ item, qty: Number(t) });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
