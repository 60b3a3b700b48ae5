import { describe, expect, it } from 'vitest';
import { parseDecimal } from './numbers.ts';

describe('parseDecimal', () => {
  it('reads whole numbers, decimal points and decimal commas', () => {
    expect(parseDecimal('96')).toBe(96);
    expect(parseDecimal(' 96.5 ')).toBe(96.5);
    expect(parseDecimal('96,5')).toBe(96.5);
    expect(parseDecimal('２７０')).toBe(270);
  });

  it('treats empty text as no answer', () => {
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('   ')).toBeUndefined();
  });

  it('refuses what is not a plain decimal rather than guessing', () => {
    for (const bad of ['-96', '1e3', '96 cm', '9,6,5', 'NaN', '0x10', '12345', '96.', '.5'])
      expect(parseDecimal(bad), bad).toBeNaN();
  });
});
