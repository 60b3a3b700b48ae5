import { describe, expect, it } from 'vitest';
import { parseInstance } from './instance-schema.ts';
import { DEFAULT_ITEMS, generateIntake, instanceOf } from './intake-generator.ts';
import { solveAllocation } from './solve.ts';

describe('generateIntake', () => {
  it('makes the same intake from the same seed and a different one from another', () => {
    const a = generateIntake({ seed: 1, people: 200 });
    expect(generateIntake({ seed: 1, people: 200 })).toEqual(a);
    expect(generateIntake({ seed: 2, people: 200 }).people).not.toEqual(a.people);
  });

  it('gives every person a site and a size from each item grid, with ids already in order', () => {
    const intake = generateIntake({ seed: 3, people: 1000 });
    expect(intake.people).toHaveLength(1000);
    const ids = intake.people.map((p) => p.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    const sizesOf = new Map<string, Set<string>>();
    for (const r of intake.stock) sizesOf.set(r.item, (sizesOf.get(r.item) ?? new Set()).add(r.size));
    for (const p of intake.people) {
      expect(['A', 'B', 'C']).toContain(p.site);
      expect(Object.keys(p.sizes)).toEqual(DEFAULT_ITEMS.map((i) => i.name));
      for (const [item, size] of Object.entries(p.sizes)) expect(sizesOf.get(item)!.has(size)).toBe(true);
    }
  });

  it('looks like a real intake: 8 items of 10–15 sizes, uneven sites, some sizes short, one route missing', () => {
    const intake = generateIntake({ seed: 4, people: 3000 });
    const sizes = new Map<string, Set<string>>();
    for (const r of intake.stock) sizes.set(r.item, (sizes.get(r.item) ?? new Set()).add(r.size));
    expect(sizes.size).toBe(8);
    for (const s of sizes.values()) expect(s.size >= 10 && s.size <= 15).toBe(true);
    const perSite = ['A', 'B', 'C'].map((site) => intake.people.filter((p) => p.site === site).length);
    expect(perSite[0]).toBeGreaterThan(perSite[1]!);
    expect(perSite[1]).toBeGreaterThan(perSite[2]!);
    expect(intake.transport).toHaveLength(5);
    const result = solveAllocation(instanceOf(intake));
    expect(result.unmet).toBeGreaterThan(0);
    expect(result.flows.some((f) => f.issued !== f.preferred)).toBe(true);
    expect(result.flows.some((f) => f.depot !== f.site)).toBe(true);
  });

  it('builds an instance the file parser accepts', () => {
    expect(parseInstance(instanceOf(generateIntake({ seed: 5, people: 100 }))).ok).toBe(true);
  });

  it('correlates a person’s sizes across items through one body build', () => {
    const { people } = generateIntake({ seed: 6, people: 4000 });
    const boots = people.map((p) => Number(p.sizes.boots));
    const belts = people.map((p) => Number(p.sizes.belt));
    expect(correlation(boots, belts)).toBeGreaterThan(0.3);
  });
});

function correlation(xs: number[], ys: number[]): number {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
