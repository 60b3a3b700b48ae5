import { InputError } from './errors.ts';

const NAME = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2})$/;

/**
 * A time zone name the runtime knows (IANA, e.g. `Asia/Seoul`, or `UTC`), else an input error naming `field`.
 */
export function checkedTimeZone(tz: string, field = 'tz'): string {
  if (!NAME.test(tz)) throw new InputError([{ field, reason: `"${tz}" is not a time zone name` }]);
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new InputError([{ field, reason: `unknown time zone "${tz}"` }]);
  }
  return tz;
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `at` (ms since the epoch), in ms. */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant the day containing `at` began in `timeZone`: midnight on that zone's wall clock. A board in Seoul
 * counts "served today" from 00:00 in Seoul, not from 09:00 (midnight UTC). The offset is taken again at the
 * midnight found, so a change of clocks during the day still lands on midnight.
 */
export function startOfDayIn(at: number, timeZone: string): number {
  const local = new Date(at + offsetAt(at, timeZone));
  const midnightWall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const guess = midnightWall - offsetAt(at, timeZone);
  return midnightWall - offsetAt(guess, timeZone);
}
