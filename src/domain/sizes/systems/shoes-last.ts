import { scalarSystem } from '../builders.ts';
import { decimal } from '../label-text.ts';
import { note } from '../note.ts';
import type { SizeProfile } from '../profile.ts';
import type { SizeSystem } from '../system.ts';
import { MM_PER_INCH } from '../units.ts';

/*
 * EU, UK and US shoe sizes count the LAST, not the foot (isegoria.net "Shoe sizes"):
 *   EU = 3/2 × last cm (Paris point 2/3 cm, no offset)
 *   US men = 3 × last in − 24, US women = US men + 1.5, UK = US men − 1 (barleycorn 1/3 in)
 * and last = foot + allowance, where sources disagree (10–15, 15, 20 mm, or 0 on naive pages); the allowance,
 * the women's and UK offsets are size-profile settings. Bodies speak of the foot, so each label's band is
 * turned into foot millimetres here.
 */

const hintEu = (v: number): string | undefined =>
  v > 55 ? 'it looks like millimetres or centimetres; use kr-shoe, mondopoint or cn-shoe' : undefined;
const hintUsUk = (v: number): string | undefined =>
  v > 22 ? 'it looks like an EU size or a foot length; use eu-shoe, kr-shoe or cn-shoe' : undefined;

/** eu-shoe: Paris points of last length; whole sizes by default, half sizes accepted (16–55). */
export function euShoe(p: SizeProfile): SizeSystem {
  const a = p.footToLastMm;
  const { mode, tie } = p.shoeLast;
  return scalarSystem({
    id: 'eu-shoe',
    dim: 'footLength',
    from: 16,
    to: 55,
    step: p.euShoeStep,
    accept: 0.5,
    toBody: (eu) => (eu * 20) / 3 - a,
    label: decimal,
    hint: hintEu,
    stepWords: 'EU sizes are whole or half numbers (42, 42.5)',
    mode,
    tie,
    examples: ['42', '38'],
    rule: note('rule.eu-shoe', { allowance: a, step: p.euShoeStep, rounding: mode, tie }),
  });
}

const usMenFootMm = (us: number, allowance: number): number => ((us + 24) / 3) * MM_PER_INCH - allowance;
const usUkStep = 'sizes go in halves (8, 8.5, 9 …)';

/** us-shoe-men: 3 × last in − 24, half sizes 1–20. */
export function usShoeMen(p: SizeProfile): SizeSystem {
  const a = p.footToLastMm;
  const { mode, tie } = p.shoeLast;
  return scalarSystem({
    id: 'us-shoe-men',
    dim: 'footLength',
    from: 1,
    to: 20,
    step: 0.5,
    toBody: (us) => usMenFootMm(us, a),
    label: decimal,
    hint: hintUsUk,
    stepWords: `US ${usUkStep}`,
    mode,
    tie,
    examples: ['9', '10.5'],
    rule: note('rule.us-shoe-men', { allowance: a, rounding: mode, tie }),
  });
}

/** us-shoe-women: US men's + offset (default 1.5), half sizes; range = the men's range shifted. */
export function usShoeWomen(p: SizeProfile): SizeSystem {
  const a = p.footToLastMm;
  const off = p.usWomenOverUsMen;
  const { mode, tie } = p.shoeLast;
  return scalarSystem({
    id: 'us-shoe-women',
    dim: 'footLength',
    from: 1 + off,
    to: 20 + off,
    step: 0.5,
    toBody: (us) => usMenFootMm(us - off, a),
    label: decimal,
    hint: hintUsUk,
    stepWords: `US ${usUkStep}`,
    mode,
    tie,
    examples: ['7.5', '9'],
    rule: note('rule.us-shoe-women', { allowance: a, offset: off, rounding: mode, tie }),
  });
}

/** uk-shoe: US men's − offset (default 1) = 3 × last in − 25, adult half sizes; range = men's shifted. */
export function ukShoe(p: SizeProfile): SizeSystem {
  const a = p.footToLastMm;
  const off = p.usMenOverUk;
  const { mode, tie } = p.shoeLast;
  return scalarSystem({
    id: 'uk-shoe',
    dim: 'footLength',
    from: 1 - off,
    to: 20 - off,
    step: 0.5,
    toBody: (uk) => usMenFootMm(uk + off, a),
    label: decimal,
    hint: hintUsUk,
    stepWords: `UK ${usUkStep}`,
    mode,
    tie,
    examples: ['8', '6.5'],
    rule: note('rule.uk-shoe', { allowance: a, offset: off, rounding: mode, tie }),
  });
}
