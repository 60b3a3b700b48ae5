import type { Centimetres, Millimetres } from './units.ts';

/** The body dimensions a size label can speak about, in the order they are printed. */
export const DIMENSIONS = [
  'headGirth',
  'chest',
  'waist',
  'hip',
  'height',
  'footLength',
  'footWidth',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Garment and head dimensions are in centimetres; foot dimensions in millimetres (as on shoe labels). */
export const DIMENSION_UNIT: Readonly<Record<Dimension, 'cm' | 'mm'>> = {
  headGirth: 'cm',
  chest: 'cm',
  waist: 'cm',
  hip: 'cm',
  height: 'cm',
  footLength: 'mm',
  footWidth: 'mm',
};

export function isDimension(value: unknown): value is Dimension {
  return typeof value === 'string' && (DIMENSIONS as readonly string[]).includes(value);
}

/**
 * A closed interval of one body dimension: both `min` and `max` are inclusive.
 *
 * Adjacent labels of a system share their endpoint (head-cm 57 is 56.5–57.5, 58 is 57.5–58.5), so a value
 * exactly on a shared endpoint belongs to both: that is a *tie*, always reported, and the size profile's tie
 * rule says which label wins. A measurement is the point interval `min === max`.
 */
export interface Interval<U extends number = number> {
  min: U;
  max: U;
}

/** What a size label claims about a body: one interval per dimension it speaks about. */
export interface Body {
  headGirth?: Interval<Centimetres>;
  chest?: Interval<Centimetres>;
  waist?: Interval<Centimetres>;
  hip?: Interval<Centimetres>;
  height?: Interval<Centimetres>;
  footLength?: Interval<Millimetres>;
  footWidth?: Interval<Millimetres>;
}

/** Reads a dimension without caring about its unit brand (generic code over every dimension). */
export function dimOf(body: Body, dim: Dimension): Interval | undefined {
  return body[dim];
}

/** Sets a dimension; the one place where a plain number interval takes the dimension's unit brand. */
export function setDim(body: Body, dim: Dimension, min: number, max: number): Body {
  (body as Record<Dimension, Interval>)[dim] = { min, max };
  return body;
}

export const centre = (i: Interval): number => (i.min + i.max) / 2;
export const width = (i: Interval): number => i.max - i.min;

/** The dimensions present in a body, in the canonical order. */
export function dimensionsOf(body: Body): Dimension[] {
  return DIMENSIONS.filter((d) => body[d] !== undefined);
}

/** A copy with every bound rounded to `decimals` places, for printing (the domain computes unrounded). */
export function roundBody(body: Body, decimals = 2): Body {
  const f = 10 ** decimals;
  const out: Body = {};
  for (const d of DIMENSIONS) {
    const i = body[d];
    if (i) setDim(out, d, Math.round(i.min * f) / f, Math.round(i.max * f) / f);
  }
  return out;
}
