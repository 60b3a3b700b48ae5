import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, demandFromPreferred, forecastDemand, planSupply, tariffFromPreferred } from './index.ts';

const depots = [
  { id: 'D-N', site: 'N' },
  { id: 'D-E', site: 'E' },
  { id: 'D-C', site: null },
];

describe('forecast from a size tariff', () => {
  it('splits people × entitlement over sizes by share, summing exactly', () => {
    const demand = forecastDemand({
      peopleBySite: [{ site: 'N', count: 101 }],
      tariff: [
        { item: 'shirt', size: '48-4', share: 1 },
        { item: 'shirt', size: '50-4', share: 1 },
        { item: 'shirt', size: '52-4', share: 1 },
      ],
      entitlements: [{ item: 'shirt', qty: 2 }],
    });
    expect(demand.reduce((s, d) => s + d.qty, 0)).toBe(202);
    expect(demand.map((d) => d.qty)).toEqual([68, 67, 67]);
  });

  it('apportions any total exactly, never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (units, ws) => {
          const total = ws.reduce((a, b) => a + b, 0);
          const parts = apportion(
            units,
            ws.map((w, i) => ({ key: String(i), weight: w / total })),
          );
          expect(parts.reduce((s, p) => s + p.qty, 0)).toBe(units);
          for (const p of parts) expect(p.qty).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('learns a tariff from known sizes and demand from preferred sizes', () => {
    const people: { site: string; preferred: Record<string, string> }[] = [
      { site: 'N', preferred: { boots: '265', cap: '57' } },
      { site: 'N', preferred: { boots: '270', cap: '57' } },
      { site: 'E', preferred: { boots: '265' } },
    ];
    expect(tariffFromPreferred(people)).toEqual(
      expect.arrayContaining([
        { item: 'boots', size: '265', share: 2 / 3 },
        { item: 'cap', size: '57', share: 1 },
      ]),
    );
    expect(
      demandFromPreferred(people, [
        { item: 'boots', qty: 1 },
        { item: 'cap', qty: 2 },
      ]),
    ).toEqual(
      expect.arrayContaining([
        { site: 'N', item: 'boots', size: '265', qty: 1 },
        { site: 'N', item: 'cap', size: '57', qty: 4 },
        { site: 'E', item: 'boots', size: '265', qty: 1 },
      ]),
    );
  });
});

describe('supply plan', () => {
  it('covers a site from its own depot first, then the central store, then another site, and buys the rest', () => {
    const plan = planSupply({
      depots,
      demand: [
        { site: 'N', item: 'boots', size: '270', qty: 10 },
        { site: 'E', item: 'boots', size: '270', qty: 4 },
      ],
      stock: [
        { depot: 'D-N', item: 'boots', size: '270', available: 3, inTransit: 1 },
        { depot: 'D-C', item: 'boots', size: '270', available: 2, inTransit: 0 },
        { depot: 'D-E', item: 'boots', size: '270', available: 6, inTransit: 0 },
      ],
    });
    expect(plan.rows).toEqual([
      { item: 'boots', size: '270', demand: 14, available: 11, inTransit: 1, net: 2 },
    ]);
    expect(plan.transfers).toEqual([
      { item: 'boots', size: '270', from: 'D-C', to: 'D-N', qty: 2 },
      { item: 'boots', size: '270', from: 'D-E', to: 'D-N', qty: 2 },
    ]);
    expect(plan.buy).toEqual([{ item: 'boots', size: '270', qty: 2 }]);
  });

  it('never substitutes another size, and lists sizes held but not needed', () => {
    const plan = planSupply({
      depots,
      demand: [{ site: 'N', item: 'cap', size: '57', qty: 5 }],
      stock: [{ depot: 'D-N', item: 'cap', size: '58', available: 50, inTransit: 0 }],
    });
    expect(plan.buy).toEqual([{ item: 'cap', size: '57', qty: 5 }]);
    expect(plan.transfers).toEqual([]);
    expect(plan.rows.find((r) => r.size === '58')).toMatchObject({ demand: 0, available: 50, net: 0 });
  });

  it('buys exactly demand − supply per size when nothing can move, for random instances', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            site: fc.constantFrom('N', 'E'),
            size: fc.constantFrom('1', '2', '3'),
            qty: fc.integer({ min: 0, max: 20 }),
          }),
        ),
        fc.array(
          fc.record({
            depot: fc.constantFrom('D-N', 'D-E', 'D-C'),
            size: fc.constantFrom('1', '2', '3'),
            available: fc.integer({ min: 0, max: 20 }),
          }),
        ),
        (demand, stock) => {
          const dedupe = <T extends object>(rows: T[], k: (r: T) => string) => [
            ...new Map(rows.map((r) => [k(r), r])).values(),
          ];
          const d = dedupe(demand, (r) => r.site + r.size).map((r) => ({ ...r, item: 'x' }));
          const s = dedupe(stock, (r) => r.depot + r.size).map((r) => ({ ...r, item: 'x', inTransit: 0 }));
          const plan = planSupply({ depots, demand: d, stock: s });
          for (const size of ['1', '2', '3']) {
            const need = d.filter((r) => r.size === size).reduce((a, r) => a + r.qty, 0);
            const have = s.filter((r) => r.size === size).reduce((a, r) => a + r.available, 0);
            const bought = plan.buy.find((b) => b.size === size)?.qty ?? 0;
            expect(bought).toBe(Math.max(0, need - have));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
