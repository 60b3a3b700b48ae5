import { describe, expect, it } from 'vitest';
import {
  alternativesFor,
  etaMinutes,
  holdingsOf,
  parseCheckInCode,
  perStationPerHour,
  quantile,
  StationEventSchema,
  slipCode,
  stationRates,
  unitsIssued,
} from './index.ts';

const event = (over: Record<string, unknown> = {}) => ({
  id: 'ev-0000001',
  kind: 'issue',
  personId: 'P-000001',
  item: 'jacket',
  size: '48-4',
  clientTime: '2026-12-01T09:00:00Z',
  ...over,
});

describe('station events', () => {
  it('accepts an issue, an exchange with another size and a return with a condition', () => {
    expect(StationEventSchema.safeParse(event()).success).toBe(true);
    expect(StationEventSchema.safeParse(event({ kind: 'exchange', toSize: '50-4' })).success).toBe(true);
    expect(StationEventSchema.safeParse(event({ kind: 'return', condition: 'F' })).success).toBe(true);
  });

  it('refuses an exchange without a second size or to the same size, and a return without a condition', () => {
    const paths = (e: Record<string, unknown>) => {
      const r = StationEventSchema.safeParse(e);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths(event({ kind: 'exchange' }))).toEqual(['toSize']);
    expect(paths(event({ kind: 'exchange', toSize: '48-4' }))).toEqual(['toSize']);
    expect(paths(event({ kind: 'return' }))).toEqual(['condition']);
    expect(paths(event({ condition: 'A' }))).toEqual(['condition']);
    expect(paths(event({ kind: 'return', condition: 'Z' }))).toEqual(['condition']);
  });

  it('refuses hostile ids and times', () => {
    expect(StationEventSchema.safeParse(event({ id: 'short' })).success).toBe(false);
    expect(StationEventSchema.safeParse(event({ id: "x'; drop table--" })).success).toBe(false);
    expect(StationEventSchema.safeParse(event({ clientTime: 'yesterday' })).success).toBe(false);
    expect(StationEventSchema.safeParse(event({ personId: '   ' })).success).toBe(false);
  });
});

describe('holdings from a kit record', () => {
  it('adds issues, takes away returns and losses, swaps sizes on exchange and ignores damage', () => {
    const h = holdingsOf([
      { kind: 'issue', item: 'shirt', size: '48-4', qty: 1 },
      { kind: 'issue', item: 'shirt', size: '48-4', qty: 1 },
      { kind: 'exchange', item: 'shirt', size: '50-4', fromSize: '48-4', qty: 1 },
      { kind: 'issue', item: 'cap', size: '57', qty: 1 },
      { kind: 'damage', item: 'cap', size: '57', qty: 1 },
      { kind: 'issue', item: 'boots', size: '270', qty: 1 },
      { kind: 'return', item: 'boots', size: '270', qty: 1 },
      { kind: 'issue', item: 'gloves', size: '9', qty: 1 },
      { kind: 'loss', item: 'gloves', size: '9', qty: 1 },
    ]);
    expect(h).toEqual([
      { item: 'shirt', size: '48-4', qty: 1 },
      { item: 'shirt', size: '50-4', qty: 1 },
      { item: 'cap', size: '57', qty: 1 },
    ]);
  });

  it('puts held sizes on the units allocated that size first', () => {
    expect(
      unitsIssued(
        ['48-4', '50-4'],
        [
          { item: 'shirt', size: '50-4', qty: 1 },
          { item: 'shirt', size: '52-4', qty: 1 },
        ],
      ),
    ).toEqual(['52-4', '50-4']);
    expect(unitsIssued(['48-4', '48-4'], [{ item: 'shirt', size: '48-4', qty: 1 }])).toEqual(['48-4', null]);
  });
});

