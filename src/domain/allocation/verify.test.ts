import { describe, expect, it } from 'vitest';
import type { AllocationInstance, AllocationResult } from './types.ts';
import { verifyAllocation } from './verify.ts';

const inst: AllocationInstance = {
  unmetCost: 10,
  stock: [
    { depot: 'A', item: 'boots', size: '270', qty: 3 },
    { depot: 'B', item: 'boots', size: '265', qty: 2 },
  ],
  demand: [{ site: 'A', item: 'boots', size: '265', count: 4 }],
  substitutions: [{ item: 'boots', preferred: '265', issued: '270', cost: 1 }],
  transport: [{ depot: 'B', site: 'A', cost: 5 }],
};
const flow = (depot: string, issued: string, qty: number) => ({
  item: 'boots',
  depot,
  site: 'A',
  preferred: '265',
  issued,
  qty,
});

describe('verifyAllocation', () => {
  it('accepts a feasible, correctly costed answer', () => {
    const result: AllocationResult = {
      objective: 3 + 5,
      unmet: 0,
      flows: [flow('A', '270', 3), flow('B', '265', 1)],
    };
    expect(verifyAllocation(inst, result)).toEqual([]);
  });

  it('catches a disallowed size, a disallowed route, over-issued stock and an over-served class', () => {
    const result: AllocationResult = {
      objective: 0,
      unmet: 0,
      flows: [flow('A', '275', 1), { ...flow('C', '265', 1), site: 'A' }, flow('A', '270', 4)],
    };
    const problems = verifyAllocation(inst, result);
    expect(problems.some((p) => p.includes('issuing 275 for 265 is not allowed'))).toBe(true);
    expect(problems.some((p) => p.includes('depot C may not serve site A'))).toBe(true);
    expect(problems.some((p) => p.includes('stock A/boots/270 is issued 1 more than held'))).toBe(true);
    expect(problems.some((p) => p.includes('class A/boots/265 gets 2 more than its people'))).toBe(true);
  });

  it('catches a wrong objective, a wrong unmet count and a fractional quantity', () => {
    expect(verifyAllocation(inst, { objective: 3, unmet: 1, flows: [flow('A', '270', 3)] })).toEqual([
      'objective is 3, but the flows cost 13',
    ]);
    expect(verifyAllocation(inst, { objective: 13, unmet: 0, flows: [flow('A', '270', 3)] })).toEqual([
      'unmet is 0, but the flows leave 1',
    ]);
    expect(
      verifyAllocation(inst, { objective: 1.5 + 25, unmet: 2.5, flows: [flow('A', '270', 1.5)] })[0],
    ).toMatch(/qty 1.5 is not a whole number/);
  });
});
