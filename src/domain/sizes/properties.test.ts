import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Body, Dimension } from './body.ts';
import { convert } from './convert.ts';
import { DEFAULT_SIZE_PROFILE, parseSizeProfile, type SizeProfile } from './profile.ts';
import { systemsFor } from './registry.ts';
import { SYSTEM_IDS, type SystemId } from './system.ts';

/*
 * Properties over random size profiles (rounding modes, tie rules, allowances, offsets), so they hold for
 * every setting an organisation can choose, not only the defaults.
 */

const rounding = fc.record({
  mode: fc.constantFrom('nearest' as const, 'up' as const, 'down' as const),
  tie: fc.constantFrom('larger' as const, 'smaller' as const),
});
const randomProfiles = fc
  .record({
    footToLastMm: fc.integer({ min: 0, max: 25 }),
    euShoeStep: fc.constantFrom(1 as const, 0.5 as const),
    hatUkOffsetIn: fc.constantFrom(0, 0.125),
    usWomenOverUsMen: fc.constantFrom(1, 1.5, 2),
    usMenOverUk: fc.constantFrom(0.5, 1),
    head: rounding,
    hat: rounding,
    footMetric: rounding,
    shoeLast: rounding,
    garment: rounding,
    ruHeightTie: fc.constantFrom('larger' as const, 'smaller' as const),
  })
  .map((o): SizeProfile => {
    const r = parseSizeProfile(o);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  });

/**
 * A fixed pool of random profiles (plus the default): compiling a profile's tables costs a few milliseconds,
 * so properties draw from the pool and each compiled profile is reused through the registry's cache.
 */
const POOL = [DEFAULT_SIZE_PROFILE, ...fc.sample(randomProfiles, { numRuns: 24, seed: 20240611 })];
const profiles = fc.constantFrom(...POOL);

/** One-dimensional systems grouped by the dimension they speak about; ru-garment by its chest-only labels. */
const BY_DIMENSION: Partial<Record<Dimension, SystemId[]>> = {
  footLength: [
    'mondopoint',
    'kr-shoe',
    'ru-shoe',
    'cn-shoe',
    'eu-shoe',
    'uk-shoe',
    'us-shoe-men',
    'us-shoe-women',
  ],
  headGirth: ['head-cm', 'hat-us', 'hat-uk', 'hat-letter'],
  chest: ['kr-top', 'kr-top-letter', 'ru-garment'],
};
const ONE_DIM = Object.entries(BY_DIMENSION).flatMap(([dim, ids]) =>
  ids.map((id) => ({ dim: dim as Dimension, id })),
);
const PAIRS = Object.values(BY_DIMENSION).flatMap((ids) =>
  ids.flatMap((a) => ids.map((b) => [a, b] as const)),
);

/** Labels of a system that speak about one dimension only (ru-garment without height groups). */
const plainLabels = (p: SizeProfile, id: SystemId): string[] =>
  systemsFor(p)
    .get(id)!
    .labels()
    .filter((l) => id !== 'ru-garment' || !l.includes('-'));

const tryConvert = (l: string, a: SystemId, b: SystemId, p: SizeProfile) => {
  try {
    return convert(l, a, b, p);
  } catch {
    return undefined; // beyond the target's range: nothing to compare
  }
};

/** The profile setting whose tie rule governs each one-dimensional system. */
const tieRuleOf = (id: SystemId, p: SizeProfile) => {
  if (id === 'head-cm' || id === 'hat-letter') return p.head.tie;
  if (id === 'hat-us' || id === 'hat-uk') return p.hat.tie;
  if (id === 'mondopoint' || id === 'kr-shoe' || id === 'ru-shoe' || id === 'cn-shoe')
    return p.footMetric.tie;
  if (id === 'eu-shoe' || id === 'uk-shoe' || id === 'us-shoe-men' || id === 'us-shoe-women')
    return p.shoeLast.tie;
  return p.garment.tie;
};

const point = (dim: Dimension, x: number): Body => ({ [dim]: { min: x, max: x } }) as Body;

