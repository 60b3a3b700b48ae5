import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/create-db.ts';
import { ConflictError } from '../../src/domain/errors.ts';
import type { MovementRequest } from '../../src/domain/stock/movement.ts';
import { type ServiceContext, SYSTEM_ACTOR, systemContext } from '../../src/services/context.ts';
import {
  balancesFromLedger,
  postBatch,
  postMovement,
  reverseMovement,
  StockRefusal,
} from '../../src/services/ledger.ts';
import { seedDemo } from '../../src/services/seed.ts';
import { TEST_DB_KIND, testDb } from '../support/db.ts';

let handle: DbHandle;
let ctx: ServiceContext;
let n = 0;
const key = () => `test-${++n}`;

beforeAll(async () => {
  handle = await testDb();
  ctx = systemContext(handle.db, handle.kind);
  await seedDemo(ctx, { people: 0, stock: false });
});
afterAll(() => handle.close());

const post = (m: MovementRequest, k = key()) => postMovement(ctx, SYSTEM_ACTOR, { ...m, key: k });
const balance = async (depot: string, item: string, size: string) =>
  handle.db
    .selectFrom('balances')
    .selectAll()
    .where('depot_id', '=', depot)
    .where('item_id', '=', item)
    .where('size', '=', size)
    .executeTakeFirst();

async function refusal(p: Promise<unknown>): Promise<StockRefusal> {
  try {
    await p;
  } catch (err) {
    if (err instanceof StockRefusal) return err;
    throw err;
  }
  throw new Error('expected the movement to be refused');
}

async function expectBalancesMatchLedger() {
  const fromLedger = await balancesFromLedger(ctx);
  const table = await handle.db.selectFrom('balances').selectAll().execute();
  const nonZero = (r: { on_hand: number; reserved: number; in_transit: number; unserviceable: number }) =>
    r.on_hand || r.reserved || r.in_transit || r.unserviceable;
  const norm = (rows: typeof fromLedger) =>
    rows
      .filter(nonZero)
      .map(
        (r) => `${r.depot}|${r.item}|${r.size}|${r.on_hand}|${r.reserved}|${r.in_transit}|${r.unserviceable}`,
      )
      .sort();
  expect(norm(table.map((t) => ({ ...t, depot: t.depot_id, item: t.item_id })))).toEqual(norm(fromLedger));
  for (const t of table) {
    expect(t.on_hand - t.reserved).toBeGreaterThanOrEqual(0);
    expect(t.reserved).toBeGreaterThanOrEqual(0);
    expect(t.in_transit).toBeGreaterThanOrEqual(0);
    expect(t.unserviceable).toBeGreaterThanOrEqual(0);
  }
}

