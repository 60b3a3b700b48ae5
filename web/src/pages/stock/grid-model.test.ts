import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Balance } from '../../api/stock.ts';
import { buildGrid, cellKey, entryMovements, keyFor, levelOf, parseQty, refusedIndex } from './grid-model.ts';

const bal = (depot: string, size: string, onHand: number, more: Partial<Balance> = {}): Balance => ({
  depot,
  item: 'boots',
  size,
  onHand,
  reserved: 0,
  inTransit: 0,
  unserviceable: 0,
  available: onHand - (more.reserved ?? 0),
  ...more,
});

const SIZES = ['240', '245', '250'];
const DEPOTS = ['D-NORTH', 'D-EAST'];

describe('buildGrid', () => {
  it('lays sizes down in catalogue order and depots across, with zeros where nothing was posted', () => {
    const grid = buildGrid('boots', SIZES, DEPOTS, [
      bal('D-EAST', '250', 7),
      bal('D-NORTH', '240', 5, { reserved: 2 }),
    ]);
    expect(grid.rows.map((r) => r.size)).toEqual(SIZES);
    expect(grid.rows.map((r) => r.cells.map((c) => c.available))).toEqual([
      [3, 0],
      [0, 0],
      [0, 7],
    ]);
    expect(grid.rows[0]!.cells[0]).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
  });

  it('sums each size across depots and each depot down the sizes', () => {
    const grid = buildGrid('boots', SIZES, DEPOTS, [
      bal('D-EAST', '240', 4, { inTransit: 6 }),
      bal('D-NORTH', '240', 5),
      bal('D-NORTH', '250', 1),
    ]);
    expect(grid.rows[0]!.total).toMatchObject({ onHand: 9, inTransit: 6, available: 9 });
    expect(grid.totals.map((t) => t.onHand)).toEqual([6, 4]);
    expect(grid.total.onHand).toBe(10);
  });

  it('leaves out other items, depots not shown and sizes the catalogue does not list', () => {
    const grid = buildGrid(
      'boots',
      SIZES,
      ['D-NORTH'],
      [{ ...bal('D-NORTH', '240', 9), item: 'cap' }, bal('D-EAST', '240', 9), bal('D-NORTH', '999', 9)],
    );
    expect(grid.total.onHand).toBe(0);
    expect(grid.rows).toHaveLength(3);
  });
});

describe('levelOf', () => {
  it('calls nothing available none, under the threshold low, and the rest ok', () => {
    expect(levelOf(0, 5)).toBe('none');
    expect(levelOf(-2, 5)).toBe('none');
    expect(levelOf(4, 5)).toBe('low');
    expect(levelOf(5, 5)).toBe('ok');
  });
});

describe('parseQty', () => {
  it('reads blank as nothing entered and digits as a whole number', () => {
    expect(parseQty('')).toEqual({ ok: true, value: undefined });
    expect(parseQty('   ')).toEqual({ ok: true, value: undefined });
    expect(parseQty(' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseQty('0')).toEqual({ ok: true, value: 0 });
  });

  it('takes the full-width digits a Korean input method types', () => {
    expect(parseQty('１２')).toEqual({ ok: true, value: 12 });
  });

  it.each(['-1', '+3', '1.5', '1,5', '1e3', '0x10', '1 2', 'ten', '١٢', 'NaN', 'Infinity', '12\u0000'])(
    'refuses %j as not a whole number',
    (text) => {
      expect(parseQty(text)).toEqual({ ok: false, code: 'not_whole' });
    },
  );

  it('refuses more than a million and absurdly long digit strings', () => {
    expect(parseQty('1000001')).toEqual({ ok: false, code: 'too_big' });
    expect(parseQty('9'.repeat(400))).toEqual({ ok: false, code: 'too_big' });
    expect(parseQty('1000000')).toEqual({ ok: true, value: 1_000_000 });
  });

  it('never returns anything but a safe whole number in range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const r = parseQty(s);
        if (r.ok && r.value !== undefined) {
          expect(Number.isSafeInteger(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(1_000_000);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('entryMovements', () => {
  const grid = buildGrid('boots', SIZES, DEPOTS, []);
  const entered = (pairs: [string, string, string][]) =>
    new Map(pairs.map(([size, depot, v]) => [cellKey(size, depot), v]));

  it('turns filled cells into receipts in grid order, skipping blanks and zeros', () => {
    const r = entryMovements(
      'receipt',
      grid,
      entered([
        ['250', 'D-NORTH', '3'],
        ['240', 'D-EAST', '10'],
        ['240', 'D-NORTH', '0'],
        ['245', 'D-NORTH', ''],
      ]),
      { document: ' DN-7 ' },
    );
    expect(r).toEqual({
      ok: true,
      value: {
        movements: [
          { type: 'receipt', depot: 'D-EAST', item: 'boots', size: '240', qty: 10, document: 'DN-7' },
          { type: 'receipt', depot: 'D-NORTH', item: 'boots', size: '250', qty: 3, document: 'DN-7' },
        ],
        cells: [
          { size: '240', depot: 'D-EAST' },
          { size: '250', depot: 'D-NORTH' },
        ],
      },
    });
  });

  it('counts zero as an empty shelf and carries the reason', () => {
    const r = entryMovements('count', grid, entered([['245', 'D-EAST', '0']]), { reason: 'monthly count' });
    expect(r.ok && r.value.movements).toEqual([
      { type: 'count', depot: 'D-EAST', item: 'boots', size: '245', qty: 0, reason: 'monthly count' },
    ]);
  });

  it('names every cell that is not a whole number and posts nothing', () => {
    const r = entryMovements(
      'receipt',
      grid,
      entered([
        ['240', 'D-NORTH', '2'],
        ['245', 'D-NORTH', '-1'],
        ['250', 'D-EAST', '5000000'],
      ]),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { size: '245', depot: 'D-NORTH', code: 'not_whole' },
        { size: '250', depot: 'D-EAST', code: 'too_big' },
      ],
    });
  });

  it('ignores values typed for cells that are not on the grid', () => {
    const r = entryMovements('receipt', grid, entered([['300', 'D-NORTH', '4']]));
    expect(r).toEqual({ ok: true, value: { movements: [], cells: [] } });
  });
});

describe('keyFor', () => {
  const m = [{ type: 'receipt' as const, depot: 'D', item: 'boots', size: '240', qty: 1 }];
  let n = 0;
  const fresh = () => `key-${++n}`;

  it('keeps the key when the same grid is saved again, so a retry posts once', () => {
    const first = keyFor(null, m, fresh);
    expect(keyFor(first, [...m], fresh)).toBe(first);
  });

  it('takes a new key when what is saved has changed', () => {
    const first = keyFor(null, m, fresh);
    const second = keyFor(first, [{ ...m[0]!, qty: 2 }], fresh);
    expect(second.key).not.toBe(first.key);
  });
});

describe('refusedIndex', () => {
  it('finds which movement of a batch was refused', () => {
    expect(refusedIndex('movement 3: out of stock: 0 of boots 270 at D-EAST available, 5 asked')).toBe(2);
  });

  it('says nothing when the message does not name a movement', () => {
    expect(refusedIndex('out of stock')).toBeUndefined();
    expect(refusedIndex('movement 0: odd')).toBeUndefined();
    expect(refusedIndex('')).toBeUndefined();
  });
});
