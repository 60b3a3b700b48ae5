import { describe, expect, it } from 'vitest';
import type { Body } from '../body.ts';
import { convert } from '../convert.ts';
import { DEFAULT_SIZE_PROFILE, parseSizeProfile, type SizeProfile } from '../profile.ts';
import { systemFor } from '../registry.ts';

const profile = (o: unknown): SizeProfile => {
  const r = parseSizeProfile(o);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const claim = (system: string, l: string, p: SizeProfile = DEFAULT_SIZE_PROFILE) => {
  const r = systemFor(system, p).parse(l);
  if (!r.ok) throw new Error(r.errors[0]!.reason);
  return r.value;
};
const format = (system: string, body: Body, p: SizeProfile = DEFAULT_SIZE_PROFILE) => {
  const r = systemFor(system, p).format(body);
  if (!r.ok) throw new Error(r.errors[0]!.reason);
  return r.value;
};
const point = (o: Record<string, number>): Body =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { min: v, max: v }])) as Body;
const refusal = (system: string, l: string): string => {
  const r = systemFor(system).parse(l);
  return r.ok ? 'accepted' : r.errors[0]!.reason;
};

describe('ru-garment', () => {
  it('reads 48 as chest 96 ± 2 cm (taier.by: 48 = chest 96, 96/2 = 48)', () => {
    expect(claim('ru-garment', '48').body).toEqual({ chest: { min: 94, max: 98 } });
  });

  // GOST 29295-2003 women's outerwear, chest column (taier.by).
  it.each([
    [42, 84],
    [44, 88],
    [46, 92],
    [48, 96],
    [50, 100],
    [52, 104],
    [54, 108],
    [56, 112],
    [58, 116],
    [60, 120],
    [68, 136],
  ])('writes a %d for a chest of %d cm (GOST 29295-2003 via taier.by)', (size, chest) => {
    expect(format('ru-garment', point({ chest })).label).toBe(String(size));
  });

  it('reads 48-4 as chest 94–98 and height group 4 = 173–179 cm (DESIGN.md default groups)', () => {
    expect(claim('ru-garment', '48-4').body).toEqual({
      chest: { min: 94, max: 98 },
      height: { min: 173, max: 179 },
    });
  });

  it('puts 176 cm (GOST 24912-81 typical height) in group 4', () => {
    expect(format('ru-garment', point({ chest: 96, height: 176 })).label).toBe('48-4');
  });

  it('reports 161 cm as a group 1/2 tie and gives it to group 2 (lower bound inclusive, DESIGN.md)', () => {
    const f = format('ru-garment', point({ chest: 96, height: 161 }));
    expect(f).toMatchObject({ label: '48-2', alternatives: ['48-1'], tie: true });
    expect(f.notes[0]).toMatchObject({ key: 'note.boundaryTie', params: { dim: 'height', a: '1', b: '2' } });
  });

  it('gives 161 cm to group 1 when the profile makes the upper bound inclusive', () => {
    expect(
      format('ru-garment', point({ chest: 96, height: 161 }), profile({ ruHeightTie: 'smaller' })).label,
    ).toBe('48-1');
  });

  it('uses a custom height-group table from the profile (e.g. GOST typical heights 158 … 188 ± 2)', () => {
    const p = profile({
      ruHeightGroups: [158, 164, 170, 176, 182, 188].map((c, i) => ({
        group: i + 1,
        min: c - 2,
        max: c + 2,
      })),
    });
    expect(claim('ru-garment', '50-3', p).body.height).toEqual({ min: 168, max: 172 });
    const f = format('ru-garment', point({ chest: 100, height: 172.6 }), p);
    expect(f).toMatchObject({ label: '50-3', alternatives: ['50-4'], tie: false });
    expect(f.notes[0]!.key).toBe('note.between');
    const mid = format('ru-garment', point({ chest: 100, height: 173 }), p);
    expect(mid).toMatchObject({ label: '50-4', alternatives: ['50-3'], tie: true });
  });

  it('writes a chest between sizes as both, the largest share first (98 cm sits on 48/50)', () => {
    expect(format('ru-garment', point({ chest: 98 }))).toMatchObject({
      label: '50',
      alternatives: ['48'],
      tie: true,
    });
  });

  it('leaves out the height group for a height outside every group, and says so', () => {
    const f = format('ru-garment', point({ chest: 96, height: 150 }));
    expect(f.label).toBe('48');
    expect(f.notes.map((n) => n.key)).toContain('note.heightOutsideGroups');
  });

  it.each([
    ['', 'empty'],
    ['48-', 'height group is missing'],
    ['49', 'odd'],
    ['48-9', 'height group 9 is not in the size profile'],
    ['48-50', 'looks like a size range'],
    ['48-x', 'not a height group'],
    ['-48', 'negative'],
    ['999', 'outside its range'],
    ['NaN', 'not a number'],
    ['48.5', 'not a whole size'],
  ])('refuses %j (%s)', (l, words) => {
    expect(refusal('ru-garment', l)).toContain(words);
  });

  it('accepts full-width digits and typographic dashes after NFKC (４８–４ = 48-4)', () => {
    expect(claim('ru-garment', '４８–４').label).toBe('48-4');
  });
});

