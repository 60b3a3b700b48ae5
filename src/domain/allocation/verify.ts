import { RuleBook } from './rule-book.ts';
import type { AllocationInstance, AllocationResult } from './types.ts';

/**
 * Checks an answer against its instance without trusting the solver: every flow uses an allowed size and an
 * allowed depot, no stock is issued twice, no class gets more than it has people, and `unmet` and `objective` add up.
 * Returns the problems found, in plain words; an empty list means the answer is feasible and correctly costed.
 */
export function verifyAllocation(instance: AllocationInstance, result: AllocationResult): string[] {
  const rules = new RuleBook(instance);
  const problems: string[] = [];
  const stockLeft = new Map<string, number>();
  for (const r of instance.stock) stockLeft.set(key(r.depot, r.item, r.size), r.qty);
  const peopleLeft = new Map<string, number>();
  let totalDemand = 0;
  for (const r of instance.demand) {
    peopleLeft.set(key(r.site, r.item, r.size), r.count);
    totalDemand += r.count;
  }
  let served = 0;
  let cost = 0;
  result.flows.forEach((f, i) => {
    const at = `flows[${i}] (${f.item} ${f.preferred}→${f.issued}, ${f.depot}→${f.site})`;
    if (!Number.isSafeInteger(f.qty) || f.qty <= 0)
      problems.push(`${at}: qty ${f.qty} is not a whole number > 0`);
    const sub = rules.substitutionCost(f.item, f.preferred, f.issued);
    const route = rules.transportCost(f.depot, f.site);
    if (sub === undefined) problems.push(`${at}: issuing ${f.issued} for ${f.preferred} is not allowed`);
    if (route === undefined) problems.push(`${at}: depot ${f.depot} may not serve site ${f.site}`);
    cost += f.qty * ((sub ?? 0) + (route ?? 0));
    served += f.qty;
    const s = key(f.depot, f.item, f.issued);
    const d = key(f.site, f.item, f.preferred);
    stockLeft.set(s, (stockLeft.get(s) ?? 0) - f.qty);
    peopleLeft.set(d, (peopleLeft.get(d) ?? 0) - f.qty);
  });
  for (const [k, left] of stockLeft)
    if (left < 0) problems.push(`stock ${show(k)} is issued ${-left} more than held`);
  for (const [k, left] of peopleLeft)
    if (left < 0) problems.push(`class ${show(k)} gets ${-left} more than its people`);
  const unmet = totalDemand - served;
  if (unmet !== result.unmet) problems.push(`unmet is ${result.unmet}, but the flows leave ${unmet}`);
  const objective = cost + instance.unmetCost * unmet;
  if (objective !== result.objective)
    problems.push(`objective is ${result.objective}, but the flows cost ${objective}`);
  return problems;
}

function key(place: string, item: string, size: string): string {
  return `${place}\u0000${item}\u0000${size}`;
}

function show(k: string): string {
  return k.split('\u0000').join('/');
}
