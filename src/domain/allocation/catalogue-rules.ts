import { eitherWay, rulesFromGrid, rulesFromGrids, upOnly } from './size-grid-rules.ts';
import type { SubstitutionRule } from './types.ts';

/** A catalogue item as substitution needs it: its size system and sizes in grid order. */
export interface CatalogueGrid {
  id: string;
  sizeSystem: string | null;
  sizes: readonly string[];
}

const numeric = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

/**
 * The substitution rules of an item, by what its sizes measure (the rules):
 * - garments in Russian sizes `48-4`: one chest size or one height group up costs 1, both up 2, never down;
 * - boots by foot length: +5 mm costs 1, +10 mm costs 3, never smaller;
 * - hats by head girth: one size either way costs 1;
 * - anything else (belts, gloves): one size up costs 1, never down.
 */
export function substitutionRulesFor(item: CatalogueGrid): SubstitutionRule[] {
  switch (item.sizeSystem) {
    case 'ru-garment': {
      const parts = item.sizes.map((s) => s.split('-'));
      if (parts.every((p) => p.length === 2)) {
        const chests = [...new Set(parts.map((p) => p[0]!))].sort(numeric);
        const heights = [...new Set(parts.map((p) => p[1]!))].sort(numeric);
        return rulesFromGrids(
          item.id,
          [
            { sizes: chests, policy: upOnly([1]) },
            { sizes: heights, policy: upOnly([1]) },
          ],
          ([chest, height]) => `${chest}-${height}`,
        );
      }
      return rulesFromGrid(item.id, [...item.sizes].sort(numeric), upOnly([1]));
    }
    case 'kr-shoe':
    case 'mondopoint':
    case 'ru-shoe':
      return rulesFromGrid(item.id, [...item.sizes].sort(numeric), upOnly([1, 3]));
    case 'head-cm':
      return rulesFromGrid(item.id, [...item.sizes].sort(numeric), eitherWay([1]));
    default:
      return rulesFromGrid(item.id, item.sizes, upOnly([1]));
  }
}

/** Route costs from depots to sites: a site's own depot is free, the central store near, another site's further. */
export function transportFor(
  depots: readonly { id: string; site: string | null }[],
  sites: readonly string[],
) {
  return depots.flatMap((d) =>
    sites.map((site) => ({ depot: d.id, site, cost: d.site === site ? 0 : d.site === null ? 1 : 3 })),
  );
}
