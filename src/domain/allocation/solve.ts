import { InputError } from '../errors.ts';
import { FlowGraph } from './min-cost-flow.ts';
import { compareText, RuleBook } from './rule-book.ts';
import type { AllocationInstance, AllocationResult, DemandRow, Flow, StockRow } from './types.ts';

/**
 * Solves an allocation instance exactly: one transportation problem per item, as a min-cost flow from stock
 * (depot × issued size) to classes (site × preferred size). Every unit not sent costs `unmetCost`, so the flow stops
 * once the next cheapest path costs more than that; among equally cheap answers it serves the most people. The
 * answer depends only on the instance's content, not on the order of its arrays.
 *
 * @example
 * solveAllocation({ unmetCost: 1000, stock: [{ depot: 'A', item: 'boots', size: '270', qty: 40 }],
 *   demand: [{ site: 'A', item: 'boots', size: '265', count: 12 }],
 *   substitutions: [{ item: 'boots', preferred: '265', issued: '270', cost: 1 }], transport: [] });
 * // → { objective: 12, unmet: 0, flows: [{ item: 'boots', depot: 'A', site: 'A', preferred: '265', issued: '270', qty: 12 }] }
 */
export function solveAllocation(instance: AllocationInstance): AllocationResult {
  const rules = new RuleBook(instance);
  const stockByItem = groupBy(instance.stock, (r) => r.item);
  const demandByItem = groupBy(instance.demand, (r) => r.item);
  const flows: Flow[] = [];
  let objective = 0;
  let unmet = 0;
  for (const item of [...demandByItem.keys()].sort(compareText)) {
    const solved = solveItem(
      item,
      stockByItem.get(item) ?? [],
      demandByItem.get(item)!,
      rules,
      instance.unmetCost,
    );
    flows.push(...solved.flows);
    objective += solved.cost + instance.unmetCost * solved.unmet;
    unmet += solved.unmet;
  }
  flows.sort(compareFlows);
  return { objective, unmet, flows };
}

/** The order of flows in every answer: item, site, preferred, issued, depot. */
export function compareFlows(a: Flow, b: Flow): number {
  return (
    compareText(a.item, b.item) ||
    compareText(a.site, b.site) ||
    compareText(a.preferred, b.preferred) ||
    compareText(a.issued, b.issued) ||
    compareText(a.depot, b.depot)
  );
}

interface ItemSolution {
  flows: Flow[];
  cost: number;
  unmet: number;
}

function solveItem(
  item: string,
  stockRows: readonly StockRow[],
  demandRows: readonly DemandRow[],
  rules: RuleBook,
  unmetCost: number,
): ItemSolution {
  // Sorted node order makes tie-breaking, and so the answer, independent of the input's order.
  const supply = stockRows
    .filter((r) => r.qty > 0)
    .sort((a, b) => compareText(a.depot, b.depot) || compareText(a.size, b.size));
  const classes = demandRows
    .filter((r) => r.count > 0)
    .sort((a, b) => compareText(a.site, b.site) || compareText(a.size, b.size));
  const totalDemand = classes.reduce((sum, r) => sum + r.count, 0);
  const supplyNode = new Map<string, Map<string, number>>();
  const graph = new FlowGraph(2 + supply.length + classes.length);
  const source = 0;
  const sink = 1;
  supply.forEach((row, i) => {
    let bySize = supplyNode.get(row.depot);
    if (!bySize) {
      bySize = new Map();
      supplyNode.set(row.depot, bySize);
    }
    if (bySize.has(row.size)) throw duplicate('stock', `${row.depot}/${item}/${row.size}`);
    bySize.set(row.size, 2 + i);
    graph.addArc(source, 2 + i, row.qty, 0);
  });
  const arcs: { id: number; depot: string; issued: string; cls: DemandRow }[] = [];
  classes.forEach((cls, j) => {
    const previous = classes[j - 1];
    if (previous && previous.site === cls.site && previous.size === cls.size) {
      throw duplicate('demand', `${cls.site}/${item}/${cls.size}`);
    }
    const node = 2 + supply.length + j;
    graph.addArc(node, sink, cls.count, 0);
    const depots = rules.depotOptions(cls.site);
    for (const issued of rules.issuedOptions(item, cls.size)) {
      for (const depot of depots) {
        const from = supplyNode.get(depot.name)?.get(issued.name);
        const cost = issued.cost + depot.cost;
        // An arc dearer than leaving the person without is never in an optimal answer, so it is left out.
        if (from === undefined || cost > unmetCost) continue;
        const capacity = Math.min(cls.count, supply[from - 2]!.qty);
        arcs.push({
          id: graph.addArc(from, node, capacity, cost),
          depot: depot.name,
          issued: issued.name,
          cls,
        });
      }
    }
  });
  const { value, cost } = graph.minCostFlow(source, sink, unmetCost);
  const flows: Flow[] = [];
  for (const arc of arcs) {
    const qty = graph.flowOn(arc.id);
    if (qty > 0) {
      flows.push({
        item,
        depot: arc.depot,
        site: arc.cls.site,
        preferred: arc.cls.size,
        issued: arc.issued,
        qty,
      });
    }
  }
  return { flows, cost, unmet: totalDemand - value };
}

/** Parsed instances never have these; a caller building one by hand gets a clear error instead of a wrong answer. */
function duplicate(list: string, key: string): InputError {
  return new InputError([{ field: list, reason: `appears twice: ${key}` }]);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
