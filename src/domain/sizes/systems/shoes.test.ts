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
const foot = (mm: number): Body => ({ footLength: { min: mm, max: mm } }) as Body;
const label = (system: string, body: Body, p: SizeProfile = DEFAULT_SIZE_PROFILE) => {
  const r = systemFor(system, p).format(body);
  if (!r.ok) throw new Error(r.errors[0]!.reason);
  return r.value.label;
};
const footOf = (system: string, l: string, p: SizeProfile = DEFAULT_SIZE_PROFILE) => {
  const r = systemFor(system, p).parse(l);
  if (!r.ok) throw new Error(r.errors[0]!.reason);
  return r.value.body.footLength!;
};
const mid = (i: { min: number; max: number }) => (i.min + i.max) / 2;
const noAllowance = profile({ footToLastMm: 0 });

describe('last-length formulas (isegoria.net "Shoe sizes"), checked with no allowance so foot = last', () => {
  it('EU = 3/2 × last in cm: EU 42 is a 280 mm last', () => {
    expect(mid(footOf('eu-shoe', '42', noAllowance))).toBeCloseTo(280, 9);
  });

  it('US men = 3 × last in − 24: US 9 is an 11 in last', () => {
    expect(mid(footOf('us-shoe-men', '9', noAllowance))).toBeCloseTo(11 * 25.4, 9);
  });

  it('US women = 3 × last in − 22.5 (= men + 1.5): US women 10.5 is the same last as men 9', () => {
    expect(mid(footOf('us-shoe-women', '10.5', noAllowance))).toBeCloseTo(11 * 25.4, 9);
  });

  it('UK = 3 × last in − 25 (= US men − 1): UK 8 is an 11 in last', () => {
    expect(mid(footOf('uk-shoe', '8', noAllowance))).toBeCloseTo(11 * 25.4, 9);
  });

  it('subtracts the profile allowance to get the foot: EU 42 = 265 mm foot with the 15 mm default', () => {
    expect(mid(footOf('eu-shoe', '42'))).toBeCloseTo(265, 9);
    expect(mid(footOf('eu-shoe', '42', profile({ footToLastMm: 20 })))).toBeCloseTo(260, 9);
  });
});

describe('foot-to-last allowance: sources disagree, the profile decides', () => {
  it('gives a 273 mm foot EU 41 with no allowance (naive rule, figures.co.ke: 27.3 cm → 40.95 ≈ 41)', () => {
    expect(label('eu-shoe', foot(273), noAllowance)).toBe('41');
  });

  it('gives the same foot EU 43 with the 15 mm default and EU 44 with 20 mm (reference sheet: 43/44)', () => {
    expect(label('eu-shoe', foot(273))).toBe('43');
    expect(label('eu-shoe', foot(273), profile({ footToLastMm: 20 }))).toBe('44');
  });

  it('puts EU 43 at a 267–270 mm foot, close to threadly.ru (EU 43 ≈ foot 26.7–27 cm)', () => {
    const f = footOf('eu-shoe', '43');
    expect(f.min).toBeCloseTo(268.33, 1);
    expect(f.max).toBeCloseTo(275, 1);
    expect(label('eu-shoe', foot(270))).toBe('43');
  });
});

describe('open-source tables that disagree (reference sheet §6)', () => {
  it('matches frankfu88 (US 9 = UK 8 = EU 42; US 10 = EU 43) under the default profile', () => {
    expect(convert('9', 'us-shoe-men', 'uk-shoe').to).toBe('8');
    expect(convert('9', 'us-shoe-men', 'eu-shoe').to).toBe('42');
    expect(convert('10', 'us-shoe-men', 'eu-shoe').to).toBe('43');
  });

  it("keeps matteo-gamba's UK 7.5 for EU 42 as a named alternative, not the pick", () => {
    const c = convert('42', 'eu-shoe', 'uk-shoe');
    expect(c.to).toBe('8');
    expect(c.alternatives).toContain('7.5');
    expect(c.notes.map((n) => n.key)).toContain('note.spans');
  });

  it('US women = US men + 1.5 by default (isegoria); 1 when the profile follows matteo-gamba', () => {
    expect(convert('8', 'us-shoe-women', 'us-shoe-men').to).toBe('6.5');
    expect(convert('8', 'us-shoe-women', 'us-shoe-men', profile({ usWomenOverUsMen: 1 })).to).toBe('7');
  });
});

describe('metric foot sizes', () => {
  it('reads GOST 11373-88 sizes as foot length in mm on a 5 mm step (ru-shoe 270)', () => {
    expect(footOf('ru-shoe', '270')).toEqual({ min: 267.5, max: 272.5 });
    expect(footOf('ru-shoe', '270 мм')).toEqual({ min: 267.5, max: 272.5 });
  });

  it('reads Korean shoe sizes as foot mm (260, 265, 270; figures.co.ke)', () => {
    expect(label('kr-shoe', foot(263))).toBe('265');
    expect(convert('265', 'kr-shoe', 'mondopoint').to).toBe('265');
  });

  it('writes a 265 mm foot as China 26.5 (victorzhang.cn: 1998 sizes in cm, half steps)', () => {
    expect(label('cn-shoe', foot(265))).toBe('26.5');
    expect(convert('26,5', 'cn-shoe', 'kr-shoe').to).toBe('265');
  });

  it('rounds a 25.4 cm foot to the nearest half centimetre, 25.5 (zipfit ski-boot Mondo)', () => {
    expect(label('cn-shoe', foot(254))).toBe('25.5');
  });

  it('reads Mondopoint with width, 280/110 (de.wikipedia "Mondopoint")', () => {
    const r = systemFor('mondopoint').parse('280/110');
    expect(r.ok && r.value.body).toEqual({
      footLength: { min: 277.5, max: 282.5 },
      footWidth: { min: 107.5, max: 112.5 },
    });
    const back = systemFor('mondopoint').format(r.ok ? r.value.body : {});
    expect(back.ok && back.value.label).toBe('280/110');
  });

  it.each([
    ['ru-shoe', '42', 'looks like an EU size'],
    ['kr-shoe', '26.5', 'looks like an EU size or centimetres'],
    ['cn-shoe', '265', 'looks like millimetres'],
    ['eu-shoe', '270', 'looks like millimetres'],
    ['us-shoe-men', '42', 'looks like an EU size'],
    ['kr-shoe', '272', '5 mm step'],
    ['mondopoint', '280/111', 'width 111'],
    ['mondopoint', '280/', 'length/width'],
    ['mondopoint', '272.5', '5 mm grid'],
    ['us-shoe-men', '9.25', 'halves'],
    ['cn-shoe', '26.3', '0.5 cm step'],
  ])('refuses %s %j with a hint (%s)', (system, l, words) => {
    const r = systemFor(system).parse(l);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.reason).toContain(words);
  });
});

describe('half sizes on the EU grid', () => {
  it('reads EU 42.5 on the whole-size grid as its own half step and reports the 42/43 tie', () => {
    const c = convert('42.5', 'eu-shoe', 'eu-shoe');
    expect(c).toMatchObject({ to: '43', alternatives: ['42'], tie: true });
    expect(c.notes.map((n) => n.key)).toEqual(['note.offGrid', 'note.spansTie']);
  });

  it('keeps 42.5 as a label when the profile uses half EU sizes', () => {
    const half = profile({ euShoeStep: 0.5 });
    expect(convert('42.5', 'eu-shoe', 'eu-shoe', half)).toMatchObject({
      to: '42.5',
      alternatives: [],
      tie: false,
    });
  });
});
