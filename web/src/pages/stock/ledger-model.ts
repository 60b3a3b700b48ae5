import type { Movement, MovementEffect } from '../../api/stock.ts';

/** Pure helpers of the ledger page: what a movement did, and paging back and forth over a newest-first list. */

export const BUCKETS = ['onHand', 'reserved', 'inTransit', 'unserviceable'] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface EffectChange {
  depot: string;
  item: string;
  size: string;
  bucket: Bucket;
  delta: number;
}

/** The non-zero changes of a movement, bucket by bucket, in the order the server listed the effects. */
export function effectChanges(effects: readonly MovementEffect[]): EffectChange[] {
  return effects.flatMap((e) =>
    BUCKETS.filter((b) => e[b] !== 0).map((bucket) => ({
      depot: e.depot,
      item: e.item,
      size: e.size,
      bucket,
      delta: e[bucket],
    })),
  );
}

/** Ids of the movements on this page that a reversal on this page undoes (a reversal names what it reverses). */
export function reversedOnPage(movements: readonly Movement[]): Set<number> {
  return new Set(movements.flatMap((m) => (m.reverses === null ? [] : [m.reverses])));
}

/**
 * Where the ledger is in its keyset paging: `before` of each page seen so far, newest page first. The first page
 * has no cursor; "older" pushes the last id of the page on screen, "newer" pops.
 */
export interface Cursor {
  stack: (number | undefined)[];
}

export const FIRST_PAGE: Cursor = { stack: [undefined] };

export const currentBefore = (c: Cursor) => c.stack[c.stack.length - 1];

export function older(c: Cursor, lastIdOnPage: number | undefined): Cursor {
  return lastIdOnPage === undefined ? c : { stack: [...c.stack, lastIdOnPage] };
}

export function newer(c: Cursor): Cursor {
  return c.stack.length > 1 ? { stack: c.stack.slice(0, -1) } : c;
}

export const pageNumber = (c: Cursor) => c.stack.length;

/** A change with its sign, `+3` or `−2` (a true minus sign), numbers formatted by `format`. */
export function signed(format: (n: number) => string, n: number): string {
  return n > 0 ? `+${format(n)}` : n < 0 ? `\u2212${format(-n)}` : format(0);
}