describe('size conversion properties', () => {
  it('parse then format is the identity on every label of every system', () => {
    fc.assert(
      fc.property(profiles, fc.constantFrom(...SYSTEM_IDS), (p, id) => {
        const system = systemsFor(p).get(id)!;
        for (const label of system.labels()) {
          const claim = system.parse(label);
          expect(claim.ok).toBe(true);
          if (!claim.ok) return;
          const back = system.format(
            claim.value.body,
            claim.value.sex ? { sex: claim.value.sex } : undefined,
          );
          expect(back.ok && back.value).toMatchObject({ label, alternatives: [], tie: false });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is monotonic: a larger source label never converts to a smaller target label', () => {
    fc.assert(
      fc.property(profiles, fc.constantFrom(...PAIRS), fc.nat(), fc.nat(), (p, [a, b], i, j) => {
        const labels = plainLabels(p, a);
        const lo = Math.min(i, j) % labels.length;
        const hi = Math.max(lo, Math.max(i, j) % labels.length);
        const x = tryConvert(labels[lo]!, a, b, p);
        const y = tryConvert(labels[hi]!, a, b, p);
        if (!x || !y) return;
        const target = plainLabels(p, b);
        expect(target.indexOf(x.to)).toBeLessThanOrEqual(target.indexOf(y.to));
      }),
      { numRuns: 400 },
    );
  });

  it('a round trip A → B → A lands within one step of where it started', () => {
    fc.assert(
      fc.property(profiles, fc.constantFrom(...PAIRS), fc.nat(), (p, [a, b], i) => {
        const labels = plainLabels(p, a);
        const start = labels[i % labels.length]!;
        const there = tryConvert(start, a, b, p);
        const back = there && tryConvert(there.to, b, a, p);
        if (!back) return;
        expect(Math.abs(labels.indexOf(back.to) - labels.indexOf(start))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it('always reports a point on the endpoint two labels share as a tie, with both labels', () => {
    fc.assert(
      fc.property(profiles, fc.constantFrom(...ONE_DIM), fc.nat(), (p, { dim, id }, k) => {
        const system = systemsFor(p).get(id)!;
        const labels = plainLabels(p, id);
        const lower = labels[k % (labels.length - 1)]!;
        const upper = labels[(k % (labels.length - 1)) + 1]!;
        const claim = system.parse(lower);
        if (!claim.ok) throw new Error(lower);
        const edge = claim.value.body[dim]!.max;
        const f = system.format(point(dim, edge));
        expect(f.ok).toBe(true);
        if (!f.ok) return;
        expect(f.value.tie).toBe(true);
        expect([f.value.label, ...f.value.alternatives].sort()).toEqual([lower, upper].sort());
        expect(f.value.label).toBe(tieRuleOf(id, p) === 'larger' ? upper : lower);
        expect(f.value.notes[0]!.key).toBe('note.boundaryTie');
      }),
      { numRuns: 300 },
    );
  });

  it('always reports an interval split evenly between two labels as a tie', () => {
    fc.assert(
      fc.property(profiles, fc.constantFrom(...ONE_DIM), fc.nat(), (p, { dim, id }, k) => {
        const system = systemsFor(p).get(id)!;
        const labels = plainLabels(p, id);
        const i = k % (labels.length - 1);
        const a = system.parse(labels[i]!);
        const b = system.parse(labels[i + 1]!);
        if (!a.ok || !b.ok) throw new Error('unparseable grid label');
        const ia = a.value.body[dim]!;
        const ib = b.value.body[dim]!;
        const f = system.format({
          [dim]: { min: (ia.min + ia.max) / 2, max: (ib.min + ib.max) / 2 },
        } as Body);
        expect(f.ok && f.value.tie).toBe(true);
        expect(f.ok && f.value.notes.map((n) => n.key)).toContain('note.spansTie');
      }),
      { numRuns: 300 },
    );
  });

  it('never reports a tie for a point strictly inside one label, and that label claims the point', () => {
    fc.assert(
      fc.property(
        profiles,
        fc.constantFrom(...ONE_DIM),
        fc.nat(),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (p, { dim, id }, k, t) => {
          const system = systemsFor(p).get(id)!;
          const labels = plainLabels(p, id);
          const claim = system.parse(labels[k % labels.length]!);
          if (!claim.ok) throw new Error('unparseable grid label');
          const i = claim.value.body[dim]!;
          const x = i.min + t * (i.max - i.min);
          const f = system.format(point(dim, x));
          expect(f.ok && f.value).toMatchObject({ label: claim.value.label, alternatives: [], tie: false });
        },
      ),
      { numRuns: 300 },
    );
  });
});
