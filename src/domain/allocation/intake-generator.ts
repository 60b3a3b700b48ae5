import { classesOf, type Person } from './people.ts';
import { seededRandom } from './random.ts';
import { eitherWay, type GridAxis, rulesFromGrids, upOnly } from './size-grid-rules.ts';
import type { AllocationInstance, StockRow, SubstitutionRule, TransportRule } from './types.ts';

/** A catalogue item for generated intakes: its size grid (one or more axes) and how it may be substituted. */
export interface GeneratedItem {
  readonly name: string;
  readonly axes: readonly GridAxis[];
  readonly label?: (parts: readonly string[]) => string;
  readonly maxCost?: number;
}

const range = (from: number, to: number, step: number): string[] => {
  const out: string[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(String(Math.round(v * 10) / 10));
  return out;
};

/**
 * Eight items with 10–15 sizes each, modelled on a real kit list: jackets and trousers by chest/waist × height
 * group (one size or group up at 1, both at 2, never down), boots by foot length (+5 mm at 1, +10 mm at 3), hats
 * ±1 cm at 1, and so on.
 */
export const DEFAULT_ITEMS: readonly GeneratedItem[] = [
  {
    name: 'jacket',
    axes: [
      { sizes: range(44, 56, 2), policy: upOnly([1]) },
      { sizes: ['3', '4'], policy: upOnly([1]) },
    ],
    label: ([chest, height]) => `${chest}-${height}`,
  },
  {
    name: 'trousers',
    axes: [
      { sizes: range(44, 56, 2), policy: upOnly([1]) },
      { sizes: ['3', '4'], policy: upOnly([1]) },
    ],
    label: ([waist, height]) => `${waist}-${height}`,
  },
  { name: 'shirt', axes: [{ sizes: range(37, 46, 1), policy: upOnly([1, 3]) }] },
  { name: 'boots', axes: [{ sizes: range(240, 300, 5), policy: upOnly([1, 3]) }] },
  { name: 'hat', axes: [{ sizes: range(53, 64, 1), policy: eitherWay([1]) }] },
  { name: 'gloves', axes: [{ sizes: range(6.5, 11.5, 0.5), policy: eitherWay([1]) }] },
  { name: 'belt', axes: [{ sizes: range(80, 130, 5), policy: upOnly([1, 2]) }] },
  { name: 'tshirt', axes: [{ sizes: range(42, 62, 2), policy: upOnly([1, 2]) }] },
];

export interface IntakeOptions {
  readonly seed: number;
  readonly people: number;
  /** Sites, each with a depot of the same name. Default A, B, C. */
  readonly sites?: readonly string[];
  readonly items?: readonly GeneratedItem[];
  /** Stock held against expected demand, overall; short sizes get far less. Default 1.1. */
  readonly stockRatio?: number;
  /** Share of (depot, item, size) stock rows that are short. Default 0.2. */
  readonly shortShare?: number;
  readonly unmetCost?: number;
}

/** A generated intake: the people, and everything about stock and rules an allocation needs. */
export interface Intake {
  readonly people: Person[];
  readonly stock: StockRow[];
  readonly substitutions: SubstitutionRule[];
  readonly transport: TransportRule[];
  readonly unmetCost: number;
}

/**
 * A realistic, seeded intake for tests and benchmarks: people spread unevenly over the sites, sizes drawn around the
 * middle of each grid from one body build per person (so a big jacket goes with big trousers), stock at each depot
 * near the local demand with some sizes short, and transfers between depots at a cost, one route missing.
 * Person ids are `P-0000001`…, already in id order.
 */
export function generateIntake(options: IntakeOptions): Intake {
  const rng = seededRandom(options.seed);
  const sites = options.sites ?? ['A', 'B', 'C'];
  const items = options.items ?? DEFAULT_ITEMS;
  const stockRatio = options.stockRatio ?? 1.1;
  const shortShare = options.shortShare ?? 0.2;
  const grids = items.map((it) => gridSizes(it));
  // Site shares such as 50 / 30 / 20 %: large intakes are rarely even.
  const weights = sites.map((_, i) => 1 / (i + 1));
  const cumulative = weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0) / sum(weights));
  const width = String(options.people).length + 1;
  const people: Person[] = new Array(options.people);
  for (let p = 0; p < options.people; p++) {
    const u = rng.next();
    const site = sites[cumulative.findIndex((c) => u < c)] ?? sites[sites.length - 1]!;
    const build = rng.normal();
    const sizes: Record<string, string> = {};
    items.forEach((it, i) => {
      const grid = grids[i]!;
      const z = 0.75 * build + 0.66 * rng.normal();
      const idx = Math.round((grid.length - 1) / 2 + z * (grid.length / 5));
      sizes[it.name] = grid[Math.max(0, Math.min(grid.length - 1, idx))]!;
    });
    people[p] = { id: `P-${String(p + 1).padStart(width, '0')}`, site, sizes };
  }
  const stock: StockRow[] = [];
  const demand = classesOf(people);
  for (const depot of sites) {
    items.forEach((it, i) => {
      for (const size of grids[i]!) {
        const wanted =
          demand.find((r) => r.site === depot && r.item === it.name && r.size === size)?.count ?? 0;
        const factor =
          rng.next() < shortShare ? 0.2 + 0.5 * rng.next() : stockRatio * (0.85 + 0.3 * rng.next());
        stock.push({ depot, item: it.name, size, qty: Math.round(wanted * factor) });
      }
    });
  }
  const substitutions = items.flatMap((it) =>
    rulesFromGrids(it.name, it.axes, it.label ?? ((parts) => parts[0]!), it.maxCost),
  );
  const routes = sites.flatMap((depot) => sites.filter((s) => s !== depot).map((site) => ({ depot, site })));
  const missing = routes.length > 2 ? rng.int(0, routes.length - 1) : -1;
  const transport = routes.filter((_, i) => i !== missing).map((r) => ({ ...r, cost: rng.int(2, 6) }));
  return { people, stock, substitutions, transport, unmetCost: options.unmetCost ?? 100 };
}

/** The class-level allocation instance of an intake (people grouped by item, site and preferred size). */
export function instanceOf(intake: Intake): AllocationInstance {
  return {
    unmetCost: intake.unmetCost,
    stock: intake.stock,
    demand: classesOf(intake.people),
    substitutions: intake.substitutions,
    transport: intake.transport,
  };
}

function gridSizes(item: GeneratedItem): string[] {
  const label = item.label ?? ((parts: readonly string[]) => parts[0]!);
  let combos: string[][] = [[]];
  for (const axis of item.axes) combos = combos.flatMap((c) => axis.sizes.map((s) => [...c, s]));
  return combos.map(label);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
