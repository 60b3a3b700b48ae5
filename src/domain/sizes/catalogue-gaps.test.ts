import { describe, expect, it } from 'vitest';
import type { Body } from './body.ts';
import { coverGaps } from './catalogue-gaps.ts';
import { resolveItem } from './resolve.ts';
import { variantFromLabel } from './schemas.ts';

const head = (min: number, max: number): Body => ({ headGirth: { min, max } }) as Body;

describe('coverGaps', () => {
  it('widens sizes made every 2 cm to meet in the middle of the skipped size', () => {
    const labels = ['54', '56', '58'];
    const fits = coverGaps(labels.map((l) => variantFromLabel(l, 'head-cm').fits));
    expect(fits).toEqual([head(53.5, 55), head(55, 57), head(57, 58.5)]);
  });

  it('turns a head between two sizes into a reported tie instead of a miss on both', () => {
    const labels = ['56', '58'];
    const narrow = labels.map((l) => variantFromLabel(l, 'head-cm'));
    const wide = coverGaps(narrow.map((v) => v.fits)).map((fits, i) => ({ ...narrow[i]!, fits }));
    const body = head(57, 57);
    expect(resolveItem({ id: 'hat', variants: narrow }, body).best?.score).toBe(0);
    const fit = resolveItem({ id: 'hat', variants: wide }, body);
    expect(fit).toMatchObject({ tie: true, best: { label: '58', score: 0.5 } });
  });

  it('leaves adjacent sizes, unsorted input order and the other sizes’ fits as they were', () => {
    const fits = [head(57.5, 58.5), head(56.5, 57.5)];
    const out = coverGaps(fits);
    expect(out).toEqual(fits);
    expect(out[0]).not.toBe(fits[0]);
    expect(coverGaps([head(60, 61), head(50, 51)])).toEqual([head(55.5, 61), head(50, 55.5)]);
  });

  it('leaves two-dimensional grids and sizes that state nothing alone', () => {
    const grid = [variantFromLabel('48-2', 'ru-garment').fits, variantFromLabel('52-4', 'ru-garment').fits];
    expect(coverGaps(grid)).toEqual(grid);
    expect(coverGaps([{}, {}])).toEqual([{}, {}]);
    expect(coverGaps([head(54, 55), {}])).toEqual([head(54, 55), {}]);
  });
});
