import { describe, expect, it } from 'vitest';
import { KitoutError } from '../errors.ts';
import { handOut } from './hand-out.ts';
import { generateIntake, instanceOf } from './intake-generator.ts';
import type { Person } from './people.ts';
import { seededRandom } from './random.ts';
import { solveAllocation } from './solve.ts';
import type { Flow } from './types.ts';

const person = (id: string, boots: string, site = 'A'): Person => ({ id, site, sizes: { boots } });
const flow = (preferred: string, issued: string, depot: string, qty: number, site = 'A'): Flow => ({
  item: 'boots',
  depot,
  site,
  preferred,
  issued,
  qty,
});

describe('handOut', () => {
  it('gives the preferred size to the first people by id, then substitutes, then leaves the rest without', () => {
    const people = [person('P4', '265'), person('P2', '265'), person('P1', '265'), person('P3', '265')];
    const flows = [flow('265', '270', 'A', 1), flow('265', '265', 'B', 1), flow('265', '265', 'A', 1)];
    const out = handOut(people, flows);
    expect(out.map((a) => [a.person.id, a.items.boots])).toEqual([
      ['P1', { depot: 'A', issued: '265' }],
      ['P2', { depot: 'B', issued: '265' }],
      ['P3', { depot: 'A', issued: '270' }],
      ['P4', null],
    ]);
  });

  it('keeps classes apart: site and preferred size both matter', () => {
    const people = [person('P1', '265', 'B'), person('P2', '270', 'A'), person('P3', '265', 'A')];
    const out = handOut(people, [flow('265', '265', 'A', 1, 'A')]);
    expect(out.map((a) => a.items.boots)).toEqual([null, null, { depot: 'A', issued: '265' }]);
  });

  it('leaves a person without an item nobody planned flows for', () => {
    const out = handOut(
      [{ id: 'P1', site: 'A', sizes: { boots: '265', hat: '57' } }],
      [flow('265', '265', 'A', 1)],
    );
    expect(out[0]!.items).toEqual({ boots: { depot: 'A', issued: '265' }, hat: null });
  });

  it('refuses flows that promise a class more people than it has', () => {
    expect(() => handOut([person('P1', '265')], [flow('265', '265', 'A', 2)])).toThrow(KitoutError);
    expect(() => handOut([], [flow('265', '265', 'A', 1)])).toThrow(/1 more boots 265 at site A/);
  });

  it('gives the same people the same kit whatever order people and flows come in', () => {
    const intake = generateIntake({ seed: 11, people: 400, stockRatio: 0.7 });
    const { flows } = solveAllocation(instanceOf(intake));
    const rng = seededRandom(4);
    const once = handOut(intake.people, flows);
    const again = handOut(rng.shuffle(intake.people), rng.shuffle(flows));
    expect(again).toEqual(once);
    const served = once.reduce((n, a) => n + Object.values(a.items).filter(Boolean).length, 0);
    expect(served).toBe(flows.reduce((n, f) => n + f.qty, 0));
  });
});