describe(`stock ledger on ${TEST_DB_KIND}`, () => {
  it('receives, reserves, issues from the reservation, and keeps balances', async () => {
    await post({
      type: 'receipt',
      depot: 'D-NORTH',
      item: 'jacket',
      size: '48-4',
      qty: 20,
      document: 'GRN-1',
    });
    await post({
      type: 'reserve',
      depot: 'D-NORTH',
      item: 'jacket',
      size: '48-4',
      qty: 5,
      person: 'P-000001',
    });
    await post({
      type: 'issue',
      depot: 'D-NORTH',
      item: 'jacket',
      size: '48-4',
      qty: 1,
      person: 'P-000001',
      fromReserved: true,
    });
    expect(await balance('D-NORTH', 'jacket', '48-4')).toMatchObject({ on_hand: 19, reserved: 4 });
  });

  it('refuses to issue more than is available, counting reservations', async () => {
    const r = await refusal(post({ type: 'issue', depot: 'D-NORTH', item: 'jacket', size: '48-4', qty: 16 }));
    expect(r.rule).toBe('out_of_stock');
    expect(r.message).toMatch(/15 of jacket 48-4 at D-NORTH available, 16 asked/);
  });

  it('keeps a transfer in transit until it is received', async () => {
    await post({
      type: 'transfer_out',
      depot: 'D-NORTH',
      item: 'jacket',
      size: '48-4',
      qty: 5,
      otherDepot: 'D-EAST',
    });
    expect(await balance('D-EAST', 'jacket', '48-4')).toMatchObject({ on_hand: 0, in_transit: 5 });
    expect(
      (await refusal(post({ type: 'transfer_in', depot: 'D-EAST', item: 'jacket', size: '48-4', qty: 6 })))
        .rule,
    ).toBe('nothing_in_transit');
    await post({ type: 'transfer_in', depot: 'D-EAST', item: 'jacket', size: '48-4', qty: 5 });
    expect(await balance('D-EAST', 'jacket', '48-4')).toMatchObject({ on_hand: 5, in_transit: 0 });
    expect(await balance('D-NORTH', 'jacket', '48-4')).toMatchObject({ on_hand: 14, reserved: 4 });
  });

  it('puts unserviceable returns aside and posts count variances as the difference', async () => {
    await post({
      type: 'return',
      depot: 'D-EAST',
      item: 'jacket',
      size: '48-4',
      qty: 1,
      condition: 'F',
      person: 'P-1',
    });
    await post({
      type: 'return',
      depot: 'D-EAST',
      item: 'jacket',
      size: '48-4',
      qty: 1,
      condition: 'B',
      person: 'P-2',
    });
    expect(await balance('D-EAST', 'jacket', '48-4')).toMatchObject({ on_hand: 6, unserviceable: 1 });
    const count = await post({
      type: 'count',
      depot: 'D-EAST',
      item: 'jacket',
      size: '48-4',
      qty: 4,
      reason: 'monthly count',
    });
    expect(count.effects[0]!.onHand).toBe(-2);
    expect(await balance('D-EAST', 'jacket', '48-4')).toMatchObject({ on_hand: 4 });
  });

  it('corrects by reversing, once, and refuses a reversal that the stock no longer allows', async () => {
    const receipt = await post({ type: 'receipt', depot: 'D-CENTRAL', item: 'boots', size: '270', qty: 3 });
    await post({ type: 'issue', depot: 'D-CENTRAL', item: 'boots', size: '270', qty: 2 });
    const r = await refusal(
      reverseMovement(ctx, SYSTEM_ACTOR, { key: key(), movementId: receipt.id, reason: 'typo' }),
    );
    expect(r.message).toMatch(/cannot reverse/);
    const wrong = await post({ type: 'receipt', depot: 'D-CENTRAL', item: 'boots', size: '275', qty: 9 });
    await reverseMovement(ctx, SYSTEM_ACTOR, {
      key: key(),
      movementId: wrong.id,
      reason: 'wrong size keyed',
    });
    expect(await balance('D-CENTRAL', 'boots', '275')).toMatchObject({ on_hand: 0 });
    await expect(
      reverseMovement(ctx, SYSTEM_ACTOR, { key: key(), movementId: wrong.id, reason: 'again' }),
    ).rejects.toThrow(/already reversed/);
  });

  it('applies a replayed key once and refuses the key for another movement', async () => {
    const m: MovementRequest = { type: 'receipt', depot: 'D-CENTRAL', item: 'cap', size: '57', qty: 7 };
    const a = await post(m, 'replay-key');
    const b = await post(m, 'replay-key');
    expect(b).toMatchObject({ id: a.id, replayed: true });
    expect(await balance('D-CENTRAL', 'cap', '57')).toMatchObject({ on_hand: 7 });
    await expect(post({ ...m, qty: 8 }, 'replay-key')).rejects.toBeInstanceOf(ConflictError);
  });

  it('posts a batch all or none, and replays a retried batch', async () => {
    const grid = ['58', '59', '60'].map((size) => ({
      type: 'receipt' as const,
      depot: 'D-EAST',
      item: 'cap',
      size,
      qty: 5,
    }));
    const refused = await refusal(
      postBatch(ctx, SYSTEM_ACTOR, {
        key: 'grid-bad',
        movements: [...grid, { type: 'issue', depot: 'D-EAST', item: 'cap', size: '61', qty: 1 }],
      }),
    );
    expect(refused.message).toMatch(/^movement 4: out of stock/);
    expect(await balance('D-EAST', 'cap', '58')).toBeUndefined();
    const first = await postBatch(ctx, SYSTEM_ACTOR, { key: 'grid-ok', movements: grid });
    const again = await postBatch(ctx, SYSTEM_ACTOR, { key: 'grid-ok', movements: grid });
    expect(again.map((m) => m.id)).toEqual(first.map((m) => m.id));
    expect(again.every((m) => m.replayed)).toBe(true);
    expect(await balance('D-EAST', 'cap', '59')).toMatchObject({ on_hand: 5 });
  });

  it('refuses to change or delete a movement at the database level', async () => {
    await expect(handle.db.updateTable('movements').set({ qty: 1 }).execute()).rejects.toThrow(/append-only/);
    await expect(handle.db.deleteFrom('movements').execute()).rejects.toThrow(/append-only/);
  });

  it('lets exactly 10 of 1,000 concurrent issues take the last 10 units; the rest are told out of stock', async () => {
    await post({ type: 'receipt', depot: 'D-NORTH', item: 'gloves', size: '9', qty: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, (_, i) =>
        post(
          { type: 'issue', depot: 'D-NORTH', item: 'gloves', size: '9', qty: 1, person: `C-${i}` },
          `race-${i}`,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(990);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StockRefusal);
      expect(((r as PromiseRejectedResult).reason as StockRefusal).rule).toBe('out_of_stock');
    }
    expect(await balance('D-NORTH', 'gloves', '9')).toMatchObject({ on_hand: 0 });
    await expectBalancesMatchLedger();
  });

  it('keeps balances equal to the ledger sum for random sequences of movements', async () => {
    const depots = ['D-NORTH', 'D-EAST'];
    const sizes = ['54', '55'];
    const movement = fc.record({
      type: fc.constantFrom(
        'receipt',
        'transfer_out',
        'transfer_in',
        'reserve',
        'release',
        'issue',
        'return',
        'adjustment',
        'count',
      ) as fc.Arbitrary<MovementRequest['type']>,
      depot: fc.constantFrom(...depots),
      size: fc.constantFrom(...sizes),
      qty: fc.integer({ min: 1, max: 6 }),
      fromReserved: fc.boolean(),
      condition: fc.constantFrom('A', 'B', 'F', 'H') as fc.Arbitrary<'A' | 'B' | 'F' | 'H'>,
      direction: fc.constantFrom('in', 'out') as fc.Arbitrary<'in' | 'out'>,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(movement, { minLength: 1, maxLength: 25 }), async (moves) => {
        for (const m of moves) {
          const request: MovementRequest = {
            ...m,
            item: 'winter-hat',
            size: m.size === '54' ? '54' : '56',
            otherDepot: depots.find((d) => d !== m.depot),
            reason: 'property test',
          };
          try {
            await post(request);
          } catch (err) {
            if (!(err instanceof StockRefusal)) throw err;
          }
        }
        await expectBalancesMatchLedger();
      }),
      { numRuns: 15 },
    );
  });
});
