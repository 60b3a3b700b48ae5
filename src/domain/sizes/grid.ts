import { DIMENSION_UNIT, type Dimension } from './body.ts';
import { type Note, note, num, pct } from './note.ts';
import type { RoundingMode, TieRule } from './profile.ts';

/** Values closer than this (in cm or mm) are the same value: conversions chain float arithmetic. */
export const EPS = 1e-7;

/** One band of a grid: a label and the closed interval of one body dimension it covers. */
export interface Band {
  label: string;
  /** The label's number (7.125 for `7 1/8`, 4 for height group 4). */
  value: number;
  min: number;
  max: number;
}

/**
 * Where a body interval lands on a grid: the winning band, the other candidates (most likely first), whether
 * the winner was settled by the tie rule, and notes saying why when it was not a clean single band.
 */
export interface Landing {
  best: number;
  others: number[];
  tie: boolean;
  notes: Note[];
}

const NO_NOTES: Note[] = [];
const NONE: number[] = [];

/**
 * The labels of one dimension of a system, sorted, non-overlapping (adjacent bands may share an endpoint;
 * table grids may have gaps). Precomputed once per size profile so the hot path is a binary search.
 */
export class Grid {
  readonly mins: Float64Array;
  readonly maxs: Float64Array;
  private readonly byValue = new Map<number, number>();

  constructor(
    readonly dim: Dimension,
    readonly bands: readonly Band[],
    readonly tie: TieRule,
  ) {
    this.mins = Float64Array.from(bands, (b) => b.min);
    this.maxs = Float64Array.from(bands, (b) => b.max);
    bands.forEach((b, i) => {
      this.byValue.set(b.value, i);
      const prev = bands[i - 1];
      if (!(b.min <= b.max) || (prev && b.min < prev.max - EPS)) {
        throw new Error(`grid ${dim}: band ${b.label} overlaps or is inverted`);
      }
    });
  }

  /** The band index of a label value, or -1 when the value is not one of the grid's labels. */
  indexOfValue(value: number): number {
    return this.byValue.get(value) ?? -1;
  }

  get first(): Band {
    return this.bands[0]!;
  }
  get last(): Band {
    return this.bands[this.bands.length - 1]!;
  }