describe('next best sizes', () => {
  const boots = { id: 'boots', sizeSystem: 'kr-shoe', sizes: ['265', '270', '275', '280'] };
  const jacket = { id: 'jacket', sizeSystem: 'ru-garment', sizes: ['48-3', '48-4', '50-3', '50-4'] };

  it('boots: +5 mm before +10 mm, never smaller, only sizes in stock', () => {
    const stock: Record<string, number> = { '265': 9, '275': 2, '280': 4 };
    expect(alternativesFor(boots, '270', (s) => stock[s] ?? 0)).toEqual([
      { size: '275', available: 2, reason: 'up:1', cost: 1 },
      { size: '280', available: 4, reason: 'up:2', cost: 3 },
    ]);
    expect(alternativesFor(boots, '275', () => 0)).toEqual([]);
  });

  it('jackets: one step up on either axis before both', () => {
    const alt = alternativesFor(jacket, '48-3', () => 1);
    expect(alt.map((a) => [a.size, a.cost])).toEqual([
      ['48-4', 1],
      ['50-3', 1],
      ['50-4', 2],
    ]);
  });

  it('hats: one size either way', () => {
    const cap = { id: 'cap', sizeSystem: 'head-cm', sizes: ['56', '57', '58'] };
    expect(alternativesFor(cap, '57', (s) => (s === '56' ? 3 : 1)).map((a) => a.reason)).toEqual([
      'down:1',
      'up:1',
    ]);
  });
});

describe('check-in codes', () => {
  it('reads a slip QR (page 0), a form page QR and a typed id', () => {
    expect(parseCheckInCode(slipCode('kitout-sizing', '3', 'P-000042'))).toEqual({
      ok: true,
      personId: 'P-000042',
    });
    expect(parseCheckInCode('kitout:1:kitout-sizing:3:P-000042:2')).toEqual({
      ok: true,
      personId: 'P-000042',
    });
    expect(parseCheckInCode('  P-000042 ')).toEqual({ ok: true, personId: 'P-000042' });
  });

  it('keeps a Hangul id through the slip code', () => {
    expect(parseCheckInCode(slipCode('f', '1', '김-01'))).toEqual({ ok: true, personId: '김-01' });
  });

  it('refuses foreign and damaged codes with a reason', () => {
    expect(parseCheckInCode('kitout:2:f:1:P-1:0')).toMatchObject({ ok: false });
    expect(parseCheckInCode('kitout:1:f:1:P-1')).toMatchObject({ ok: false });
    expect(parseCheckInCode('https://example.com/x y')).toMatchObject({ ok: false });
    expect(parseCheckInCode('')).toMatchObject({ ok: false, reason: 'the code is empty' });
  });
});

describe('throughput arithmetic', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const min = 60_000;
  const served = (station: string, calledAgo: number, servedAgo: number, waited = 10) => ({
    stationId: station,
    status: 'served' as const,
    checkedInAt: now - (calledAgo + waited) * min,
    calledAt: now - calledAgo * min,
    servedAt: now - servedAgo * min,
  });

  it('measures people per station per hour over the last hour', () => {
    const t = [served('a', 50, 49), served('a', 30, 29), served('b', 20, 19), served('b', 90, 89)];
    expect(perStationPerHour(t, now)).toBe(1.5);
    expect(perStationPerHour([served('a', 90, 89)], now)).toBeNull();
  });

  it('gives the wait of the last in line from the rate and open stations', () => {
    expect(etaMinutes(40, 60, 4)).toBe(10);
    expect(etaMinutes(0, null, 4)).toBe(0);
    expect(etaMinutes(5, null, 4)).toBeNull();
    expect(etaMinutes(5, 10, 0)).toBeNull();
  });

  it('rates each station over its working time, at least a quarter hour', () => {
    const rates = stationRates([served('a', 120, 60), served('a', 60, 0), served('b', 1, 0)]);
    expect(rates.get('a')).toEqual({ served: 2, perHour: 1 });
    expect(rates.get('b')).toEqual({ served: 1, perHour: 4 });
  });

  it('takes quantiles by nearest rank', () => {
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([], 0.5)).toBeUndefined();
  });
});
