import type { AllocationInstance, SubstitutionRule } from './types.ts';

/** Orders names by UTF-16 code units: the same everywhere, unlike `localeCompare`, so output never depends on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An allowed choice with its cost, e.g. an issued size for a preferred size, or a depot for a site. */
export interface Option {
  readonly name: string;
  readonly cost: number;
}

/**
 * The instance's rules with the implicit ones made explicit: issuing the preferred size costs 0 and a depot serves
 * the site of its own name at 0, unless a listed rule for that same pair says otherwise. Everything else not listed
 * is not allowed. Solver, verifier, explanations and the HiGHS model all read the rules through this one place.
 */
export class RuleBook {
  private readonly subs = new Map<string, Map<string, Map<string, SubstitutionRule>>>();
  private readonly routes = new Map<string, Map<string, number>>();

  constructor(instance: Pick<AllocationInstance, 'substitutions' | 'transport'>) {
    for (const r of instance.substitutions) {
      let byPreferred = this.subs.get(r.item);
      if (!byPreferred) {
        byPreferred = new Map();
        this.subs.set(r.item, byPreferred);
      }
      let byIssued = byPreferred.get(r.preferred);
      if (!byIssued) {
        byIssued = new Map();
        byPreferred.set(r.preferred, byIssued);
      }
      byIssued.set(r.issued, r);
    }
    for (const r of instance.transport) {
      let byDepot = this.routes.get(r.site);
      if (!byDepot) {
        byDepot = new Map();
        this.routes.set(r.site, byDepot);
      }
      byDepot.set(r.depot, r.cost);
    }
  }

  /** The cost of issuing `issued` to someone who prefers `preferred`, or undefined when not allowed. */
  substitutionCost(item: string, preferred: string, issued: string): number | undefined {
    const listed = this.subs.get(item)?.get(preferred)?.get(issued);
    if (listed !== undefined) return listed.cost;
    return preferred === issued ? 0 : undefined;
  }

  /** Grid steps from `preferred` to `issued` when the rule states them (rules built from a size grid do). */
  substitutionSteps(item: string, preferred: string, issued: string): number | undefined {
    return this.subs.get(item)?.get(preferred)?.get(issued)?.steps;
  }

  /** The cost of serving `site` from `depot`, or undefined when not allowed. */
  transportCost(depot: string, site: string): number | undefined {
    const listed = this.routes.get(site)?.get(depot);
    if (listed !== undefined) return listed;
    return depot === site ? 0 : undefined;
  }

  /** Every size that may be issued for `preferred`, the preferred size included, sorted by name. */
  issuedOptions(item: string, preferred: string): Option[] {
    const out = new Map<string, number>([[preferred, 0]]);
    for (const [issued, rule] of this.subs.get(item)?.get(preferred) ?? []) out.set(issued, rule.cost);
    return toOptions(out);
  }

  /** Every depot that may serve `site`, its namesake included, sorted by name. */
  depotOptions(site: string): Option[] {
    const out = new Map<string, number>([[site, 0]]);
    for (const [depot, cost] of this.routes.get(site) ?? []) out.set(depot, cost);
    return toOptions(out);
  }
}

function toOptions(map: Map<string, number>): Option[] {
  return [...map].map(([name, cost]) => ({ name, cost })).sort((a, b) => compareText(a.name, b.name));
}
