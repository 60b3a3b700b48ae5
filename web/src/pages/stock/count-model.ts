import type { Balance, MovementRequest } from '../../api/stock.ts';
import { parseQty } from './grid-model.ts';

/** The lines of a count sheet for one depot: each item's sizes in catalogue order with what the ledger expects. */

export interface CountLine {
  item: string;
  size: string;
  /** What the ledger says is on the shelf (serviceable, on hand). */
  expected: number;
}

export interface CatalogueItem {
  id: string;
  sizes: readonly string[];
}

/**
 * Count-sheet lines for `depot`. With `allSizes` every catalogue size is listed (a blank sheet for a full count);
 * otherwise only sizes the ledger has anything of in that depot (on hand, reserved or in transit), so a sheet for
 * a depot holding a few sizes is not pages of zeros.
 */
export function countLines(
  depot: string,
  items: readonly CatalogueItem[],
  balances: readonly Balance[],
  opts: { allSizes: boolean },
): CountLine[] {
  const here = new Map<string, Balance>();
  for (const b of balances) if (b.depot === depot) here.set(`${b.item}\u0000${b.size}`, b);
  const lines: CountLine[] = [];
  for (const item of items) {
    for (const size of item.sizes) {
      const b = here.get(`${item.id}\u0000${size}`);
      const touched = b !== undefined && (b.onHand !== 0 || b.reserved !== 0 || b.inTransit !== 0);
      if (opts.allSizes || touched) lines.push({ item: item.id, size, expected: b?.onHand ?? 0 });
    }
  }
  return lines;
}

/** The key of a count line in maps of entered values. */
export const lineKey = (l: { item: string; size: string }) => `${l.item}\u0000${l.size}`;

/**
 * The count movements of a filled-in sheet: one per line with a number (0 = the shelf is empty), none for blank
 * lines, in sheet order. The server works out each variance from what it believed was there.
 */
export function countMovements(
  depot: string,
  lines: readonly CountLine[],
  entered: ReadonlyMap<string, string>,
  reason: string,
): { ok: true; value: MovementRequest[] } | { ok: false; errors: string[] } {
  const value: MovementRequest[] = [];
  const errors: string[] = [];
  const why = reason.trim() || undefined;
  for (const line of lines) {
    const parsed = parseQty(entered.get(lineKey(line)) ?? '');
    if (!parsed.ok) errors.push(lineKey(line));
    else if (parsed.value !== undefined)
      value.push({
        type: 'count',
        depot,
        item: line.item,
        size: line.size,
        qty: parsed.value,
        ...(why ? { reason: why } : {}),
      });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
