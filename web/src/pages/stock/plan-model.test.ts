import { describe, expect, it } from 'vitest';
import { chartPoints, entitlementsFrom, planItems, totalQty } from './plan-model.ts';

const row = (item: string, size: string, demand: number, available: number, inTransit = 0) => ({
  item,
  size,
  demand,
  available,
  inTransit,
  net: Math.max(0, demand - available - inTransit),
});

describe('chartPoints', () => {
  const rows = [
    row('boots', '250', 10, 4, 2),
    row('boots', '240', 3, 0),
    row('cap', '56', 8, 8),
    row('boots', '999', 1, 0),
  ];

  it('gives one point per catalogue size of the item, in catalogue order, zeros where the plan is silent', () => {
    expect(chartPoints(rows, 'boots', ['240', '245', '250', '255'])).toEqual([
      { size: '240', demand: 3, available: 0, inTransit: 0 },
      { size: '245', demand: 0, available: 0, inTransit: 0 },
      { size: '250', demand: 10, available: 4, inTransit: 2 },
      { size: '255', demand: 0, available: 0, inTransit: 0 },
      { size: '999', demand: 1, available: 0, inTransit: 0 },
    ]);
  });

  it('draws negative availability (stock promised beyond the shelf) as none', () => {
    expect(chartPoints([row('cap', '56', 1, -3)], 'cap', ['56'])[0]!.available).toBe(0);
  });
});

describe('planItems and totalQty', () => {
  it('lists items in first-seen order and sums quantities', () => {
    expect(planItems([row('b', '1', 1, 0), row('a', '1', 1, 0), row('b', '2', 1, 0)])).toEqual(['b', 'a']);
    expect(totalQty([{ qty: 2 }, { qty: 40 }])).toBe(42);
  });
});

describe('entitlementsFrom', () => {
  it('keeps whole numbers, leaves blanks out and names every bad line', () => {
    expect(
      entitlementsFrom(
        new Map([
          ['boots', '1'],
          ['shirt', ' ２ '],
          ['cap', ''],
          ['belt', '0'],
        ]),
      ),
    ).toEqual({
      ok: true,
      value: [
        { item: 'boots', qty: 1 },
        { item: 'shirt', qty: 2 },
        { item: 'belt', qty: 0 },
      ],
    });
    expect(
      entitlementsFrom(
        new Map([
          ['boots', '-1'],
          ['cap', '1.5'],
          ['belt', '100'],
          ['gloves', '2'],
        ]),
      ),
    ).toEqual({ ok: false, errors: ['boots', 'cap', 'belt'] });
  });
});
