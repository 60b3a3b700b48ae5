import { describe, expect, it } from 'vitest';
import { formatLocale, formattersFor } from './use-format.ts';

describe('formattersFor', () => {
  it('formats numbers with each language’s grouping', () => {
    expect(formattersFor('en').number(12000)).toBe('12,000');
    expect(formattersFor('ru').number(12000)).toBe('12\u00a0000');
    expect(formattersFor('ko').number(12000)).toBe('12,000');
  });

  it('shows a calendar date as that day whatever the time zone', () => {
    expect(formattersFor('en').date('2026-12-01')).toBe('December 1, 2026');
    expect(formattersFor('ru').date('2026-12-01')).toBe('1 декабря 2026 г.');
    expect(formattersFor('ko').date('2026-12-01')).toBe('2026년 12월 1일');
  });

  it('passes through what is not a date rather than showing "Invalid Date"', () => {
    expect(formattersFor('en').date('soon')).toBe('soon');
    expect(formattersFor('en').dateTime('')).toBe('');
  });
});

describe('formatLocale', () => {
  it('uses the browser’s regional variant of the UI language', () => {
    expect(formatLocale('en', ['en-GB', 'en'])).toBe('en-GB');
    expect(formatLocale('ko', ['en-GB', 'ko-KR'])).toBe('ko-KR');
  });

  it('uses the UI language when the browser prefers others', () => {
    expect(formatLocale('ru', ['en-US', 'de'])).toBe('ru');
  });
});
