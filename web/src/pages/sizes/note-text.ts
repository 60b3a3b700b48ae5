import type { TFunction } from 'i18next';
import type { Formatters } from '../../hooks/use-format.ts';
import type { Note } from './types.ts';

/** Parameters that carry measured or computed numbers (alone, as `94–98`, or as a list `57, 58`). */
const NUMERIC = new Set([
  'value',
  'values',
  'min',
  'max',
  'by',
  'count',
  'ratio',
  'foot',
  'height',
  'offset',
  'allowance',
  'step',
  'groups',
]);
const NUMBER_RE = /\d+(?:\.\d+)?/g;
const PERCENT_RE = /^(\d+)%$/;

type Params = Note['params'];

/**
 * A note's parameters with every number written the reader's way (`96,5` in Russian) through Intl. Labels
 * (`48-4`, `7 1/8`, `8.5`) are codes, not numbers, and stay as the system spells them; so do the
 * candidate lists, which hold labels.
 */
export function localiseParams(params: Params, f: Pick<Formatters, 'number' | 'percent'>): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'score' && typeof v === 'string' && PERCENT_RE.test(v)) {
      out[k] = f.percent(Number(PERCENT_RE.exec(v)![1]) / 100);
    } else if (NUMERIC.has(k)) {
      out[k] = typeof v === 'number' ? f.number(v) : v.replace(NUMBER_RE, (n) => f.number(Number(n)));
    } else out[k] = v;
  }
  return out;
}

/** A note of the sizes module in the reader's language (i18next resolves the nested dimension names). */
export function noteText(t: TFunction, note: Note, f: Pick<Formatters, 'number' | 'percent'>): string {
  return t(note.key, { ...localiseParams(note.params, f), ns: 'sizes' });
}
