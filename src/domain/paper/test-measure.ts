import type { Measure } from './draw-ops.ts';

/**
 * A stand-in for the PDF font's widths in tests of pure layout code: Latin and Cyrillic letters half an em
 * wide, Hangul and other wide characters a full em, bold a tenth wider.
 */
export const testMeasure: Measure = (text, size, bold) => {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x1100 ? 1 : 0.55;
  return em * size * (bold ? 1.1 : 1);
};

/** Kitout's printed words for tests: the key and its values, so a test can see which sentence went where. */
export const testPrinted = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}(${Object.values(params).join('|')})` : key;
