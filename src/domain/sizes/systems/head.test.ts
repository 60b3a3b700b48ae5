import { describe, expect, it } from 'vitest';
import type { Body } from '../body.ts';
import { DEFAULT_SIZE_PROFILE, parseSizeProfile, type SizeProfile } from '../profile.ts';
import { systemFor } from '../registry.ts';

const profile = (o: unknown): SizeProfile => {
  const r = parseSizeProfile(o);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const head = (cm: number): Body => ({ headGirth: { min: cm, max: cm } }) as Body;
const formatted = (system: string, body: Body, p: SizeProfile = DEFAULT_SIZE_PROFILE) => {
  const r = systemFor(system, p).format(body);
  if (!r.ok) throw new Error(r.errors[0]!.reason);
  return r.value;
};
const claim = (system: string, label: string, p: SizeProfile = DEFAULT_SIZE_PROFILE) => {
  const r = systemFor(system, p).parse(label);
  if (!r.ok) throw new Error(r.errors[0]!.reason);
  return r.value;
};

// Reference sheet §2 hat table: US column superglobalcalculator.com; UK = US − 1/8 (Wikipedia "Hat", ailimedesigns).
const HAT_TABLE: [number, string, string][] = [
  [53, '6 5/8', '6 1/2'],
  [54, '6 3/4', '6 5/8'],
  [55, '6 7/8', '6 3/4'],
  [56, '7', '6 7/8'],
  [57, '7 1/8', '7'],
  [58, '7 1/4', '7 1/8'],
  [59, '7 3/8', '7 1/4'],
  [60, '7 1/2', '7 3/8'],
  [61, '7 5/8', '7 1/2'],
  [62, '7 3/4', '7 5/8'],
  [63, '7 7/8', '7 3/4'],
  [64, '8', '7 7/8'],
];

describe('hat-us and hat-uk (reference sheet §2 table)', () => {
  it.each(HAT_TABLE)(
    'a %d cm head is US %s (superglobalcalculator) and UK %s (Wikipedia "Hat")',
    (cm, us, uk) => {
      expect(formatted('hat-us', head(cm)).label).toBe(us);
      expect(formatted('hat-uk', head(cm)).label).toBe(uk);
    },
  );

  it.each(HAT_TABLE)('US %s claims a head girth range containing %d cm', (cm, us) => {
    const b = claim('hat-us', us).body.headGirth!;
    expect(b.min).toBeLessThanOrEqual(cm);
    expect(b.max).toBeGreaterThanOrEqual(cm);
  });

  it('rounds 58 cm to 7 1/4 and 22 in to 7 (formula check, reference sheet §2)', () => {
    expect(formatted('hat-us', head(58)).label).toBe('7 1/4');
    expect(formatted('hat-us', head(22 * 2.54)).label).toBe('7');
  });

  it('gives 23 in as 7 3/8 (askvity.info, rounding up) and sizes 57 cm up to 7 1/4 when the profile rounds up', () => {
    const up = profile({ hat: { mode: 'up' } });
    expect(formatted('hat-us', head(23 * 2.54), up).label).toBe('7 3/8');
    expect(formatted('hat-us', head(23 * 2.54)).label).toBe('7 3/8');
    expect(formatted('hat-us', head(57), up).label).toBe('7 1/4');
  });

  it('makes UK equal to US when the profile follows superglobalcalculator (offset 0)', () => {
    expect(formatted('hat-uk', head(57), profile({ hatUkOffsetIn: 0 })).label).toBe('7 1/8');
  });

  it('reads 7 1/8, 7.125, 7-1/8 and 7⅛ as the same label', () => {
    for (const l of ['7 1/8', '7.125', '7-1/8', '7⅛', ' 7  1/8 '])
      expect(claim('hat-us', l).label).toBe('7 1/8');
  });

  it.each([
    ['7.1', 'eighths'],
    ['7 1/3', 'eighths'],
    ['9', 'outside its range'],
    ['', 'empty'],
    ['-7', 'negative'],
    ['seven', 'not a size number'],
  ])('refuses hat-us %j (%s)', (label, words) => {
    const r = systemFor('hat-us').parse(label);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.reason).toContain(words);
  });
});

describe('head-cm', () => {
  it('is head girth in whole cm (EN 13402-1; Russian headwear, livemaster: 58 cm head → 58)', () => {
    expect(claim('head-cm', '58').body.headGirth).toEqual({ min: 57.5, max: 58.5 });
    expect(formatted('head-cm', head(58)).label).toBe('58');
  });

  it('accepts a cm unit after the number (57 cm, 57см)', () => {
    expect(claim('head-cm', '57 cm').label).toBe('57');
    expect(claim('head-cm', '57см').label).toBe('57');
  });

  it('reports 58.5 cm as a tie between 58 and 59 (reenact.store calls it ambiguous), 59 by default', () => {
    const f = formatted('head-cm', head(58.5));
    expect(f).toMatchObject({ label: '59', alternatives: ['58'], tie: true });
  });

  it('refuses half centimetres and out-of-range sizes', () => {
    expect(systemFor('head-cm').parse('57.5').ok).toBe(false);
    expect(systemFor('head-cm').parse('99').ok).toBe(false);
  });
});

describe('hat-letter (Wikipedia "Hat": S 55–56, M 57–58, L 59–60, XL 61–62, XXL 63–64 cm)', () => {
  it.each([
    [55, 'S'],
    [56, 'S'],
    [57, 'M'],
    [58, 'M'],
    [59, 'L'],
    [62, 'XL'],
    [64, 'XXL'],
  ])('puts a %d cm head in %s', (cm, letter) => {
    expect(formatted('hat-letter', head(cm)).label).toBe(letter);
  });

  it('agrees with geratools that 57 cm is Medium, and reads 2xl as XXL', () => {
    expect(formatted('hat-letter', head(57)).label).toBe('M');
    expect(claim('hat-letter', '2xl').label).toBe('XXL');
  });

  it('refuses letters it does not know', () => {
    const r = systemFor('hat-letter').parse('XXXXL');
    expect(r.ok).toBe(false);
  });
});
