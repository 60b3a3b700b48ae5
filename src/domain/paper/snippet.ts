import type { Homography } from './homography.ts';
import type { Bubble, WriteIn } from './layout-file.ts';
import { type GreyImage, warp } from './raster.ts';

/** Pixels per point of a review snippet: 1.5 is 108 dpi, enough to see a mark and read handwriting. */
export const SNIPPET_SCALE = 1.5;

/** A field's area on the page, in points: its circles with room around them, or its write-in box. */
export function fieldBounds(
  field: string,
  bubbles: readonly Bubble[],
  writeIns: readonly WriteIn[] = [],
): { left: number; top: number; right: number; bottom: number } | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  let grid = false;
  for (const b of bubbles) {
    if (b.field !== field) continue;
    left = Math.min(left, b.x - b.r);
    right = Math.max(right, b.x + b.r);
    top = Math.min(top, b.y - b.r);
    bottom = Math.max(bottom, b.y + b.r);
    if (b.digit !== undefined || b.part !== undefined) grid = true;
  }
  for (const w of writeIns) {
    if (w.field !== field) continue;
    left = Math.min(left, w.left);
    right = Math.max(right, w.left + w.width);
    top = Math.min(top, w.top);
    bottom = Math.max(bottom, w.top + w.height);
  }
  if (!Number.isFinite(left)) return undefined;
  // Labels sit to the right of choice circles; a grid's handwritten digits sit in boxes above it.
  return { left: left - 6, top: top - (grid ? 24 : 6), right: right + (grid ? 8 : 60), bottom: bottom + 6 };
}

/**
 * A field's area cut out of a scan and straightened: the page-to-scan homography is undone, so the snippet
 * is upright and at one scale whatever the photo's angle.
 */
export function cropFieldSnippet(
  img: GreyImage,
  pageToImage: Homography,
  bounds: { left: number; top: number; right: number; bottom: number },
  scale = SNIPPET_SCALE,
): GreyImage {
  const width = Math.max(1, Math.round((bounds.right - bounds.left) * scale));
  const height = Math.max(1, Math.round((bounds.bottom - bounds.top) * scale));
  // Output pixel (u, v) is page point (left + u / scale, top + v / scale), then through the homography.
  const [a, b, c, d, e, f, g, h, k] = pageToImage;
  const s = 1 / scale;
  const tx = bounds.left;
  const ty = bounds.top;
  const map: Homography = [
    a * s,
    b * s,
    a * tx + b * ty + c,
    d * s,
    e * s,
    d * tx + e * ty + f,
    g * s,
    h * s,
    g * tx + h * ty + k,
  ];
  return warp(img, map, width, height);
}
