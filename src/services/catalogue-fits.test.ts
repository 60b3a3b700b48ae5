import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.ts';
import { BELT_BY_LENGTH_CM, DEFAULT_SIZE_PROFILE, parseSizeProfile } from '../domain/sizes/index.ts';
import { fitsOf, itemFits } from './catalogue-fits.ts';
import { DEMO_ITEMS } from './demo-catalogue.ts';

const P = DEFAULT_SIZE_PROFILE;
const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).issues.map((i) => i.field);
  }
  throw new Error('expected an InputError');
};

describe('catalogue fits', () => {
  it('reads a size from its label in the item’s system, under the profile', () => {
    expect(fitsOf({ label: '48-4', sizeSystem: 'ru-garment' }, P)).toEqual({
      chest: { min: 94, max: 98 },
      height: { min: 173, max: 179 },
    });
    const later = parseSizeProfile({
      ruHeightTie: 'smaller',
      ruHeightGroups: [{ group: 4, min: 170, max: 180 }],
    });
    if (!later.ok) throw new Error('profile');
    expect(fitsOf({ label: '48-4', sizeSystem: 'ru-garment' }, later.value).height).toEqual({
      min: 170,
      max: 180,
    });
  });

  it('states a belt’s waist from its length, and nothing for gloves', () => {
    expect(fitsOf({ label: '120', sizeSystem: null, stated: BELT_BY_LENGTH_CM }, P)).toEqual({
      waist: { min: 100, max: 110 },
    });
    expect(fitsOf({ label: '9', sizeSystem: null }, P)).toEqual({});
  });

  it('covers the sizes a winter hat skips, and leaves full grids alone', () => {
    const hat = DEMO_ITEMS.find((i) => i.id === 'winter-hat')!;
    expect(itemFits(hat, P).slice(0, 2)).toEqual([
      { headGirth: { min: 53.5, max: 55 } },
      { headGirth: { min: 55, max: 57 } },
    ]);
    const cap = DEMO_ITEMS.find((i) => i.id === 'cap')!;
    expect(itemFits(cap, P)[0]).toEqual({ headGirth: { min: 53.5, max: 54.5 } });
  });

  it('gives every demo size a body, except gloves', () => {
    for (const item of DEMO_ITEMS) {
      const fits = itemFits(item, P);
      expect(fits).toHaveLength(item.sizes.length);
      for (const f of fits) expect(Object.keys(f).length > 0, item.id).toBe(item.id !== 'gloves');
    }
  });

  it('names the size that does not read, and an unknown system', () => {
    expect(fieldsOf(() => itemFits({ sizeSystem: 'ru-garment', sizes: ['48-4', '47', '48-9'] }, P))).toEqual([
      'sizes.47',
      'sizes.48-9',
    ]);
    expect(fieldsOf(() => fitsOf({ label: '48', sizeSystem: 'ru-coat' }, P))).toEqual(['sizeSystem']);
  });
});
