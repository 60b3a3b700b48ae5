import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { checkedTimeZone, startOfDayIn } from './time-zone.ts';

describe('startOfDayIn', () => {
  it('is midnight on the zone’s wall clock', () => {
    // 08:30 in Seoul on 1 December is 23:30 UTC on 30 November: the day began at 15:00 UTC on 30 November.
    const at = Date.parse('2026-11-30T23:30:00Z');
    expect(new Date(startOfDayIn(at, 'Asia/Seoul')).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    // The same instant in Moscow (UTC+3) is 02:30 on 1 December.
    expect(new Date(startOfDayIn(at, 'Europe/Moscow')).toISOString()).toBe('2026-11-30T21:00:00.000Z');
    expect(new Date(startOfDayIn(at, 'UTC')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    // West of UTC: 18:00 in New York on 30 November (EST, UTC−5).
    expect(new Date(startOfDayIn(at, 'America/New_York')).toISOString()).toBe('2026-11-30T05:00:00.000Z');
  });

  it('lands on midnight on a day the clocks change', () => {
    // Berlin moved from UTC+1 to UTC+2 at 01:00 UTC on 29 March 2026; the day began at 23:00 UTC the day before.
    const at = Date.parse('2026-03-29T12:00:00Z');
    expect(new Date(startOfDayIn(at, 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });
});

describe('checkedTimeZone', () => {
  it('accepts names the runtime knows and refuses others, naming the field', () => {
    expect(checkedTimeZone('Asia/Seoul')).toBe('Asia/Seoul');
    expect(() => checkedTimeZone('Mars/Olympus', 'tz')).toThrow(InputError);
    expect(() => checkedTimeZone("x'; drop", 'tz')).toThrow(/not a time zone name/);
  });
});
