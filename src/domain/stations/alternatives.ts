import { type CatalogueGrid, RuleBook, substitutionRulesFor } from '../allocation/index.ts';

/** A size that may be issued instead, by the item's substitution rules, and how much of it the depot has free. */
export interface Alternative {
  size: string;
  available: number;
  /** `up:N` (N grid steps larger), `down:N` (smaller), or `other` (a move along two axes the other way round). */
  reason: string;
  /** The substitution's cost by the allocation's rules (lower is a closer fit). */
  cost: number;
}

/**
 * The next best sizes for `wanted` of an item that are in stock, by the same substitution rules allocation uses
 * (a jacket one chest size or height group up, boots +5 mm before +10 mm, hats ±1 cm): cheapest first, then the
 * one with more on the shelf, then by grid order. Sizes the rules do not allow are never offered.
 */
export function alternativesFor(
  item: CatalogueGrid,
  wanted: string,
  availableOf: (size: string) => number,
  limit = 3,
): Alternative[] {
  const book = ruleBookOf(item);
  const order = new Map(item.sizes.map((s, i) => [s, i]));
  return book
    .issuedOptions(item.id, wanted)
    .filter((o) => o.name !== wanted)
    .map((o) => {
      const steps = book.substitutionSteps(item.id, wanted, o.name);
      return {
        size: o.name,
        available: Math.max(0, availableOf(o.name)),
        reason: steps === undefined ? 'other' : steps > 0 ? `up:${steps}` : `down:${-steps}`,
        cost: o.cost,
      };
    })
    .filter((a) => a.available > 0)
    .sort(
      (a, b) =>
        a.cost - b.cost || b.available - a.available || (order.get(a.size) ?? 0) - (order.get(b.size) ?? 0),
    )
    .slice(0, limit);
}

// Rule books are built from a catalogue grid that rarely changes; keep the last few by their content.
const books = new Map<string, RuleBook>();

function ruleBookOf(item: CatalogueGrid): RuleBook {
  const key = `${item.id}\u0000${item.sizeSystem}\u0000${item.sizes.join('\u0001')}`;
  let book = books.get(key);
  if (!book) {
    if (books.size > 200) books.clear();
    book = new RuleBook({ substitutions: substitutionRulesFor(item), transport: [] });
    books.set(key, book);
  }
  return book;
}
