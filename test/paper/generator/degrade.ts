import { homographyFrom, type Point } from '../../../src/domain/paper/homography.ts';
import { type GreyImage, sample } from '../../../src/domain/paper/raster.ts';
import { normal, type Rng } from '../../../src/domain/random.ts';

/**
 * How a generated page is spoiled on its way back: scanned or photographed at a resolution, turned a little,
 * scaled, seen at an angle (a phone held over a table), lit unevenly, blurred, grainy, and saved as JPEG.
 */
export interface Degradation {
  dpi: 150 | 200 | 300;
  /** Degrees, ±3. */
  rotation: number;
  /** 0.95–1.05. */
  scale: number;
  /** Keystone: how far each corner moves, as a share of the page width (0 for a flatbed scan). */
  perspective: number;
  /** Gaussian blur sigma in pixels (0 for none). */
  blur: number;
  /** Standard deviation of sensor noise, in grey levels. */
  noise: number;
  /** JPEG quality 40–90, or undefined for a PNG. */
  jpeg?: number;
  /** Brightness around the page (a table under a photo; white for a scanner lid). */
  background: number;
  /** Share by which the light fades across the page (0 for a scanner). */
  shade: number;
}

/** A random degradation; a third of pages are phone photos (perspective, shade, a table around). */
export function randomDegradation(rng: Rng, dpi: Degradation['dpi']): Degradation {
  const photo = rng() < 0.35;
  const jpeg = rng() < 0.8 ? 40 + Math.round(rng() * 50) : undefined;
  return {
    dpi,
    rotation: (rng() * 2 - 1) * 3,
    scale: 0.95 + rng() * 0.1,
    perspective: photo ? 0.005 + rng() * 0.025 : 0,
    blur: rng() < 0.6 ? 0.4 + rng() * 0.9 : 0,
    noise: rng() * 9,
    ...(jpeg !== undefined ? { jpeg } : {}),
    background: photo ? 90 + Math.round(rng() * 110) : 255,
    shade: photo ? rng() * 0.18 : 0,
  };
}

/** Room around the page on the canvas, as a share of its size: the page never falls off the picture. */
const MARGIN = 0.05;

/**
 * The page (a clean render with pen marks) as the camera or scanner sees it: through a homography made of
 * the rotation, scale and keystone, onto a slightly larger canvas, with the light fading across it.
 * Blur and JPEG come after, from an image library; noise last.
 */
export function projectPage(page: GreyImage, d: Degradation, rng: Rng): GreyImage {
  const cw = Math.round(page.width * (1 + 2 * MARGIN));
  const ch = Math.round(page.height * (1 + 2 * MARGIN));
  const a = (d.rotation * Math.PI) / 180;
  const corners: Point[] = [
    { x: 0, y: 0 },
    { x: page.width, y: 0 },
    { x: page.width, y: page.height },
    { x: 0, y: page.height },
  ];
  const moved = corners.map((c) => {
    const x = (c.x - page.width / 2) * d.scale;
    const y = (c.y - page.height / 2) * d.scale;
    const jx = (rng() * 2 - 1) * d.perspective * page.width;
    const jy = (rng() * 2 - 1) * d.perspective * page.width;
    return {
      x: cw / 2 + x * Math.cos(a) - y * Math.sin(a) + jx,
      y: ch / 2 + x * Math.sin(a) + y * Math.cos(a) + jy,
    };
  });
  const back = homographyFrom(moved, corners)!;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = back;
  const out = new Uint8Array(cw * ch);
  const src = page.data;
  const pw = page.width;
  const ph = page.height;
  const bg = d.background;
  for (let v = 0; v < ch; v++) {
    const y = v + 0.5;
    const light = 1 - d.shade * (v / ch) * 0.3;
    // Along a row the homography's numerators and denominator change by constant steps.
    let nx = h0 * 0.5 + h1 * y + h2;
    let ny = h3 * 0.5 + h4 * y + h5;
    let nw = h6 * 0.5 + h7 * y + h8;
    for (let u = 0; u < cw; u++, nx += h0, ny += h3, nw += h6) {
      const sx = nx / nw - 0.5;
      const sy = ny / nw - 0.5;
      let value = bg;
      if (sx >= 0 && sy >= 0 && sx < pw - 1 && sy < ph - 1) {
        const x0 = sx | 0;
        const y0 = sy | 0;
        const tx = sx - x0;
        const ty = sy - y0;
        const i = y0 * pw + x0;
        const top = src[i]! + (src[i + 1]! - src[i]!) * tx;
        const bottom = src[i + pw]! + (src[i + pw + 1]! - src[i + pw]!) * tx;
        value = top + (bottom - top) * ty;
      } else if (sx >= -0.5 && sy >= -0.5 && sx < pw && sy < ph) {
        value = sample(page, sx + 0.5, sy + 0.5);
      }
      out[v * cw + u] = value * (light - d.shade * (u / cw) * 0.7);
    }
  }
  return { width: cw, height: ch, data: out };
}

/** Adds Gaussian sensor noise in place (from a table of normal draws: millions of pixels, cheaply). */
export function addNoise(img: GreyImage, sd: number, rng: Rng): void {
  if (sd <= 0) return;
  const table = new Float32Array(4096);
  for (let i = 0; i < table.length; i++) table[i] = normal(rng, 0, sd);
  // A clamped view rounds and clips to 0–255 on its own.
  const data = new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length);
  let state = Math.floor(rng() * 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = data[i]! + table[state >>> 20]!;
  }
}
