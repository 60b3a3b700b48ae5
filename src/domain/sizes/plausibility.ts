import { type Body, centre, DIMENSION_UNIT, type Dimension, type Interval } from './body.ts';
import { type Note, num } from './note.ts';
import type { SizeProfile } from './profile.ts';

/** Something about a person's answers that calls for re-measuring or checking, with the dimensions involved. */
export interface Flag extends Note {
  dimensions: Dimension[];
}

export const flag = (key: string, dimensions: Dimension[], params: Note['params']): Flag => ({
  key,
  params,
  dimensions,
});

/** `57` for a point, `94–98` for an interval. */
export function showInterval(i: Interval): string {
  return i.min === i.max ? String(num(i.min)) : `${num(i.min)}–${num(i.max)}`;
}

const RANGED = ['height', 'headGirth', 'footLength'] as const;

/**
 * Flags measurements (or label claims) outside the profile's plausible ranges — default height 140–210 cm,
 * head girth 48–66 cm, foot 200–330 mm — and a foot length out of proportion to height. Foot length is
 * about 15 % of stature in adults; the default band 12.5–17.5 % is a screening heuristic of this project
 * (it catches a 230 mm foot at 190 cm, ratio 12.1 %), not a figure from the size reference sheet.
 */
export function plausibilityFlags(body: Body, profile: SizeProfile): Flag[] {
  const flags: Flag[] = [];
  for (const dim of RANGED) {
    const i = body[dim];
    if (!i) continue;
    const [lo, hi] = profile.plausibility[dim];
    if (i.max < lo || i.min > hi) {
      flags.push(
        flag('flag.implausible', [dim], {
          dim,
          value: showInterval(i),
          unit: DIMENSION_UNIT[dim],
          min: lo,
          max: hi,
        }),
      );
    }
  }
  const foot = body.footLength;
  const height = body.height;
  if (foot && height) {
    const ratio = centre(foot) / (centre(height) * 10);
    const [lo, hi] = profile.plausibility.footToHeight;
    if (ratio < lo || ratio > hi) {
      flags.push(
        flag('flag.footHeightRatio', ['footLength', 'height'], {
          foot: showInterval(foot),
          height: showInterval(height),
          ratio: Math.round(ratio * 1000) / 1000,
          min: lo,
          max: hi,
        }),
      );
    }
  }
  return flags;
}
