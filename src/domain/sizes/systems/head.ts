import { scalarSystem, tableSystem } from '../builders.ts';
import { Grid } from '../grid.ts';
import { CM_SUFFIX_RE, decimal, eighths } from '../label-text.ts';
import { note } from '../note.ts';
import type { SizeProfile } from '../profile.ts';
import type { SizeSystem } from '../system.ts';

/** A fitted hat's size is the head's diameter in inches: girth ÷ π (calculatorlib, askvity). */
const headCmOfUsHat = (us: number): number => us * Math.PI * 2.54;

/**
 * head-cm: size = head girth in whole centimetres (EN 13402-1; Russian headwear series 53…62).
 * Range 40–70 covers children's 46+ and the largest adult heads with room.
 */
export function headCm(p: SizeProfile): SizeSystem {
  return scalarSystem({
    id: 'head-cm',
    dim: 'headGirth',
    from: 40,
    to: 70,
    step: 1,
    toBody: (v) => v,
    label: decimal,
    unit: CM_SUFFIX_RE,
    stepWords: 'head-cm sizes are whole centimetres',
    mode: p.head.mode,
    tie: p.head.tie,
    examples: ['57', '58'],
    rule: note('rule.head-cm', { rounding: p.head.mode, tie: p.head.tie }),
  });
}

/** hat-us: girth ÷ π in inches to 1/8 (57 cm → 7 1/8). Labels `7 1/8`, `7.125` or `7⅛`; range 5 1/2–8 1/2. */
export function hatUs(p: SizeProfile): SizeSystem {
  return scalarSystem({
    id: 'hat-us',
    dim: 'headGirth',
    from: 5.5,
    to: 8.5,
    step: 0.125,
    toBody: headCmOfUsHat,
    label: eighths,
    stepWords: 'hat sizes go in eighths of an inch (7, 7 1/8, 7 1/4 …)',
    mode: p.hat.mode,
    tie: p.hat.tie,
    examples: ['7 1/8', '7.25'],
    rule: note('rule.hat-us', { rounding: p.hat.mode, tie: p.hat.tie }),
  });
}

/** hat-uk: UK = US − offset (default 1/8, Wikipedia "Hat"; superglobalcalculator says UK = US). */
export function hatUk(p: SizeProfile): SizeSystem {
  const off = p.hatUkOffsetIn;
  return scalarSystem({
    id: 'hat-uk',
    dim: 'headGirth',
    from: 5.5 - off,
    to: 8.5 - off,
    step: 0.125,
    toBody: (uk) => headCmOfUsHat(uk + off),
    label: eighths,
    stepWords: 'hat sizes go in eighths of an inch (7, 7 1/8, 7 1/4 …)',
    mode: p.hat.mode,
    tie: p.hat.tie,
    examples: ['7', '7 1/8'],
    rule: note('rule.hat-uk', { offset: eighths(off), rounding: p.hat.mode, tie: p.hat.tie }),
  });
}

/**
 * hat-letter: S 55–56, M 57–58, L 59–60, XL 61–62, XXL 63–64 cm head girth (Wikipedia "Hat" letter bands,
 * via liquisearch; geratools agrees 57 cm = M). Whole-cm measurements, so each band reaches half a
 * centimetre beyond its numbers and neighbours share the endpoint.
 */
export function hatLetter(p: SizeProfile): SizeSystem {
  const bands = ['S', 'M', 'L', 'XL', 'XXL'].map((label, i) => ({
    label,
    value: 55 + 2 * i,
    min: 54.5 + 2 * i,
    max: 56.5 + 2 * i,
  }));
  return tableSystem({
    id: 'hat-letter',
    grid: new Grid('headGirth', bands, p.head.tie),
    aliases: { '2XL': 'XXL' },
    examples: ['M', 'XL'],
    rule: note('rule.hat-letter', { tie: p.head.tie }),
  });
}
