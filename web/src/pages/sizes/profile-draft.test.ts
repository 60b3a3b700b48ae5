import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE_PROFILE, parseSizeProfile } from '../../../../src/domain/sizes/index.ts';
import { draftOf, nextGroup, overrideOf } from './profile-draft.ts';

const D = DEFAULT_SIZE_PROFILE;

describe('the size profile form', () => {
  it('saves nothing but what was stored when the defaults are left alone', () => {
    expect(overrideOf(draftOf(D), {}, D)).toEqual({ override: {}, invalid: [] });
    expect(overrideOf(draftOf(D), { contradictionWidths: 2 }, D).override).toEqual({
      contradictionWidths: 2,
    });
  });

  it('saves the settings changed from their defaults, numbers typed with a decimal comma too', () => {
    const d = draftOf(D);
    d.footToLastMm = '12,5';
    d.ruHeightTie = 'smaller';
    d.rounding.hat = { mode: 'up', tie: 'smaller' };
    d.ruHeightGroups[0]!.min = '154';
    const { override, invalid } = overrideOf(d, {}, D);
    expect(invalid).toEqual([]);
    expect(override).toMatchObject({
      footToLastMm: 12.5,
      ruHeightTie: 'smaller',
      hat: { mode: 'up', tie: 'smaller' },
    });
    expect(override.ruHeightGroups?.[0]).toEqual({ group: 1, min: 154, max: 161 });
    expect(parseSizeProfile(override).ok).toBe(true);
  });

  it('drops a stored setting put back to its default', () => {
    const d = draftOf(D);
    expect(overrideOf(d, { footToLastMm: 10, ruHeightTie: 'smaller' }, D).override).toEqual({});
  });

  it('names every field that is not a number', () => {
    const d = draftOf(D);
    d.footToLastMm = 'fifteen';
    d.ruHeightGroups[2]!.max = '';
    expect(overrideOf(d, {}, D).invalid).toEqual(['footToLastMm', 'ruHeightGroups.2.max']);
  });

  it('adds the next height group where the last one ends', () => {
    expect(nextGroup(draftOf(D).ruHeightGroups)).toEqual({ group: '7', min: '191', max: '197' });
    expect(nextGroup([])).toEqual({ group: '1', min: '155', max: '161' });
  });
});
