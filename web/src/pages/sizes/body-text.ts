import type { TFunction } from 'i18next';
import { DIMENSION_UNIT, DIMENSIONS } from '../../../../src/domain/sizes/body.ts';
import type { Formatters } from '../../hooks/use-format.ts';
import type { BodyIntervals, SizeSystemInfo } from './types.ts';

/** `94–98`, or `96` for a measured point, in the reader's number format. */
export function intervalText(i: { min: number; max: number }, f: Pick<Formatters, 'number'>): string {
  return i.min === i.max ? f.number(i.min) : `${f.number(i.min)}–${f.number(i.max)}`;
}

/** Each dimension a body states, as `[name, "94–98 cm"]`, in the canonical order. `t` is bound to `sizes`. */
export function bodyParts(
  body: BodyIntervals,
  t: TFunction,
  f: Pick<Formatters, 'number'>,
): [string, string][] {
  return DIMENSIONS.filter((d) => body[d]).map((d) => [
    t(`dim.${d}`),
    `${intervalText(body[d]!, f)} ${t(`unit.${DIMENSION_UNIT[d]}`)}`,
  ]);
}

export const PARTS = ['head', 'torso', 'foot'] as const;

/** Systems grouped by the body part they size, for `<optgroup>`s. */
export function byPart(systems: readonly SizeSystemInfo[]): [(typeof PARTS)[number], SizeSystemInfo[]][] {
  return PARTS.map((p) => [p, systems.filter((s) => s.part === p)]);
}