describe('kr-top and kr-top-letter', () => {
  it('reads 95 as chest 92.5–97.5 cm (KS K 0050: tops by chest, 5 cm non-fitted intervals)', () => {
    expect(claim('kr-top', '95').body).toEqual({ chest: { min: 92.5, max: 97.5 } });
  });

  it.each([
    ['XS', 85],
    ['S', 90],
    ['M', 95],
    ['L', 100],
    ['XL', 105],
    ['XXL', 110],
    ['3XL', 115],
  ])('maps letter %s to chest %d cm (reference sheet §5, commerce convention)', (letter, chest) => {
    expect(format('kr-top-letter', point({ chest })).label).toBe(letter);
    expect(convert(letter, 'kr-top-letter', 'kr-top').to).toBe(String(chest));
  });

  it('reads 2XL and XXXL as XXL and 3XL', () => {
    expect(claim('kr-top-letter', '2xl').label).toBe('XXL');
    expect(claim('kr-top-letter', 'xxxl').label).toBe('3XL');
  });
});

describe('kr-women-legacy (digitalchosun 2017, ohmynews: 55 = 155 cm / chest 85, +5 cm / +3 cm per step)', () => {
  it.each([
    ['44', 150, 82],
    ['55', 155, 85],
    ['66', 160, 88],
    ['77', 165, 91],
    ['88', 170, 94],
  ])('%s is height %d cm and chest %d cm', (l, height, chest) => {
    const b = claim('kr-women-legacy', l).body;
    expect((b.height!.min + b.height!.max) / 2).toBeCloseTo(height, 9);
    expect((b.chest!.min + b.chest!.max) / 2).toBeCloseTo(chest, 9);
    expect(format('kr-women-legacy', point({ height, chest })).label).toBe(l);
  });

  it('does not follow Hankyung 1996, which would read "54" as 160 cm / 88 cm', () => {
    expect(refusal('kr-women-legacy', '54')).toContain('not one of 44, 55, 66, 77, 88');
  });

  it("lets chest decide and names the height's label when they disagree", () => {
    const f = format('kr-women-legacy', point({ chest: 88, height: 155 }));
    expect(f.label).toBe('66');
    expect(f.alternatives).toEqual(['55']);
    expect(f.notes[0]).toMatchObject({ key: 'note.dimsDisagree', params: { a: '66', b: '55' } });
  });

  it('falls back to height when no chest is known', () => {
    expect(format('kr-women-legacy', point({ height: 165 })).label).toBe('77');
  });
});

describe('rok-military (donga.com 2003: "100M170" = chest 100, male, height 170)', () => {
  it('reads 100M170 as chest 97.5–102.5 and height 167.5–172.5 cm, sex M', () => {
    const c = claim('rok-military', '100M170');
    expect(c.body).toEqual({ chest: { min: 97.5, max: 102.5 }, height: { min: 167.5, max: 172.5 } });
    expect(c.sex).toBe('M');
  });

  it('reads lower-case and full-width letters (100m170, １００Ｍ１７０)', () => {
    expect(claim('rok-military', '100m170').label).toBe('100M170');
    expect(claim('rok-military', '１００Ｍ１７０').label).toBe('100M170');
  });

  it('keeps the sex letter through a conversion to itself, and notes the profile default when it is missing', () => {
    expect(convert('90F160', 'rok-military', 'rok-military').to).toBe('90F160');
    const c = convert('48-4', 'ru-garment', 'rok-military');
    expect(c.to).toBe('95M175');
    expect(c.notes.map((n) => n.key)).toContain('note.sexAssumed');
  });

  it('needs both chest and height to write a label', () => {
    const r = systemFor('rok-military').format(point({ chest: 100 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.reason).toContain('height missing');
  });

  it.each([
    ['100X170', '"X" in "100X170" is not a sex letter'],
    ['100170', 'not chest-sex-height'],
    ['', 'empty'],
    ['101M170', 'chest 101 is not on the 5 cm grid'],
    ['100M171', 'height 171 is not on the 5 cm grid'],
    ['100MM170', 'not a sex letter'],
  ])('refuses %j (%s)', (l, words) => {
    expect(refusal('rok-military', l)).toContain(words);
  });
});
