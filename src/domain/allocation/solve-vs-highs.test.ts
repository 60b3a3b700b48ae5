import { beforeAll, describe, expect, it } from 'vitest';
import { handOut } from './hand-out.ts';
import { parseInstance } from './instance-schema.ts';
import { generateIntake, instanceOf } from './intake-generator.ts';
import { classLevelLp, type LpModel, personLevelLp } from './lp-model.ts';
import { randomInstance } from './random-instance.ts';
import { RuleBook } from './rule-book.ts';
import { solveAllocation } from './solve.ts';
import type { AllocationInstance } from './types.ts';
import { verifyAllocation } from './verify.ts';

type Solver = {
  solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number };
};
let highs: Solver;

beforeAll(async () => {
  highs = (await (await import('highs')).default()) as unknown as Solver;
});

/** HiGHS's optimum, checked to be optimal and (as LP optima of these models are integral) a whole number. */
function highsObjective(model: LpModel): number {
  const solution = highs.solve(model.text, { output_flag: false });
  expect(solution.Status).toBe('Optimal');
  const rounded = Math.round(solution.ObjectiveValue);
  expect(Math.abs(solution.ObjectiveValue - rounded)).toBeLessThan(1e-6);
  return rounded;
}

function describeInstance(inst: AllocationInstance): string {
  return `${inst.stock.length} stock rows, ${inst.demand.length} classes, unmetCost ${inst.unmetCost}`;
}

describe('the solver against HiGHS', () => {
  it('finds the same optimum as HiGHS on 400 random instances, with a feasible, correctly costed flow', () => {
    const seen = { served: 0, unmet: 0, substituted: 0, transferred: 0, allServed: 0 };
    for (let seed = 1; seed <= 400; seed++) {
      const instance = randomInstance(seed);
      expect(parseInstance(instance).ok, `seed ${seed} is a valid instance`).toBe(true);
      const result = solveAllocation(instance);
      expect(verifyAllocation(instance, result), `seed ${seed}: ${describeInstance(instance)}`).toEqual([]);
      expect(result.objective, `seed ${seed}: ${describeInstance(instance)}`).toBe(
        highsObjective(classLevelLp(instance)),
      );
      if (result.flows.length) seen.served++;
      if (result.unmet) seen.unmet++;
      else seen.allServed++;
      if (result.flows.some((f) => f.issued !== f.preferred)) seen.substituted++;
      if (result.flows.some((f) => f.depot !== f.site)) seen.transferred++;
    }
    // The random instances must actually exercise every kind of answer, or the comparison proves little.
    expect(seen.served).toBeGreaterThan(150);
    expect(seen.unmet).toBeGreaterThan(150);
    expect(seen.allServed).toBeGreaterThan(5);
    expect(seen.substituted).toBeGreaterThan(80);
    expect(seen.transferred).toBeGreaterThan(80);
  });

  it('finds the same optimum as HiGHS on 30 larger random instances (up to 10 depots × 20 sizes)', () => {
    for (let seed = 5000; seed < 5030; seed++) {
      const instance = randomInstance(seed, { depots: 10, sizes: 20, items: 2, count: 500 });
      const result = solveAllocation(instance);
      expect(verifyAllocation(instance, result), `seed ${seed}`).toEqual([]);
      expect(result.objective, `seed ${seed}: ${describeInstance(instance)}`).toBe(
        highsObjective(classLevelLp(instance)),
      );
    }
  });

  it('serves the most people among equally cheap answers, as HiGHS confirms with a lexicographic objective', () => {
    let checked = 0;
    for (let seed = 1000; seed < 1150; seed++) {
      const instance = randomInstance(seed);
      const total = instance.demand.reduce((sum, r) => sum + r.count, 0);
      if (total === 0) continue;
      // Scaling every cost by K > total people and adding 1 per unmet unit ranks answers by cost, then by unmet.
      const k = total + 1;
      const lexicographic: AllocationInstance = {
        unmetCost: instance.unmetCost * k + 1,
        stock: instance.stock,
        demand: instance.demand,
        substitutions: instance.substitutions.map((r) => ({ ...r, cost: r.cost * k })),
        transport: instance.transport.map((r) => ({ ...r, cost: r.cost * k })),
      };
      const result = solveAllocation(instance);
      const fewestUnmet = highsObjective(classLevelLp(lexicographic)) - k * result.objective;
      expect(result.unmet, `seed ${seed}`).toBe(fewestUnmet);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('matches HiGHS on the person-level model of generated intakes, and the hand-out costs exactly the optimum', () => {
    for (const [seed, people, stockRatio] of [
      [1, 300, 1.1],
      [2, 500, 0.6],
      [3, 200, 1.5],
    ] as const) {
      const intake = generateIntake({ seed, people, stockRatio });
      const instance = instanceOf(intake);
      const result = solveAllocation(instance);
      expect(verifyAllocation(instance, result)).toEqual([]);
      expect(result.objective).toBe(highsObjective(personLevelLp(intake)));
      const rules = new RuleBook(instance);
      let cost = 0;
      for (const { person, items } of handOut(intake.people, result.flows)) {
        for (const [item, got] of Object.entries(items)) {
          cost += got
            ? rules.substitutionCost(item, person.sizes[item]!, got.issued)! +
              rules.transportCost(got.depot, person.site)!
            : instance.unmetCost;
        }
      }
      expect(cost).toBe(result.objective);
    }
  });
});