  /** First band whose max is at or above x (closed intervals). */
  private endingAtOrAfter(x: number): number {
    let lo = 0;
    let hi = this.maxs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.maxs[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private byTie(lower: number, upper: number): number {
    return this.tie === 'larger' ? upper : lower;
  }

  /** Where the point x lands; undefined when x lies beyond the grid's first or last band. */
  pickPoint(x: number): Landing | undefined {
    const n = this.mins.length;
    const i = this.endingAtOrAfter(x - EPS);
    if (i === n) return undefined;
    const unit = DIMENSION_UNIT[this.dim];
    if (this.mins[i]! > x + EPS) {
      if (i === 0) return undefined;
      // x sits in a gap of a table grid: both neighbours are candidates, the nearer wins.
      const below = x - this.maxs[i - 1]!;
      const above = this.mins[i]! - x;
      const tie = Math.abs(below - above) <= EPS;
      const best = tie ? this.byTie(i - 1, i) : below < above ? i - 1 : i;
      const other = best === i ? i - 1 : i;
      const params = {
        dim: this.dim,
        value: num(x),
        unit,
        a: this.bands[i - 1]!.label,
        b: this.bands[i]!.label,
      };
      const n1 = tie
        ? note('note.betweenTie', { ...params, pick: this.bands[best]!.label, tie: this.tie })
        : note('note.between', { ...params, pick: this.bands[best]!.label });
      return { best, others: [other], tie, notes: [n1] };
    }
    if (i + 1 < n && this.mins[i + 1]! <= x + EPS) {
      const best = this.byTie(i, i + 1);
      const a = this.bands[i]!.label;
      const b = this.bands[i + 1]!.label;
      const pick = this.bands[best]!.label;
      const n1 = note('note.boundaryTie', { dim: this.dim, value: num(x), unit, a, b, pick, tie: this.tie });
      return { best, others: [best === i ? i + 1 : i], tie: true, notes: [n1] };
    }
    return { best: i, others: NONE, tie: false, notes: NO_NOTES };
  }

  /**
   * Where the closed interval [lo, hi] lands. Every band it overlaps by a positive length is a candidate,
   * ranked by the share of the interval it covers; equal shares are settled by the tie rule. A point
   * interval is {@link pickPoint}.
   */
  pick(lo: number, hi: number): Landing | undefined {
    const span = hi - lo;
    if (span <= EPS) return this.pickPoint((lo + hi) / 2);
    const n = this.mins.length;
    const idx: number[] = [];
    const shares: number[] = [];
    let covered = 0;
    for (let j = this.endingAtOrAfter(lo + EPS); j < n && this.mins[j]! < hi - EPS; j++) {
      const overlap = Math.min(hi, this.maxs[j]!) - Math.max(lo, this.mins[j]!);
      if (overlap <= EPS) continue;
      covered += overlap;
      // Insertion by share, larger first; equal shares keep grid order.
      const share = overlap / span;
      let k = idx.length;
      while (k > 0 && shares[k - 1]! < share - 1e-9) k--;
      idx.splice(k, 0, j);
      shares.splice(k, 0, share);
    }
    if (idx.length === 0) return this.pickPoint((lo + hi) / 2);
    const outside = covered < span - EPS;
    if (idx.length === 1) {
      return {
        best: idx[0]!,
        others: NONE,
        tie: false,
        notes: outside ? [this.outsideNote(lo, hi)] : NO_NOTES,
      };
    }
    let tied = 1;
    while (tied < idx.length && Math.abs(shares[tied]! - shares[0]!) <= 1e-9) tied++;
    let bestAt = 0;
    if (tied > 1) {
      for (let k = 1; k < tied; k++) {
        const better = this.tie === 'larger' ? idx[k]! > idx[bestAt]! : idx[k]! < idx[bestAt]!;
        if (better) bestAt = k;
      }
    }
    const best = idx[bestAt]!;
    const others = idx.filter((_, k) => k !== bestAt);
    const candidates = idx.map((j, k) => `${this.bands[j]!.label} (${pct(shares[k]!)})`).join(', ');
    const unit = DIMENSION_UNIT[this.dim];
    const params = {
      dim: this.dim,
      min: num(lo),
      max: num(hi),
      unit,
      candidates,
      pick: this.bands[best]!.label,
    };
    const notes = [
      tied > 1 ? note('note.spansTie', { ...params, tie: this.tie }) : note('note.spans', params),
    ];
    if (outside) notes.push(this.outsideNote(lo, hi));
    return { best, others, tie: tied > 1, notes };
  }

  private outsideNote(lo: number, hi: number): Note {
    return note('note.partlyOutside', {
      dim: this.dim,
      min: num(lo),
      max: num(hi),
      unit: DIMENSION_UNIT[this.dim],
      first: this.first.label,
      last: this.last.label,
    });
  }
}

/** A grid whose labels step evenly and map to the body by a monotone function (most systems). */
export interface AffineSpec {
  dim: Dimension;
  /** First and last label value, and the step between labels. */
  from: number;
  to: number;
  step: number;
  /** Body value (cm or mm) of a label value; must increase with it. */
  toBody: (value: number) => number;
  label: (value: number) => string;
  mode: RoundingMode;
  tie: TieRule;
}

/** The body interval a label value claims when labels are `step` apart, under the rounding mode. */
export function claimOf(
  spec: Pick<AffineSpec, 'toBody' | 'mode'>,
  value: number,
  step: number,
): [number, number] {
  const { toBody, mode } = spec;
  if (mode === 'up') return [toBody(value - step), toBody(value)];
  if (mode === 'down') return [toBody(value), toBody(value + step)];
  return [toBody(value - step / 2), toBody(value + step / 2)];
}

export function affineGrid(spec: AffineSpec): Grid {
  const bands: Band[] = [];
  const count = Math.round((spec.to - spec.from) / spec.step);
  for (let k = 0; k <= count; k++) {
    const value = spec.from + k * spec.step;
    const [min, max] = claimOf(spec, value, spec.step);
    bands.push({ label: spec.label(value), value, min, max });
  }
  return new Grid(spec.dim, bands, spec.tie);
}

/** True when `value` is `from + k·step` for a whole k (to float precision). */
export function onStep(value: number, from: number, step: number): boolean {
  const k = (value - from) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}
