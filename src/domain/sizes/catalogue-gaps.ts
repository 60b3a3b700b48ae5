import { type Body, type Dimension, dimensionsOf } from './body.ts';
import { EPS } from './grid.ts';

/**
 * The fits of an item made in every other size of its system (winter hats 54, 56, 58 … in head-cm, whose
 * labels claim 1 cm each): each size is widened to the middle of the gap to its neighbours, so the sizes
 * the maker skipped are covered, and a 57 cm head sits on the boundary of 56 and 58 (a tie, reported as
 * one) instead of outside both. Only items sized along one dimension are widened; a grid of two
 * dimensions (chest × height) is returned as it is, and so is a size that states nothing. Returns copies.
 */
export function coverGaps(fits: readonly Body[]): Body[] {
  const copies = fits.map((b) => structuredClone(b));
  const dims = new Set(copies.flatMap(dimensionsOf));
  if (dims.size !== 1 || copies.some((b) => dimensionsOf(b).length !== 1)) return copies;
  const dim = [...dims][0] as Dimension;
  const order = copies.map((_, i) => i).sort((a, b) => copies[a]![dim]!.min - copies[b]![dim]!.min);
  for (let k = 1; k < order.length; k++) {
    const lower = copies[order[k - 1]!]![dim]!;
    const upper = copies[order[k]!]![dim]!;
    if (upper.min - lower.max > EPS) {
      const mid = (lower.max + upper.min) / 2;
      lower.max = mid as typeof lower.max;
      upper.min = mid as typeof upper.min;
    }
  }
  return copies;
}
