import { handOut, type PersonAllocation } from './hand-out.ts';
import { classesOf, type PeopleInstance } from './people.ts';
import { solveAllocation } from './solve.ts';
import type { AllocationResult } from './types.ts';

/**
 * The whole allocation of an intake in one call: group people into classes, solve each item exactly, hand the
 * flows out to people by id. `result` is the class-level answer (as `kitout allocate` prints it), `allocations`
 * each person's kit in id order.
 */
export function allocatePeople(input: PeopleInstance): {
  result: AllocationResult;
  allocations: PersonAllocation[];
} {
  const result = solveAllocation({
    unmetCost: input.unmetCost,
    stock: input.stock,
    demand: classesOf(input.people),
    substitutions: input.substitutions,
    transport: input.transport,
  });
  return { result, allocations: handOut(input.people, result.flows) };
}
