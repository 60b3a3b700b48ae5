import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { seededRandom } from './random.ts';
import { randomInstance } from './random-instance.ts';
import { compareFlows, solveAllocation } from './solve.ts';
import type { AllocationInstance, DemandRow, StockRow } from './types.ts';
import { verifyAllocation } from './verify.ts';

const stock = (depot: string, size: string, qty: number, item = 'boots'): StockRow => ({
  depot,
  item,
  size,
  qty,
});
const demand = (site: string, size: string, count: number, item = 'boots'): DemandRow => ({
  site,
  item,
  size,
  count,
});
const instance = (parts: Partial<AllocationInstance>): AllocationInstance => ({
  unmetCost: 1000,
  stock: [],
  demand: [],
  substitutions: [],
  transport: [],
  ...parts,
});

describe('solveAllocation', () => {
  it('solves the example from the issue: twelve boots one size up at cost 1 each', () => {
    const inst = instance({
      stock: [stock('A', '270', 40)],
      demand: [demand('A', '265', 12)],
      substitutions: [{ item: 'boots', preferred: '265', issued: '270', cost: 1 }],
      transport: [{ depot: 'B', site: 'A', cost: 5 }],
    });
    expect(solveAllocation(inst)).toEqual({
      objective: 12,
      unmet: 0,
      flows: [{ item: 'boots', depot: 'A', site: 'A', preferred: '265', issued: '270', qty: 12 }],
    });
  });

  it('leaves everyone without when there is no stock', () => {
    const inst = instance({ unmetCost: 7, demand: [demand('A', '265', 3), demand('B', '270', 2)] });
    expect(solveAllocation(inst)).toEqual({ objective: 35, unmet: 5, flows: [] });
  });

  it('costs nothing when nobody needs anything', () => {
    expect(solveAllocation(instance({ stock: [stock('A', '270', 5)] }))).toEqual({
      objective: 0,
      unmet: 0,
      flows: [],
    });
    expect(
      solveAllocation(instance({ stock: [stock('A', '270', 5)], demand: [demand('A', '270', 0)] })),
    ).toEqual({
      objective: 0,
      unmet: 0,
      flows: [],
    });
  });

  it('issues nothing when every pairing is disallowed: other sizes without rules, other depots without routes', () => {
    const inst = instance({
      unmetCost: 9,
      stock: [stock('A', '270', 10), stock('B', '265', 10)],
      demand: [demand('A', '265', 4)],
      substitutions: [{ item: 'boots', preferred: '270', issued: '265', cost: 1 }],
      transport: [{ depot: 'A', site: 'B', cost: 1 }],
    });
    expect(solveAllocation(inst)).toEqual({ objective: 36, unmet: 4, flows: [] });
  });

  it('gives up the cheap size to the person who has no other choice', () => {
    // Greedy would give 265 to its owner and leave the 260 person without; the optimum moves the 265 person up.
    const inst = instance({
      stock: [stock('A', '265', 1), stock('A', '270', 1)],
      demand: [demand('A', '260', 1), demand('A', '265', 1)],
      substitutions: [
        { item: 'boots', preferred: '260', issued: '265', cost: 1 },
        { item: 'boots', preferred: '265', issued: '270', cost: 1 },
      ],
    });
    const result = solveAllocation(inst);
    expect(result.objective).toBe(2);
    expect(result.flows.map((f) => `${f.preferred}→${f.issued}`)).toEqual(['260→265', '265→270']);
  });

  it('leaves people without rather than pay a substitution dearer than that, but takes one costing exactly that', () => {
    const rules = [
      { item: 'boots', preferred: '265', issued: '270', cost: 1 },
      { item: 'boots', preferred: '265', issued: '275', cost: 3 },
    ];
    const inst = (unmetCost: number) =>
      instance({
        unmetCost,
        stock: [stock('A', '270', 2), stock('A', '275', 5)],
        demand: [demand('A', '265', 4)],
        substitutions: rules,
      });
    expect(solveAllocation(inst(2))).toMatchObject({ objective: 2 + 2 * 2, unmet: 2 });
    expect(solveAllocation(inst(2)).flows.map((f) => f.issued)).toEqual(['270']);
    expect(solveAllocation(inst(3))).toMatchObject({ objective: 2 + 2 * 3, unmet: 0 });
  });

  it('serves whatever is free when leaving people without costs nothing', () => {
    const inst = instance({
      unmetCost: 0,
      stock: [stock('A', '265', 1), stock('A', '270', 5)],
      demand: [demand('A', '265', 3)],
      substitutions: [{ item: 'boots', preferred: '265', issued: '270', cost: 1 }],
    });
    expect(solveAllocation(inst)).toEqual({
      objective: 0,
      unmet: 2,
      flows: [{ item: 'boots', depot: 'A', site: 'A', preferred: '265', issued: '265', qty: 1 }],
    });
  });

  it('uses zero-cost alternatives freely', () => {
    const inst = instance({
      stock: [stock('A', '265', 1), stock('B', '265', 1), stock('A', '270', 1)],
      demand: [demand('A', '265', 3)],
      substitutions: [{ item: 'boots', preferred: '265', issued: '270', cost: 0 }],
      transport: [{ depot: 'B', site: 'A', cost: 0 }],
    });
    const result = solveAllocation(inst);
    expect(result).toMatchObject({ objective: 0, unmet: 0 });
    expect(result.flows).toHaveLength(3);
  });

  it('lets a listed rule override the free defaults for the preferred size and the own depot', () => {
    const inst = instance({
      stock: [stock('A', '265', 5), stock('B', '265', 5)],
      demand: [demand('A', '265', 2)],
      substitutions: [{ item: 'boots', preferred: '265', issued: '265', cost: 2 }],
      transport: [
        { depot: 'A', site: 'A', cost: 9 },
        { depot: 'B', site: 'A', cost: 4 },
      ],
    });
    expect(solveAllocation(inst)).toEqual({
      objective: 2 * (2 + 4),
      unmet: 0,
      flows: [{ item: 'boots', depot: 'B', site: 'A', preferred: '265', issued: '265', qty: 2 }],
    });
  });

  it('solves items independently and sums their costs', () => {
    const inst = instance({
      unmetCost: 10,
      stock: [stock('A', '57', 1, 'hat'), stock('A', '265', 1)],
      demand: [demand('A', '57', 2, 'hat'), demand('A', '265', 1)],
    });
    expect(solveAllocation(inst)).toMatchObject({ objective: 10, unmet: 1 });
  });

  it('gives the same answer, in the same order, however the instance lists its rows', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const inst = randomInstance(seed);
      const rng = seededRandom(seed * 31);
      const shuffled: AllocationInstance = {
        unmetCost: inst.unmetCost,
        stock: rng.shuffle(inst.stock),
        demand: rng.shuffle(inst.demand),
        substitutions: rng.shuffle(inst.substitutions),
        transport: rng.shuffle(inst.transport),
      };
      expect(solveAllocation(shuffled), `seed ${seed}`).toEqual(solveAllocation(inst));
    }
  });

  it('lists flows sorted, without empty ones, and always feasible', () => {
    for (let seed = 200; seed < 260; seed++) {
      const inst = randomInstance(seed);
      const { flows } = solveAllocation(inst);
      expect([...flows].sort(compareFlows)).toEqual(flows);
      expect(flows.every((f) => f.qty > 0)).toBe(true);
      expect(verifyAllocation(inst, solveAllocation(inst))).toEqual([]);
    }
  });

  it('refuses an instance built by hand with the same stock or class twice, rather than answer wrongly', () => {
    expect(() =>
      solveAllocation(
        instance({ stock: [stock('A', '265', 1), stock('A', '265', 2)], demand: [demand('A', '265', 1)] }),
      ),
    ).toThrow(InputError);
    expect(() =>
      solveAllocation(instance({ demand: [demand('A', '265', 1), demand('A', '265', 2)] })),
    ).toThrow(InputError);
  });
});
