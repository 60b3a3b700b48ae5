import type { PersonAllocation } from './hand-out.ts';
import { RuleBook } from './rule-book.ts';
import type { AllocationInstance, Flow } from './types.ts';

/**
 * Why a person got what they got for one item, as an i18n key in the `allocation` namespace and its parameters,
 * so the UI and CLI can say it in the reader's language (`t(reason.key, reason.params)`). A `count` parameter
 * selects the plural form.
 */
export interface Reason {
  readonly item: string;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Builds an explainer for the people of one solved instance. The reasons rest on the optimum's properties: when a
 * person gets something other than their preferred size from their own site's depot, either that depot has none of
 * the preferred size left ("out at site A") or what they got is no dearer (said so); when a person is left without,
 * either nothing allowed is left within reach or everything left costs more than leaving them without.
 *
 * @example
 * const explain = explainer(instance, result.flows);
 * explain(allocation); // [{ item: 'jacket', key: 'reason.substituteUp', params: { preferred: '48-4', issued: '50-4', count: 1, … } }]
 */
export function explainer(instance: AllocationInstance, flows: readonly Flow[]): Explainer {
  const rules = new RuleBook(instance);
  const left = new Map<string, number>();
  for (const r of instance.stock) left.set(stockKey(r.depot, r.item, r.size), r.qty);
  for (const f of flows)
    left.set(
      stockKey(f.depot, f.item, f.issued),
      (left.get(stockKey(f.depot, f.item, f.issued)) ?? 0) - f.qty,
    );
  const remaining = (depot: string, item: string, size: string) => left.get(stockKey(depot, item, size)) ?? 0;

  // A line's reason depends only on its item, preferred size, site and what it got, so people of one class who
  // got the same share one reason: a run of a million people explains a few hundred distinct lines.
  const seen = new Map<string, Reason>();
  const line = (
    item: string,
    preferred: string,
    site: string,
    got: { depot: string; issued: string } | null,
  ) => {
    const key = `${item}\u0000${preferred}\u0000${site}\u0000${got?.depot ?? ''}\u0000${got?.issued ?? ''}`;
    let reason = seen.get(key);
    if (!reason) {
      reason = explainLine(item, preferred, site, got);
      seen.set(key, reason);
    }
    return reason;
  };
  const explainLine = (
    item: string,
    preferred: string,
    site: string,
    got: { depot: string; issued: string } | null,
  ): Reason => {
    const base = { item, preferred, site };
    if (!got) {
      let cheapest = Number.POSITIVE_INFINITY;
      for (const issued of rules.issuedOptions(item, preferred)) {
        for (const depot of rules.depotOptions(site)) {
          if (remaining(depot.name, item, issued.name) > 0)
            cheapest = Math.min(cheapest, issued.cost + depot.cost);
        }
      }
      const unmetCost = instance.unmetCost;
      return Number.isFinite(cheapest)
        ? { item, key: 'reason.unmetTooDear', params: { ...base, cheapest, unmetCost } }
        : { item, key: 'reason.unmetNoStock', params: { ...base, unmetCost } };
    }
    const { depot, issued } = got;
    const substitutionCost = rules.substitutionCost(item, preferred, issued) ?? 0;
    const transportCost = rules.transportCost(depot, site) ?? 0;
    const params = {
      ...base,
      issued,
      depot,
      substitutionCost,
      transportCost,
      cost: substitutionCost + transportCost,
    };
    // "Here" is any depot that serves the site at no cost: the site's own store, whatever it is called.
    const here = transportCost === 0;
    if (issued === preferred && here) return { item, key: 'reason.preferred', params };
    const localLeft = rules
      .depotOptions(site)
      .filter((d) => d.cost === 0)
      .reduce((sum, d) => sum + remaining(d.name, item, preferred), 0);
    if (localLeft > 0) return { item, key: 'reason.noDearer', params };
    if (issued === preferred) return { item, key: 'reason.preferredFromDepot', params };
    const steps = rules.substitutionSteps(item, preferred, issued);
    const where = here ? '' : 'FromDepot';
    if (steps === undefined || steps === 0) return { item, key: `reason.substitute${where}`, params };
    const direction = steps > 0 ? 'Up' : 'Down';
    return {
      item,
      key: `reason.substitute${direction}${where}`,
      params: { ...params, count: Math.abs(steps) },
    };
  };

  const explain = ({ person, items }: PersonAllocation) =>
    Object.keys(items)
      .sort()
      .map((item) => line(item, person.sizes[item]!, person.site, items[item] ?? null));
  return Object.assign(explain, { line });
}

/**
 * Explains each item of a person's allocation; `line` explains one line on its own and hands back the same object
 * for the same line, so callers may number distinct reasons by identity.
 */
export interface Explainer {
  (allocation: PersonAllocation): Reason[];
  line(item: string, preferred: string, site: string, got: { depot: string; issued: string } | null): Reason;
}

function stockKey(depot: string, item: string, size: string): string {
  return `${depot}\u0000${item}\u0000${size}`;
}
