import { describe, expect, it } from 'vitest';
import { classLevelLp, personLevelLp } from './lp-model.ts';
import type { Person } from './people.ts';
import type { AllocationInstance } from './types.ts';

const example: AllocationInstance = {
  unmetCost: 1000,
  stock: [
    { depot: 'A', item: 'boots', size: '270', qty: 40 },
    { depot: 'B', item: 'boots', size: '265', qty: 0 },
  ],
  demand: [{ site: 'A', item: 'boots', size: '265', count: 12 }],
  substitutions: [{ item: 'boots', preferred: '265', issued: '270', cost: 1 }],
  transport: [{ depot: 'B', site: 'A', cost: 5 }],
};

describe('classLevelLp', () => {
  it('writes one column per allowed arc with stock and one unmet column per class', () => {
    const model = classLevelLp(example);
    expect(model.text).toBe(
      [
        'Minimize',
        ' obj: 1 x0 + 1000 x1',
        'Subject To',
        ' d0: x0 + x1 = 12',
        ' s0: x0 <= 40',
        'End',
        '',
      ].join('\n'),
    );
    expect(model).toMatchObject({ columns: 2, rows: 2 });
  });

  it('writes a valid model for an empty instance', () => {
    const model = classLevelLp({ ...example, stock: [], demand: [] });
    expect(model.text).toContain(' empty = 0');
    expect(model.columns).toBe(0);
  });

  it('wraps long sums over several lines', () => {
    const demand = [{ site: 'A', item: 'boots', size: '265', count: 1 }];
    const stock = Array.from({ length: 20 }, (_, i) => ({
      depot: 'A',
      item: 'boots',
      size: `s${i}`,
      qty: 1,
    }));
    const substitutions = stock.map((r) => ({ item: 'boots', preferred: '265', issued: r.size, cost: 1 }));
    const lines = classLevelLp({ ...example, stock, demand, substitutions, transport: [] }).text.split('\n');
    expect(lines.some((l) => l.startsWith(' + '))).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(200);
  });
});

describe('personLevelLp', () => {
  const people: Person[] = [
    { id: 'P1', site: 'A', sizes: { boots: '265', hat: '57' } },
    { id: 'P2', site: 'A', sizes: { boots: '265' } },
  ];
  const input = { ...example, people };

  it('writes one row per person and item, and one column per person, item and allowed option plus unmet', () => {
    const model = personLevelLp(input);
    // Boots: (270 at A) + unmet for each of two people; hat: unmet only.
    expect(model).toMatchObject({ columns: 5, rows: 4 });
    expect(model.text).toContain(' p0: x0 + x1 = 1');
    expect(model.text).toContain(' s0: x0 + x3 <= 40');
  });

  it('builds the model of some items only', () => {
    expect(personLevelLp(input, new Set(['hat']))).toMatchObject({ columns: 1, rows: 1 });
  });
});
