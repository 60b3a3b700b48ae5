/** One line of a kit record as holdings need it. */
export interface KitLine {
  kind: 'issue' | 'return' | 'exchange' | 'loss' | 'damage';
  item: string;
  size: string;
  /** exchange: the size given back. */
  fromSize?: string | null;
  qty: number;
}

export interface Holding {
  item: string;
  size: string;
  qty: number;
}

/**
 * What a person holds after their kit record: issues − returns − losses, and each exchange swaps one size for
 * another. Damage is recorded but the person still holds the damaged kit until it is returned. Sizes held
 * zero times are left out; the order is item, then size, as first seen.
 */
export function holdingsOf(lines: readonly KitLine[]): Holding[] {
  const held = new Map<string, Holding>();
  const change = (item: string, size: string, by: number) => {
    const key = `${item}\u0000${size}`;
    const h = held.get(key) ?? { item, size, qty: 0 };
    h.qty += by;
    held.set(key, h);
  };
  for (const l of lines) {
    switch (l.kind) {
      case 'issue':
        change(l.item, l.size, l.qty);
        break;
      case 'return':
      case 'loss':
        change(l.item, l.size, -l.qty);
        break;
      case 'exchange':
        if (l.fromSize) change(l.item, l.fromSize, -l.qty);
        change(l.item, l.size, l.qty);
        break;
      case 'damage':
        break;
    }
  }
  return [...held.values()].filter((h) => h.qty !== 0);
}

/** How many of `item` in `size` the holdings hold. */
export function heldQty(holdings: readonly Holding[], item: string, size: string): number {
  return holdings.find((h) => h.item === item && h.size === size)?.qty ?? 0;
}

/**
 * Spreads held sizes over an item's entitled units: a unit whose allocated size is held gets it first, then the
 * rest in order. `issued[i]` is the size held for unit i + 1, or null.
 */
export function unitsIssued(
  allocated: readonly (string | null)[],
  held: readonly Holding[],
): (string | null)[] {
  const pool = new Map<string, number>();
  for (const h of held) if (h.qty > 0) pool.set(h.size, (pool.get(h.size) ?? 0) + h.qty);
  const take = (size: string) => {
    const n = pool.get(size) ?? 0;
    if (n <= 0) return false;
    pool.set(size, n - 1);
    return true;
  };
  const out: (string | null)[] = allocated.map((size) => (size && take(size) ? size : null));
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== null) continue;
    const next = [...pool].find(([, n]) => n > 0);
    if (!next) break;
    take(next[0]);
    out[i] = next[0];
  }
  return out;
}
