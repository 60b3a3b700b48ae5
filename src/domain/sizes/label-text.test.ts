import { describe, expect, it } from 'vitest';
import { decimal, eighths, normaliseLabel, parseAmount, shown, whyNotAmount } from './label-text.ts';

describe('normaliseLabel', () => {
  it.each([
    ['  48-4 ', '48-4'],
    ['４８', '48'],
    ['１００Ｍ１７０', '100M170'],
    ['48–4', '48-4'],
    ['48—4', '48-4'],
    ['48−4', '48-4'],
    ['7⅛', '7 1/8'],
    ['9½', '9 1/2'],
    ['7 \t 1/8', '7 1/8'],
    ['280⁄110', '280/110'],
  ])('reads %j as %j (NFKC, dashes, vulgar fractions, spaces)', (raw, want) => {
    expect(normaliseLabel(raw)).toBe(want);
  });
});

describe('parseAmount', () => {
  it.each([
    ['57', 57],
    ['26.5', 26.5],
    ['26,5', 26.5],
    ['7 1/8', 7.125],
    ['7-1/8', 7.125],
    ['7 3/4', 7.75],
    ['9 1/2', 9.5],
    ['42 2/3', 42 + 2 / 3],
  ])('reads %j as %d', (text, want) => {
    expect(parseAmount(text)).toBeCloseTo(want, 12);
  });

  it.each([
    '',
    '-48',
    'NaN',
    'Infinity',
    '1e3',
    '0x30',
    '48abc',
    '123456789',
    '7 9/8',
    '7 0/8',
    '7 1/7',
    '71/8',
    '.5',
    '5.',
    '4 8',
  ])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeNaN();
  });

  it.each([
    ['', 'empty'],
    ['-48', 'negative'],
    ['NaN', 'not a number'],
    ['-Infinity', 'not a number'],
    ['1e3', 'exponent'],
    ['123456789', 'too many digits'],
    ['7 1/7', 'unusual fraction'],
    ['abc', 'not a size number'],
  ])('explains why %j is not a size number (%s)', (text, words) => {
    expect(whyNotAmount(text)).toContain(words);
  });
});

describe('label spelling', () => {
  it.each([
    [7, '7'],
    [7.125, '7 1/8'],
    [7.25, '7 1/4'],
    [7.5, '7 1/2'],
    [7.875, '7 7/8'],
    [0.125, '1/8'],
  ])('writes hat size %d as %j', (v, want) => {
    expect(eighths(v)).toBe(want);
  });

  it('writes decimals without float noise', () => {
    expect(decimal(0.1 + 0.2)).toBe('0.3');
    expect(decimal(42.5)).toBe('42.5');
  });
});

describe('shown', () => {
  it('quotes, escapes control characters and cuts long text, so an error stays one short line', () => {
    expect(shown('48-')).toBe('"48-"');
    expect(shown('a\nb\u0000')).toBe('"a\\nb\\u0000"');
    expect(shown('9'.repeat(1000))).toBe(`"${'9'.repeat(32)}…"`);
  });
});
