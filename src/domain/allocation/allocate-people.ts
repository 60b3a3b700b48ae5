import { handOut, type PersonAllocation } from './hand-out.ts';
import { classesOf, type PeopleInstance } from './people.ts';
import { solveAllocation } from './solve.ts';
import type { AllocationResult, DemandRow } from './types.ts';

/**
 * The whole allocation of an intake in one call: group people into classes, solve each item exactly, hand the
 * flows out to people by id. `result` is the class-level answer (as `kitout allocate` prints it), `allocations`
 * each person's kit in id order, `demand` the classes (people per site, item and preferred size).
 */
export function allocatePeople(input: PeopleInstance): {
  result: AllocationResult;
  allocations: PersonAllocation[];
  demand: DemandRow[];
} {
  const demand = classesOf(input.people);
  const result = solveAllocation({
    unmetCost: input.unmetCost,
    stock: input.stock,
    demand,
    substitutions: input.substitutions,
    transport: input.transport,
  });
  return { result, allocations: handOut(input.people, result.flows), demand };
}
