import { InputError } from '../errors.ts';
import type { SubstitutionRule } from './types.ts';

/**
 * How far along an ordered size grid a substitute may be, and at what cost: `up[k-1]` is the cost of issuing a size
 * k steps above the preferred one, `down[k-1]` k steps below. A missing or short list means "no further".
 */
export interface StepPolicy {
  readonly up?: readonly number[];
  readonly down?: readonly number[];
}

/** "Up to k steps up at costs [c1, c2, …], never down" — e.g. boots: `upOnly([1, 3])` for +5 mm at 1, +10 mm at 3. */
export function upOnly(costs: readonly number[]): StepPolicy {
  return { up: costs };
}

/** "± k steps at costs [c1, …]" in both directions — e.g. hats: `eitherWay([1])` for one size either way at 1. */
export function eitherWay(costs: readonly number[]): StepPolicy {
  return { up: costs, down: costs };
}

/**
 * Substitution rules for one item from one ordered grid (smallest first), so rules can be derived from a catalogue
 * instead of listed by hand. Each rule carries its `steps` for explanations ("one size up").
 *
 * @example
 * rulesFromGrid('boots', ['260', '265', '270', '275'], upOnly([1, 3]));
 * // 260→265 at 1, 260→270 at 3, 265→270 at 1, 265→275 at 3, 270→275 at 1
 */
export function rulesFromGrid(item: string, grid: readonly string[], policy: StepPolicy): SubstitutionRule[] {
  return rulesFromGrids(item, [{ sizes: grid, policy }], (parts) => parts[0]!);
}

/** One dimension of a multi-dimensional size, e.g. chest girths or height groups of a jacket. */
export interface GridAxis {
  readonly sizes: readonly string[];
  readonly policy: StepPolicy;
}

/**
 * Rules for sizes that combine several grids, e.g. Russian jackets `48-4` = chest 48 × height group 4: a substitute
 * may move along each axis as that axis's policy allows, and the costs add up (one chest size up and one height
 * group up costs 1 + 1). `label` builds the catalogue size from one value per axis; `maxCost` drops dearer pairs.
 *
 * @example
 * rulesFromGrids('jacket', [{ sizes: ['48', '50'], policy: upOnly([1]) }, { sizes: ['3', '4'], policy: upOnly([1]) }],
 *   ([chest, height]) => `${chest}-${height}`);
 * // 48-3→50-3 at 1, 48-3→48-4 at 1, 48-3→50-4 at 2, 48-4→50-4 at 1, 50-3→50-4 at 1
 */
export function rulesFromGrids(
  item: string,
  axes: readonly GridAxis[],
  label: (parts: readonly string[]) => string,
  maxCost = Number.POSITIVE_INFINITY,
): SubstitutionRule[] {
  axes.forEach(checkAxis);
  // For each axis, the moves allowed from each position: [target index, cost, signed steps].
  const moves = axes.map((axis) =>
    axis.sizes.map((_, from) => {
      const out: [number, number, number][] = [[from, 0, 0]];
      (axis.policy.up ?? []).forEach((cost, k) => {
        if (from + k + 1 < axis.sizes.length) out.push([from + k + 1, cost, k + 1]);
      });
      (axis.policy.down ?? []).forEach((cost, k) => {
        if (from - k - 1 >= 0) out.push([from - k - 1, cost, -(k + 1)]);
      });
      return out;
    }),
  );
  const rules: SubstitutionRule[] = [];
  const seen = new Set<string>();
  for (const from of positions(axes)) {
    const preferred = label(from.map((i, a) => axes[a]!.sizes[i]!));
    let partial: { to: number[]; cost: number; steps: number[] }[] = [{ to: [], cost: 0, steps: [] }];
    from.forEach((i, a) => {
      partial = partial.flatMap((p) =>
        moves[a]![i]!.map(([to, cost, steps]) => ({
          to: [...p.to, to],
          cost: p.cost + cost,
          steps: [...p.steps, steps],
        })),
      );
    });
    for (const p of partial) {
      if (p.steps.every((s) => s === 0) || p.cost > maxCost) continue;
      const issued = label(p.to.map((i, a) => axes[a]!.sizes[i]!));
      const key = `${preferred}\u0000${issued}`;
      if (seen.has(key))
        throw new InputError([{ field: 'label', reason: `two sizes are both labelled "${issued}"` }]);
      seen.add(key);
      const steps = sameDirectionSum(p.steps);
      rules.push(
        steps === undefined
          ? { item, preferred, issued, cost: p.cost }
          : { item, preferred, issued, cost: p.cost, steps },
      );
    }
  }
  return rules;
}

function checkAxis(axis: GridAxis, a: number): void {
  if (new Set(axis.sizes).size !== axis.sizes.length) {
    throw new InputError([{ field: `axes[${a}].sizes`, reason: 'a size appears twice in the grid' }]);
  }
  for (const cost of [...(axis.policy.up ?? []), ...(axis.policy.down ?? [])]) {
    if (!Number.isSafeInteger(cost) || cost < 0) {
      throw new InputError([
        { field: `axes[${a}].policy`, reason: `cost ${cost} must be a whole number ≥ 0` },
      ]);
    }
  }
}

function* positions(axes: readonly GridAxis[]): Generator<number[]> {
  if (axes.length === 0) return;
  const idx = axes.map(() => 0);
  if (axes.some((a) => a.sizes.length === 0)) return;
  for (;;) {
    yield [...idx];
    let a = axes.length - 1;
    while (a >= 0 && ++idx[a]! === axes[a]!.sizes.length) idx[a--] = 0;
    if (a < 0) return;
  }
}

/** Total steps when every axis moves the same way (all up or all down); mixed moves have no single direction. */
function sameDirectionSum(steps: readonly number[]): number | undefined {
  if (steps.every((s) => s >= 0) || steps.every((s) => s <= 0)) return steps.reduce((x, y) => x + y, 0);
  return undefined;
}
