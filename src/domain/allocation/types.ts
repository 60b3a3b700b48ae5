/**
 * The allocation problem as plain data: what the instance file holds (`kitout allocate --instance`) and what the
 * solver answers. Names of depots, sites, items and sizes are opaque strings compared exactly; a depot and a site
 * with the same name are the same place.
 */

/** Units of one catalogue size of one item held at one depot. */
export interface StockRow {
  readonly depot: string;
  readonly item: string;
  readonly size: string;
  readonly qty: number;
}

/** A class of interchangeable people: same item, same preferred size, same issue site. */
export interface DemandRow {
  readonly site: string;
  readonly item: string;
  readonly size: string;
  readonly count: number;
}

/**
 * `issued` may be handed to someone who prefers `preferred`, at `cost`. Issuing the preferred size itself costs 0
 * unless a rule with `preferred === issued` says otherwise.
 */
export interface SubstitutionRule {
  readonly item: string;
  readonly preferred: string;
  readonly issued: string;
  readonly cost: number;
  /**
   * Grid steps from preferred to issued (+ up, − down) when the rule came from a size grid; only used to explain
   * the choice to a person ("one size up").
   */
  readonly steps?: number;
}

/** `depot` may serve `site` at `cost` per unit. A depot serves the site of its own name at 0 unless overridden. */
export interface TransportRule {
  readonly depot: string;
  readonly site: string;
  readonly cost: number;
}

/** One allocation problem; every cost and count is a whole number, so the optimum is exact. */
export interface AllocationInstance {
  /** The cost of leaving one person without one item. */
  readonly unmetCost: number;
  readonly stock: readonly StockRow[];
  readonly demand: readonly DemandRow[];
  readonly substitutions: readonly SubstitutionRule[];
  readonly transport: readonly TransportRule[];
}

/** `qty` people of class (item, site, preferred) receive size `issued` from `depot`. */
export interface Flow {
  readonly item: string;
  readonly depot: string;
  readonly site: string;
  readonly preferred: string;
  readonly issued: string;
  readonly qty: number;
}

/** The solver's answer, the `--json` shape of `kitout allocate`. */
export interface AllocationResult {
  /** Σ qty × (substitution cost + transport cost) + unmetCost × unmet. */
  readonly objective: number;
  /** People × items left without. */
  readonly unmet: number;
  /** Sorted by item, site, preferred, issued, depot. */
  readonly flows: readonly Flow[];
}
