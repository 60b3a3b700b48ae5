import type { Balance, MovementRequest } from '../../api/stock.ts';

/**
 * The stock grid of one item, as Odoo's variant grid lays it out: sizes down (in catalogue order), depots across.
 * Pure functions over plain data, so the page only draws what these compute.
 */

export interface Buckets {
  onHand: number;
  reserved: number;
  inTransit: number;
  unserviceable: number;
  available: number;
}

export const NO_STOCK: Buckets = { onHand: 0, reserved: 0, inTransit: 0, unserviceable: 0, available: 0 };

export interface GridRow {
  size: string;
  /** One per depot, in the order of `Grid.depots`. */
  cells: Buckets[];
  total: Buckets;
}

export interface Grid {
  item: string;
  depots: string[];
  rows: GridRow[];
  /** One per depot: the column sums. */
  totals: Buckets[];
  total: Buckets;
}

const plus = (a: Buckets, b: Buckets): Buckets => ({
  onHand: a.onHand + b.onHand,
  reserved: a.reserved + b.reserved,
  inTransit: a.inTransit + b.inTransit,
  unserviceable: a.unserviceable + b.unserviceable,
  available: a.available + b.available,
});

const sum = (cells: Buckets[]) => cells.reduce(plus, NO_STOCK);

/** The key of one cell (a size in a depot) in maps of entered values. */
export const cellKey = (size: string, depot: string) => `${size}\u0000${depot}`;

/**
 * Lays the balances of `item` out as sizes × depots. Every catalogue size gets a row and every depot a column, with
 * zeros where the ledger has never touched that cell; balances of other items or depots are left out.
 */
export function buildGrid(
  item: string,
  sizes: readonly string[],
  depots: readonly string[],
  balances: Balance[],
) {
  const found = new Map<string, Buckets>();
  for (const b of balances) {
    if (b.item !== item) continue;
    const { onHand, reserved, inTransit, unserviceable, available } = b;
    found.set(cellKey(b.size, b.depot), { onHand, reserved, inTransit, unserviceable, available });
  }
  const rows: GridRow[] = sizes.map((size) => {
    const cells = depots.map((d) => found.get(cellKey(size, d)) ?? NO_STOCK);
    return { size, cells, total: sum(cells) };
  });
  const totals = depots.map((_, i) => sum(rows.map((r) => r.cells[i]!)));
  return { item, depots: [...depots], rows, totals, total: sum(totals) } satisfies Grid;
}

export type Level = 'none' | 'low' | 'ok';

/** How a cell is shown: nothing available, running low (below `lowBelow`), or enough. */
export function levelOf(available: number, lowBelow: number): Level {
  if (available <= 0) return 'none';
  return available < lowBelow ? 'low' : 'ok';
}

export const MAX_QTY = 1_000_000;

export type QtyParse = { ok: true; value: number | undefined } | { ok: false; code: 'not_whole' | 'too_big' };

/**
 * A quantity typed into a cell: blank means "nothing entered", otherwise a whole number. Full-width digits (what a
 * Korean or Japanese input method types) count as digits; signs, decimals, exponents and spaces inside do not.
 */
export function parseQty(text: string): QtyParse {
  const t = text.normalize('NFKC').trim();
  if (t === '') return { ok: true, value: undefined };
  if (!/^\d+$/.test(t)) return { ok: false, code: 'not_whole' };
  const n = Number(t);
  if (n > MAX_QTY) return { ok: false, code: 'too_big' };
  return { ok: true, value: n };
}

export type EntryMode = 'receipt' | 'count';

export interface EntryProblem {
  size: string;
  depot: string;
  code: 'not_whole' | 'too_big';
}

export type EntryResult =
  | { ok: true; value: { movements: MovementRequest[]; cells: { size: string; depot: string }[] } }
  | { ok: false; errors: EntryProblem[] };

/**
 * The movements a filled-in grid stands for, in grid order (size by size, depot by depot), with the cell each came
 * from so a refusal of movement n can be shown on its cell. Receiving 0 is no movement; counting 0 is a count (the
 * shelf is empty). Blank cells are left alone in both modes.
 */
export function entryMovements(
  mode: EntryMode,
  grid: Pick<Grid, 'item' | 'rows' | 'depots'>,
  entered: ReadonlyMap<string, string>,
  extra: { document?: string; reason?: string } = {},
): EntryResult {
  const movements: MovementRequest[] = [];
  const cells: { size: string; depot: string }[] = [];
  const errors: EntryProblem[] = [];
  const document = extra.document?.trim() || undefined;
  const reason = extra.reason?.trim() || undefined;
  for (const row of grid.rows) {
    for (const depot of grid.depots) {
      const parsed = parseQty(entered.get(cellKey(row.size, depot)) ?? '');
      if (!parsed.ok) {
        errors.push({ size: row.size, depot, code: parsed.code });
        continue;
      }
      const qty = parsed.value;
      if (qty === undefined || (mode === 'receipt' && qty === 0)) continue;
      movements.push({
        type: mode,
        depot,
        item: grid.item,
        size: row.size,
        qty,
        ...(document ? { document } : {}),
        ...(reason ? { reason } : {}),
      });
      cells.push({ size: row.size, depot });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { movements, cells } };
}

/**
 * The Idempotency-Key for sending `request` (a grid's movements, a reversal): the pending key again when the same grid is saved again (a retry after a
 * lost answer must not post twice), a new one when what is saved has changed.
 */
export function keyFor(
  pending: { key: string; signature: string } | null,
  request: unknown,
  newKey: () => string,
): { key: string; signature: string } {
  const signature = JSON.stringify(request);
  return pending && pending.signature === signature ? pending : { key: newKey(), signature };
}

/**
 * Which movement of a batch the server refused, from its message (`movement 3: out of stock: …`), 0-based; undefined
 * when the message does not say.
 */
export function refusedIndex(message: string): number | undefined {
  const m = /^movement (\d+):/.exec(message);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 ? n - 1 : undefined;
}
