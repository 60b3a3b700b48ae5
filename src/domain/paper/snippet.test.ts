import { describe, expect, it } from 'vitest';
import type { Homography } from './homography.ts';
import { blankImage } from './raster.ts';
import { cropFieldSnippet, fieldBounds } from './snippet.ts';

describe('fieldBounds', () => {
  it('surrounds a field’s circles, with room above a grid for its handwritten digits', () => {
    const b = fieldBounds('h', [
      { field: 'h', value: '1', digit: 0, digits: 2, decimals: 0, x: 100, y: 200, r: 4 },
      { field: 'h', value: '2', digit: 1, digits: 2, decimals: 0, x: 115, y: 212, r: 4 },
      { field: 'other', value: 'x', x: 500, y: 700, r: 4 },
    ])!;
    expect(b.left).toBeLessThan(96);
    expect(b.right).toBeGreaterThan(119);
    expect(b.top).toBeLessThanOrEqual(196 - 20);
    expect(b.bottom).toBeGreaterThan(216);
    expect(fieldBounds('missing', [])).toBeUndefined();
  });

  it('takes a write-in box as it is', () => {
    expect(fieldBounds('w', [], [{ field: 'w', left: 50, top: 60, width: 200, height: 26 }])).toEqual({
      left: 44,
      top: 54,
      right: 310,
      bottom: 92,
    });
  });
});

describe('cropFieldSnippet', () => {
  it('cuts the area out straight, at the snippet scale', () => {
    const img = blankImage(200, 200, 255);
    // A black 2×2 block whose centre is picture point (61, 51).
    for (const [x, y] of [
      [60, 50],
      [61, 50],
      [60, 51],
      [61, 51],
    ])
      img.data[y! * 200 + x!] = 0;
    const twice: Homography = [2, 0, 0, 0, 2, 0, 0, 0, 1]; // page points are two pixels each
    const snippet = cropFieldSnippet(img, twice, { left: 20, top: 20, right: 40, bottom: 30 }, 1);
    expect(snippet).toMatchObject({ width: 20, height: 10 });
    // Snippet pixel (10, 5) has its centre at page point (30.5, 25.5), which is picture point (61, 51).
    expect(snippet.data[5 * 20 + 10]).toBe(0);
    expect(snippet.data[0]).toBe(255);
  });
});
