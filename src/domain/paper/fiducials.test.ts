import { describe, expect, it } from 'vitest';
import { findFiducials } from './fiducials.ts';
import { homographyFrom, project } from './homography.ts';
import { measureMark } from './mark-measure.ts';
import { fiducialsFor, PAPER_SIZES } from './page-geometry.ts';
import { blankImage, type GreyImage } from './raster.ts';

const page = PAPER_SIZES.a4;
const scale = 150 / 72;

/** A white page at 150 dpi with discs drawn where `at` says (page points), turned by `angle` radians. */
function picture(angle: number, discs: { x: number; y: number; r: number; value?: number }[]): GreyImage {
  const img = blankImage(Math.round(page.width * scale), Math.round(page.height * scale), 245);
  const cx = img.width / 2;
  const cy = img.height / 2;
  for (const d of discs) {
    const px = (d.x - page.width / 2) * scale;
    const py = (d.y - page.height / 2) * scale;
    const x = cx + px * Math.cos(angle) - py * Math.sin(angle);
    const y = cy + px * Math.sin(angle) + py * Math.cos(angle);
    const r = d.r * scale;
    for (let v = Math.floor(y - r); v <= y + r; v++)
      for (let u = Math.floor(x - r); u <= x + r; u++)
        if (Math.hypot(u + 0.5 - x, v + 0.5 - y) <= r) img.data[v * img.width + u] = d.value ?? 20;
  }
  return img;
}

describe('findFiducials', () => {
  it('finds the four corner discs of a turned page to within a pixel', () => {
    const angle = (2 * Math.PI) / 180;
    const marks = findFiducials(picture(angle, fiducialsFor(page)), page);
    expect(marks.every(Boolean)).toBe(true);
    const cx = (page.width * scale) / 2;
    const cy = (page.height * scale) / 2;
    fiducialsFor(page).forEach((f, i) => {
      const px = (f.x - page.width / 2) * scale;
      const py = (f.y - page.height / 2) * scale;
      expect(marks[i]!.x).toBeCloseTo(Math.round(cx) + px * Math.cos(angle) - py * Math.sin(angle), 0);
      expect(marks[i]!.y).toBeCloseTo(Math.round(cy) + px * Math.sin(angle) + py * Math.cos(angle), 0);
      expect(marks[i]!.ink).toBeLessThan(60);
    });
  });

  it('passes over a square blob and a ring of the right size (a QR finder, a letter O)', () => {
    const fid = fiducialsFor(page);
    const img = picture(0, fid.slice(1));
    // A solid square where the top-left disc should be.
    for (let v = 40; v < 70; v++) for (let u = 40; u < 70; u++) img.data[v * img.width + u] = 20;
    expect(findFiducials(img, page)[0]).toBeUndefined();
  });

  it('finds nothing on a blank page', () => {
    expect(
      findFiducials(blankImage(400, 560, 250), { width: 400, height: 560 }).every((m) => m === undefined),
    ).toBe(true);
  });
});

describe('measureMark', () => {
  it('reads a filled circle as dark and an empty one as light, through the page-to-picture map', () => {
    const img = picture(0, [...fiducialsFor(page), { x: 200, y: 300, r: 4.6 }]);
    const marks = findFiducials(img, page);
    const h = homographyFrom(fiducialsFor(page), marks as { x: number; y: number }[])!;
    const filled = measureMark(img, h, { x: 200, y: 300, r: 4.4 }, 20);
    const empty = measureMark(img, h, { x: 240, y: 300, r: 4.4 }, 20);
    expect(filled.fill).toBeGreaterThan(0.9);
    expect(empty.fill).toBeLessThan(0.05);
    expect(project(h, 200, 300).x).toBeCloseTo(200 * scale, 0);
  });
});
