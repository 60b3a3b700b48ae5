import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  type Buckets,
  EMPTY,
  effectsOf,
  keyString,
  MOVEMENT_TYPES,
  type MovementRequest,
  type StockKey,
  StockRuleError,
} from './movement.ts';

/** A ledger in memory: the same rules the database service applies, without the database. */
function ledger() {
  const balances = new Map<string, Buckets>();
  const log: { key: StockKey; delta: Buckets }[] = [];
  const get = (k: StockKey) => balances.get(keyString(k)) ?? EMPTY;
  return {
    get,
    log,
    post(m: MovementRequest, allowNegative = false) {
      const effects = effectsOf(m, get, { allowNegative });
      for (const e of effects) {
        balances.set(keyString(e.key), add(get(e.key), e.delta));
        log.push(e);
      }
      return effects;
    },
    balances,
  };
}

const at = (depot: string): Omit<MovementRequest, 'type' | 'qty'> => ({ depot, item: 'boots', size: '270' });

describe('stock movement rules', () => {
  it('a receipt adds to on hand; an issue takes from available', () => {
    const l = ledger();
    l.post({ ...at('A'), type: 'receipt', qty: 3 });
    l.post({ ...at('A'), type: 'issue', qty: 2 });
    expect(l.get({ depot: 'A', item: 'boots', size: '270' })).toEqual({ ...EMPTY, onHand: 1 });
  });

  it('refuses an issue of reserved stock unless it is taken from the reservation', () => {
    const l = ledger();
    l.post({ ...at('A'), type: 'receipt', qty: 2 });
    l.post({ ...at('A'), type: 'reserve', qty: 2 });
    expect(() => l.post({ ...at('A'), type: 'issue', qty: 1 })).toThrow(
      /out of stock: 0 of boots 270 at A available/,
    );
    l.post({ ...at('A'), type: 'issue', qty: 1, fromReserved: true });
    expect(l.get({ depot: 'A', item: 'boots', size: '270' })).toEqual({ ...EMPTY, onHand: 1, reserved: 1 });
  });

  it('lets an item that allows negative stock go below zero', () => {
    const l = ledger();
    l.post({ ...at('A'), type: 'issue', qty: 2 }, true);
    expect(l.get({ depot: 'A', item: 'boots', size: '270' }).onHand).toBe(-2);
  });

  it('a count below what is reserved releases the reservations it cannot honour', () => {
    const l = ledger();
    l.post({ ...at('A'), type: 'receipt', qty: 5 });
    l.post({ ...at('A'), type: 'reserve', qty: 4 });
    const [e] = l.post({ ...at('A'), type: 'count', qty: 1 });
    expect(e!.delta).toEqual({ ...EMPTY, onHand: -4, reserved: -3 });
  });

  it('refuses quantities that are not whole positive numbers, and adjustments without a reason', () => {
    const l = ledger();
    for (const qty of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => l.post({ ...at('A'), type: 'receipt', qty })).toThrow(StockRuleError);
    }
    expect(() => l.post({ ...at('A'), type: 'adjustment', qty: 1 })).toThrow(/needs a reason/);
    expect(() => l.post({ ...at('A'), type: 'transfer_out', qty: 1 })).toThrow(/another depot/);
  });

  it('never breaks the invariants, and balances are always the sum of the effects', () => {
    const move = fc.record({
      type: fc.constantFrom(...MOVEMENT_TYPES),
      depot: fc.constantFrom('A', 'B'),
      qty: fc.integer({ min: 0, max: 8 }),
      fromReserved: fc.boolean(),
      condition: fc.constantFrom('A', 'B', 'F', 'H') as fc.Arbitrary<'A' | 'B' | 'F' | 'H'>,
      direction: fc.constantFrom('in', 'out') as fc.Arbitrary<'in' | 'out'>,
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 60 }), (moves) => {
        const l = ledger();
        for (const m of moves) {
          try {
            l.post({
              ...m,
              item: 'boots',
              size: '270',
              otherDepot: m.depot === 'A' ? 'B' : 'A',
              reason: 'test',
            });
          } catch (err) {
            if (!(err instanceof StockRuleError)) throw err;
          }
        }
        const sums = new Map<string, Buckets>();
        for (const e of l.log) sums.set(keyString(e.key), add(sums.get(keyString(e.key)) ?? EMPTY, e.delta));
        expect(sums).toEqual(l.balances);
        for (const b of l.balances.values()) {
          expect(b.onHand - b.reserved).toBeGreaterThanOrEqual(0);
          expect(Math.min(b.reserved, b.inTransit, b.unserviceable)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
