import type { GreyImage } from '../../../src/domain/paper/raster.ts';
import type { Rng } from '../../../src/domain/random.ts';

/**
 * A pen on a rendered page: filled circles of varying darkness and neatness, partial fills, crosses,
 * strokes, stray dots and scribbled digits — drawn into the clean picture (pixels), before it is degraded.
 * Coordinates are in pixels; `ink` is the pen's brightness (0 black – 255 white).
 */
export interface Pen {
  ink: number;
  rng: Rng;
}

function plot(img: GreyImage, x: number, y: number, value: number): void {
  const xi = Math.floor(x);
  const yi = Math.floor(y);
  if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return;
  const i = yi * img.width + xi;
  // Ink only darkens: a second pass over the same spot is no lighter.
  if (value < img.data[i]!) img.data[i] = value;
}

/** A filled disc with a ballpoint's texture: mostly ink, with a few paler gaps between strokes. */
export function fillDisc(img: GreyImage, cx: number, cy: number, r: number, pen: Pen, gaps = 0.08): void {
  for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
    for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      if (d > r) continue;
      const pale = pen.rng() < gaps;
      const v = pale ? pen.ink + (255 - pen.ink) * (0.4 + 0.4 * pen.rng()) : pen.ink + (pen.rng() - 0.5) * 20;
      plot(img, x, y, Math.max(0, Math.min(255, v)));
    }
  }
}

/** A straight pen stroke of a width (pixels) from one point to another. */
export function stroke(
  img: GreyImage,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  width: number,
  pen: Pen,
): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const steps = Math.max(1, Math.ceil(length * 2));
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    const x = x1 + (x2 - x1) * t;
    const y = y1 + (y2 - y1) * t;
    for (let dy = -width / 2; dy <= width / 2; dy += 0.5)
      for (let dx = -width / 2; dx <= width / 2; dx += 0.5)
        plot(img, x + dx, y + dy, pen.ink + (pen.rng() - 0.5) * 16);
  }
}

/** A circle filled as people do: slightly off-centre, slightly over or under size. */
export function markCircle(img: GreyImage, cx: number, cy: number, r: number, pen: Pen, coverage = 1): void {
  const rng = pen.rng;
  if (coverage >= 1) {
    const rr = r * (0.88 + 0.3 * rng());
    const off = r * 0.12;
    fillDisc(img, cx + (rng() - 0.5) * off, cy + (rng() - 0.5) * off, rr, pen);
    return;
  }
  // A partial fill: a smaller disc pushed to one side, leaving a crescent of the circle bare.
  const rr = r * Math.sqrt(coverage) * 1.02;
  const angle = rng() * 2 * Math.PI;
  const shift = (r - rr) * 0.9;
  fillDisc(img, cx + Math.cos(angle) * shift, cy + Math.sin(angle) * shift, rr, pen);
}

/** An X across a circle (a cancelled mark), or a single stroke through it. */
export function crossCircle(
  img: GreyImage,
  cx: number,
  cy: number,
  r: number,
  pen: Pen,
  single = false,
): void {
  const w = Math.max(1.2, r * 0.22);
  const e = r * 1.05;
  const tilt = (pen.rng() - 0.5) * 0.3;
  const c = Math.cos(Math.PI / 4 + tilt) * e;
  const s = Math.sin(Math.PI / 4 + tilt) * e;
  if (single) {
    stroke(img, cx - e, cy + (pen.rng() - 0.5) * r * 0.3, cx + e, cy + (pen.rng() - 0.5) * r * 0.3, w, pen);
    return;
  }
  stroke(img, cx - c, cy - s, cx + c, cy + s, w, pen);
  stroke(img, cx - s, cy + c, cx + s, cy - c, w, pen);
}

/** A stray speck: a dot or a short tick somewhere. */
export function speck(img: GreyImage, x: number, y: number, size: number, pen: Pen): void {
  if (pen.rng() < 0.5) fillDisc(img, x, y, size / 2, pen, 0);
  else
    stroke(
      img,
      x,
      y,
      x + size * (pen.rng() - 0.5) * 2,
      y + size * (pen.rng() - 0.5) * 2,
      Math.max(1, size / 4),
      pen,
    );
}

/** A handwritten-looking squiggle filling a box: a few connected strokes (not meant to be read by a machine). */
export function scribble(
  img: GreyImage,
  left: number,
  top: number,
  width: number,
  height: number,
  pen: Pen,
): void {
  let x = left + width * 0.15;
  let y = top + height * (0.3 + 0.4 * pen.rng());
  const w = Math.max(1, height * 0.08);
  const steps = 4 + Math.floor(pen.rng() * 6);
  for (let i = 0; i < steps; i++) {
    const nx = Math.min(left + width * 0.9, x + (width * 0.7) / steps + (pen.rng() - 0.3) * width * 0.1);
    const ny = top + height * (0.2 + 0.6 * pen.rng());
    stroke(img, x, y, nx, ny, w, pen);
    x = nx;
    y = ny;
  }
}
