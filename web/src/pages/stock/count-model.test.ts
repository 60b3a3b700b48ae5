import { describe, expect, it } from 'vitest';
import type { Balance } from '../../api/stock.ts';
import { countLines, countMovements, lineKey } from './count-model.ts';

const items = [
  { id: 'cap', sizes: ['55', '56'] },
  { id: 'boots', sizes: ['240', '245', '250'] },
];
const b = (depot: string, item: string, size: string, onHand: number, inTransit = 0): Balance => ({
  depot,
  item,
  size,
  onHand,
  reserved: 0,
  inTransit,
  unserviceable: 0,
  available: onHand,
});

describe('countLines', () => {
  const balances = [
    b('D-N', 'boots', '250', 4),
    b('D-N', 'boots', '240', 0, 3),
    b('D-E', 'cap', '55', 9),
    b('D-N', 'boots', '245', 0),
  ];

  it('lists the sizes the depot holds or expects, in catalogue order, with what is on hand', () => {
    expect(countLines('D-N', items, balances, { allSizes: false })).toEqual([
      { item: 'boots', size: '240', expected: 0 },
      { item: 'boots', size: '250', expected: 4 },
    ]);
  });

  it('lists every catalogue size for a full count', () => {
    const lines = countLines('D-N', items, balances, { allSizes: true });
    expect(lines.map((l) => `${l.item} ${l.size} ${l.expected}`)).toEqual([
      'cap 55 0',
      'cap 56 0',
      'boots 240 0',
      'boots 245 0',
      'boots 250 4',
    ]);
  });

  it('gives an empty sheet for a depot with nothing', () => {
    expect(countLines('D-X', items, balances, { allSizes: false })).toEqual([]);
  });
});

describe('countMovements', () => {
  const lines = [
    { item: 'boots', size: '240', expected: 0 },
    { item: 'boots', size: '250', expected: 4 },
    { item: 'cap', size: '55', expected: 1 },
  ];
  const typed = (pairs: [string, string, string][]) =>
    new Map(pairs.map(([item, size, v]) => [lineKey({ item, size }), v]));

  it('posts a count for each filled line, zero included, with the reason', () => {
    expect(
      countMovements(
        'D-N',
        lines,
        typed([
          ['boots', '250', '3'],
          ['cap', '55', '0'],
        ]),
        ' quarterly ',
      ),
    ).toEqual({
      ok: true,
      value: [
        { type: 'count', depot: 'D-N', item: 'boots', size: '250', qty: 3, reason: 'quarterly' },
        { type: 'count', depot: 'D-N', item: 'cap', size: '55', qty: 0, reason: 'quarterly' },
      ],
    });
  });

  it('names the lines that are not whole numbers', () => {
    expect(
      countMovements(
        'D-N',
        lines,
        typed([
          ['boots', '240', 'x'],
          ['cap', '55', '2'],
        ]),
        '',
      ),
    ).toEqual({
      ok: false,
      errors: [lineKey({ item: 'boots', size: '240' })],
    });
  });
});
