import { describe, expect, it } from 'vitest';
import type { Movement } from '../../api/stock.ts';
import {
  currentBefore,
  effectChanges,
  FIRST_PAGE,
  newer,
  older,
  pageNumber,
  reversedOnPage,
  signed,
} from './ledger-model.ts';

const effect = {
  depot: 'D-N',
  item: 'boots',
  size: '270',
  onHand: 0,
  reserved: 0,
  inTransit: 0,
  unserviceable: 0,
};

describe('effectChanges', () => {
  it('lists only the buckets a movement changed, depot by depot', () => {
    expect(
      effectChanges([
        { ...effect, onHand: -5 },
        { ...effect, depot: 'D-E', inTransit: 5 },
      ]),
    ).toEqual([
      { depot: 'D-N', item: 'boots', size: '270', bucket: 'onHand', delta: -5 },
      { depot: 'D-E', item: 'boots', size: '270', bucket: 'inTransit', delta: 5 },
    ]);
  });

  it('keeps both buckets of an issue from reserved stock', () => {
    expect(effectChanges([{ ...effect, onHand: -1, reserved: -1 }]).map((c) => c.bucket)).toEqual([
      'onHand',
      'reserved',
    ]);
  });

  it('shows nothing for a count that found what was expected', () => {
    expect(effectChanges([effect])).toEqual([]);
  });
});

describe('reversedOnPage', () => {
  it('collects what the reversals on the page undo', () => {
    const m = (id: number, reverses: number | null) => ({ id, reverses }) as Movement;
    expect([...reversedOnPage([m(9, 4), m(8, null), m(4, null)])]).toEqual([4]);
  });
});

describe('keyset paging', () => {
  it('goes older by the last id on screen and back newer to the first page', () => {
    let c = FIRST_PAGE;
    expect(currentBefore(c)).toBeUndefined();
    c = older(c, 101);
    c = older(c, 51);
    expect([currentBefore(c), pageNumber(c)]).toEqual([51, 3]);
    c = newer(c);
    expect(currentBefore(c)).toBe(101);
    c = newer(newer(c));
    expect([currentBefore(c), pageNumber(c)]).toEqual([undefined, 1]);
  });

  it('stays put when there is nothing older', () => {
    expect(older(FIRST_PAGE, undefined)).toBe(FIRST_PAGE);
  });
});

describe('signed', () => {
  const ru = new Intl.NumberFormat('ru').format;
  it('writes gains with a plus, losses with a true minus, and formats the digits', () => {
    expect(signed(ru, 12000)).toBe('+12\u00a0000');
    expect(signed(ru, -2)).toBe('\u22122');
    expect(signed(ru, 0)).toBe('0');
  });
});
