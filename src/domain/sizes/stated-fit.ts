import { InputError } from '../errors.ts';
import { type Body, type Dimension, setDim } from './body.ts';
import { normaliseLabel, parseAmount, stripUnit, whyNotAmount } from './label-text.ts';

/**
 * How an item sized outside every size system states the body its labels fit: the label is a number, the
 * body value is `label + offset` (cm, or mm for the foot) and each label covers `halfWidth` either side.
 */
export interface StatedDimension {
  dimension: Dimension;
  offset: number;
  halfWidth: number;
}

/**
 * Belts sold by length (buckle to the middle hole) in 10 cm steps: waist = length − 15 cm, ± 5 cm.
 * razmery.info gives "add 15 cm to the waist"; appenzeller-gurt.com says 13 cm; some shops label belts by
 * the waist itself (kakprosto.ru: belt 100 = waist 96–104). The demo catalogue uses the 15 cm reading.
 */
export const BELT_BY_LENGTH_CM: StatedDimension = Object.freeze({
  dimension: 'waist',
  offset: -15,
  halfWidth: 5,
});

const UNIT_RE = /\s?(cm|см|센티)$/i;

/**
 * The body a label of a stated-dimension item fits. A label that is not a number, or that puts the body
 * value at or below zero, is an `InputError` on the field `label`.
 *
 * @example statedFit('110', BELT_BY_LENGTH_CM) // { waist: { min: 90, max: 100 } }
 */
export function statedFit(label: string, stated: StatedDimension): Body {
  const text = stripUnit(normaliseLabel(label), UNIT_RE);
  const value = parseAmount(text);
  if (Number.isNaN(value)) throw new InputError([{ field: 'label', reason: whyNotAmount(text) }]);
  const centre = value + stated.offset;
  if (centre - stated.halfWidth <= 0) {
    throw new InputError([
      {
        field: 'label',
        reason: `${label} would fit ${stated.dimension} ${centre} ± ${stated.halfWidth}, which is not a body`,
      },
    ]);
  }
  return setDim({}, stated.dimension, centre - stated.halfWidth, centre + stated.halfWidth);
}
