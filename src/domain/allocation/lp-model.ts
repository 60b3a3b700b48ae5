import type { PeopleInstance } from './people.ts';
import { RuleBook } from './rule-book.ts';
import type { AllocationInstance, StockRow } from './types.ts';

/**
 * The same allocation problems written as linear programs in CPLEX LP format, for an independent solver (HiGHS)
 * to check our optimum in tests and to race it in benchmarks. Every allowed arc is a column, dear or not, so the
 * reference sees the problem as stated, not as our solver prunes it.
 */
export interface LpModel {
  readonly text: string;
  readonly columns: number;
  readonly rows: number;
}

/** One column per allowed (depot, issued size) → (site, preferred size) arc with stock, one unmet column per class. */
export function classLevelLp(instance: AllocationInstance): LpModel {
  const rules = new RuleBook(instance);
  const lp = new LpWriter();
  const supply = supplyIndex(instance.stock);
  const supplyTerms = new Map<StockRow, string[]>();
  instance.demand.forEach((cls, j) => {
    const terms: string[] = [];
    for (const issued of rules.issuedOptions(cls.item, cls.size)) {
      for (const depot of rules.depotOptions(cls.site)) {
        const row = supply.get(depot.name)?.get(cls.item)?.get(issued.name);
        if (!row) continue;
        const x = lp.column(issued.cost + depot.cost);
        terms.push(x);
        pushTo(supplyTerms, row, x);
      }
    }
    terms.push(lp.column(instance.unmetCost));
    lp.constraint(`d${j}`, terms, '=', cls.count);
  });
  let s = 0;
  for (const [row, terms] of supplyTerms) lp.constraint(`s${s++}`, terms, '<=', row.qty);
  return lp.finish();
}

/**
 * The model without classes: one column per person × item × allowed (issued size, depot) with stock, plus an unmet
 * column, each person's item exactly once, each stock row within its quantity. Pass `items` to build the model of
 * some items only (the problem separates by item, so per-item optima add up to the whole).
 */
export function personLevelLp(input: PeopleInstance, items?: ReadonlySet<string>): LpModel {
  const rules = new RuleBook(input);
  const lp = new LpWriter();
  const supply = supplyIndex(input.stock);
  const supplyTerms = new Map<StockRow, string[]>();
  // Options depend only on (item, site, preferred), so they are worked out once per class, not once per person.
  const optionCache = new Map<string, { row: StockRow; cost: number }[]>();
  let r = 0;
  for (const person of input.people) {
    for (const item in person.sizes) {
      if (items && !items.has(item)) continue;
      const preferred = person.sizes[item]!;
      const key = `${item}\u0000${person.site}\u0000${preferred}`;
      let options = optionCache.get(key);
      if (!options) {
        options = [];
        for (const issued of rules.issuedOptions(item, preferred)) {
          for (const depot of rules.depotOptions(person.site)) {
            const row = supply.get(depot.name)?.get(item)?.get(issued.name);
            if (row) options.push({ row, cost: issued.cost + depot.cost });
          }
        }
        optionCache.set(key, options);
      }
      const terms: string[] = [];
      for (const o of options) {
        const x = lp.column(o.cost);
        terms.push(x);
        pushTo(supplyTerms, o.row, x);
      }
      terms.push(lp.column(input.unmetCost));
      lp.constraint(`p${r++}`, terms, '=', 1);
    }
  }
  let s = 0;
  for (const [row, terms] of supplyTerms) lp.constraint(`s${s++}`, terms, '<=', row.qty);
  return lp.finish();
}

/** Stock rows with something on the shelf, by depot, item and size. */
function supplyIndex(stock: readonly StockRow[]): Map<string, Map<string, Map<string, StockRow>>> {
  const out = new Map<string, Map<string, Map<string, StockRow>>>();
  for (const row of stock) {
    if (row.qty <= 0) continue;
    let byItem = out.get(row.depot);
    if (!byItem) {
      byItem = new Map();
      out.set(row.depot, byItem);
    }
    let bySize = byItem.get(row.item);
    if (!bySize) {
      bySize = new Map();
      byItem.set(row.item, bySize);
    }
    bySize.set(row.size, row);
  }
  return out;
}

function pushTo<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds LP text; long sums are wrapped, since some readers limit line length. Columns are ≥ 0 by default. */
class LpWriter {
  private readonly objective: string[] = [];
  private readonly constraints: string[] = [];
  private rows = 0;

  column(cost: number): string {
    const name = `x${this.objective.length}`;
    this.objective.push(`${cost} ${name}`);
    return name;
  }

  constraint(name: string, terms: readonly string[], sense: '=' | '<=', rhs: number): void {
    this.constraints.push(` ${name}: ${wrap(terms)} ${sense} ${rhs}`);
    this.rows++;
  }

  finish(): LpModel {
    // An LP needs at least one column; a fixed zero keeps an empty problem valid.
    const objective = this.objective.length ? wrap(this.objective) : '0 empty';
    const bounds = this.objective.length ? '' : 'Bounds\n empty = 0\n';
    const text = `Minimize\n obj: ${objective}\nSubject To\n${this.constraints.join('\n')}\n${bounds}End\n`;
    return { text, columns: this.objective.length, rows: this.rows };
  }
}

function wrap(terms: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(terms.slice(i, i + 8).join(' + '));
  return lines.join('\n + ');
}
