import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE_PROFILE, parseSizeProfile } from './profile.ts';

describe('DEFAULT_SIZE_PROFILE', () => {
  it('keeps the defaults DESIGN.md fixes: UK hat = US − 1/8, US women = men + 1.5, UK shoe = US men − 1', () => {
    expect(DEFAULT_SIZE_PROFILE.hatUkOffsetIn).toBe(0.125);
    expect(DEFAULT_SIZE_PROFILE.usWomenOverUsMen).toBe(1.5);
    expect(DEFAULT_SIZE_PROFILE.usMenOverUk).toBe(1);
  });

  it('has Russian height groups 1–6 = 155–161 … 185–191 cm with the lower bound inclusive (DESIGN.md)', () => {
    expect(DEFAULT_SIZE_PROFILE.ruHeightGroups.map((g) => [g.group, g.min, g.max])).toEqual([
      [1, 155, 161],
      [2, 161, 167],
      [3, 167, 173],
      [4, 173, 179],
      [5, 179, 185],
      [6, 185, 191],
    ]);
    expect(DEFAULT_SIZE_PROFILE.ruHeightTie).toBe('larger');
  });

  it('uses a 15 mm foot-to-last allowance (Wikipedia "Shoe size", greenpineresort)', () => {
    expect(DEFAULT_SIZE_PROFILE.footToLastMm).toBe(15);
  });

  it('is frozen all the way down, since compiled systems are cached per profile object', () => {
    expect(Object.isFrozen(DEFAULT_SIZE_PROFILE.ruHeightGroups[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_SIZE_PROFILE.plausibility.height)).toBe(true);
  });
});

describe('parseSizeProfile', () => {
  it('returns the defaults for an empty override', () => {
    const r = parseSizeProfile({});
    expect(r.ok && r.value).toEqual(DEFAULT_SIZE_PROFILE);
  });

  it('takes a 20 mm allowance (frederiksfridayfact) and keeps the rest', () => {
    const r = parseSizeProfile({ footToLastMm: 20 });
    expect(r.ok && r.value.footToLastMm).toBe(20);
    expect(r.ok && r.value.usMenOverUk).toBe(1);
  });

  it('gives rounding up its natural tie rule (smaller) when only the mode is set (askvity hat sizing)', () => {
    const r = parseSizeProfile({ hat: { mode: 'up' } });
    expect(r.ok && r.value.hat).toEqual({ mode: 'up', tie: 'smaller' });
    const r2 = parseSizeProfile({ hat: { mode: 'up', tie: 'larger' } });
    expect(r2.ok && r2.value.hat).toEqual({ mode: 'up', tie: 'larger' });
  });

  it('accepts UK hat = US (superglobalcalculator) as an offset of 0', () => {
    const r = parseSizeProfile({ hatUkOffsetIn: 0 });
    expect(r.ok && r.value.hatUkOffsetIn).toBe(0);
  });

  it.each([
    [{ footToLastMm: -1 }, 'footToLastMm'],
    [{ footToLastMm: 'x' }, 'footToLastMm'],
    [{ hatUkOffsetIn: 0.1 }, 'hatUkOffsetIn'],
    [{ usWomenOverUsMen: 1.25 }, 'usWomenOverUsMen'],
    [{ euShoeStep: 0.25 }, 'euShoeStep'],
    [{ hat: { mode: 'sideways' } }, 'hat.mode'],
    [{ colour: 'red' }, 'profile'],
    [{ plausibility: { height: [210, 140] } }, 'plausibility.height'],
  ])('refuses %j naming the field %s', (input, field) => {
    const r = parseSizeProfile(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain(field);
  });

  it('refuses overlapping or repeated height groups', () => {
    const overlap = parseSizeProfile({
      ruHeightGroups: [
        { group: 1, min: 155, max: 162 },
        { group: 2, min: 161, max: 167 },
      ],
    });
    expect(overlap.ok).toBe(false);
    if (!overlap.ok) expect(overlap.errors[0]!.reason).toContain('must start at or after group 1 ends');
    const twice = parseSizeProfile({
      ruHeightGroups: [
        { group: 1, min: 155, max: 161 },
        { group: 1, min: 161, max: 167 },
      ],
    });
    expect(twice.ok).toBe(false);
  });

  it('accepts a height-group table with gaps (e.g. the GOST typical heights ±2)', () => {
    const r = parseSizeProfile({
      ruHeightGroups: [
        { group: 1, min: 156, max: 160 },
        { group: 2, min: 162, max: 166 },
      ],
    });
    expect(r.ok).toBe(true);
  });
});
