import { describe, expect, it } from 'vitest';
import { allocatePeople } from './allocate-people.ts';
import { generateIntake, instanceOf } from './intake-generator.ts';
import { solveAllocation } from './solve.ts';

describe('allocatePeople', () => {
  it('solves the class-level instance of the people and hands every person a kit record', () => {
    const intake = generateIntake({ seed: 9, people: 500, stockRatio: 0.9 });
    const { result, allocations } = allocatePeople(intake);
    expect(result).toEqual(solveAllocation(instanceOf(intake)));
    expect(allocations.map((a) => a.person)).toEqual(intake.people);
    const missing = allocations.reduce(
      (n, a) => n + Object.values(a.items).filter((x) => x === null).length,
      0,
    );
    expect(missing).toBe(result.unmet);
    expect(result.unmet).toBeGreaterThan(0);
  });
});
