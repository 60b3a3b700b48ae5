import type { Homography } from './homography.ts';

/**
 * A greyscale picture as plain bytes (0 black – 255 white), row by row: what a scan becomes once decoded,
 * and all the OMR code needs. Pure functions over it, so reading marks needs no image library.
 */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function blankImage(width: number, height: number, value = 255): GreyImage {
  return { width, height, data: new Uint8Array(width * height).fill(value) };
}

/** The brightness at a sub-pixel point, interpolated between the four nearest pixels; white outside. */
export function sample(img: GreyImage, x: number, y: number): number {
  const { width, height, data } = img;
  // Pixel centres sit at integer + 0.5.
  const fx = x - 0.5;
  const fy = y - 0.5;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
    const xi = Math.round(fx);
    const yi = Math.round(fy);
    return xi >= 0 && yi >= 0 && xi < width && yi < height ? data[yi * width + xi]! : 255;
  }
  const tx = fx - x0;
  const ty = fy - y0;
  const i = y0 * width + x0;
  const top = data[i]! + (data[i + 1]! - data[i]!) * tx;
  const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * tx;
  return top + (bottom - top) * ty;
}

/**
 * A new image of `width × height` whose pixel (u, v) shows the source at `map(u, v)`: `map` takes output
 * coordinates to source coordinates (for a page snippet, a scale to points then the page-to-scan homography).
 */
export function warp(src: GreyImage, map: Homography, width: number, height: number): GreyImage {
  const out = new Uint8Array(width * height);
  const [a, b, c, d, e, f, g, h, k] = map;
  for (let v = 0; v < height; v++) {
    const y = v + 0.5;
    for (let u = 0; u < width; u++) {
      const x = u + 0.5;
      const w = g * x + h * y + k;
      out[v * width + u] = sample(src, (a * x + b * y + c) / w, (d * x + e * y + f) / w);
    }
  }
  return { width, height, data: out };
}

/** A rectangle of pixels copied out (clipped to the image). */
export function cropImage(
  img: GreyImage,
  left: number,
  top: number,
  width: number,
  height: number,
): GreyImage {
  const x0 = Math.max(0, Math.floor(left));
  const y0 = Math.max(0, Math.floor(top));
  const x1 = Math.min(img.width, Math.ceil(left + width));
  const y1 = Math.min(img.height, Math.ceil(top + height));
  const w = Math.max(0, x1 - x0);
  const h = Math.max(0, y1 - y0);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    out.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + w), y * w);
  return { width: w, height: h, data: out };
}

/** The image turned a quarter turn clockwise `turns` times. */
export function rotateQuarter(img: GreyImage, turns: number): GreyImage {
  const t = ((turns % 4) + 4) % 4;
  if (t === 0) return img;
  const { width: w, height: h, data } = img;
  const ow = t === 2 ? w : h;
  const oh = t === 2 ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = t === 1 ? [h - 1 - y, x] : t === 2 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      out[ny * ow + nx] = data[y * w + x]!;
    }
  }
  return { width: ow, height: oh, data: out };
}
