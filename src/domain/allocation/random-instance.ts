import { seededRandom } from './random.ts';
import type { AllocationInstance, DemandRow, StockRow, SubstitutionRule, TransportRule } from './types.ts';

/** Upper bounds on a random instance's size: depots, sizes per item, items, and units per stock or demand row. */
export interface RandomLimits {
  readonly depots?: number;
  readonly sizes?: number;
  readonly items?: number;
  readonly count?: number;
}

/**
 * A small random instance for property tests and fuzzing, deliberately unlike real kit: substitutions in any
 * direction, zero costs, same-name overrides, sites without a depot of their name, stock from very short to
 * plentiful, and an unmet cost that is sometimes cheaper than some substitutions. Always valid (no duplicates,
 * no unknown names), so `parseInstance` accepts it.
 */
export function randomInstance(seed: number, limits: RandomLimits = {}): AllocationInstance {
  const { depots: maxDepots = 4, sizes: maxSizes = 8, items: maxItems = 3, count: maxCount = 30 } = limits;
  const rng = seededRandom(seed);
  const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  const depots = names('D', rng.int(1, maxDepots));
  // Some sites share a depot's name (served at 0 by default), others have no depot of their own.
  const sites = rng.shuffle([...depots, 'S1', 'S2']).slice(0, rng.int(1, depots.length + 2));
  const items = names('item', rng.int(1, maxItems));
  const stockScale = rng.pick([0, 0.2, 0.5, 1, 2, 4]);
  const stock: StockRow[] = [];
  const demand: DemandRow[] = [];
  const substitutions: SubstitutionRule[] = [];
  for (const item of items) {
    const sizes = names('s', rng.int(1, maxSizes));
    const density = rng.next();
    for (const depot of depots) {
      for (const size of sizes) {
        if (rng.next() < density)
          stock.push({ depot, item, size, qty: Math.round(rng.int(0, maxCount) * stockScale) });
      }
    }
    for (const site of sites) {
      for (const size of sizes)
        if (rng.next() < 0.7) demand.push({ site, item, size, count: rng.int(0, maxCount) });
    }
    const subDensity = rng.pick([0, 0.2, 0.5, 1]);
    for (const preferred of sizes) {
      for (const issued of sizes) {
        // A rule for the same size overrides its default cost of 0, so keep those rare.
        const chance = preferred === issued ? 0.1 : subDensity;
        if (rng.next() < chance) substitutions.push({ item, preferred, issued, cost: rng.int(0, 6) });
      }
    }
  }
  const stocked = new Set(stock.map((r) => r.depot));
  const wanted = new Set(demand.map((r) => r.site));
  const transport: TransportRule[] = [];
  const routeDensity = rng.pick([0, 0.3, 0.7, 1]);
  for (const depot of depots) {
    for (const site of sites) {
      if (!stocked.has(depot) || !wanted.has(site)) continue;
      const chance = depot === site ? 0.1 : routeDensity;
      if (rng.next() < chance) transport.push({ depot, site, cost: rng.int(0, 8) });
    }
  }
  const stockItems = new Set([...stock, ...demand].map((r) => r.item));
  return {
    unmetCost: rng.pick([0, 1, 3, 5, 10, 20, 1000]),
    stock,
    demand,
    substitutions: substitutions.filter((r) => stockItems.has(r.item)),
    transport,
  };
}
