import type { Homography } from './homography.ts';
import type { Circle } from './layout-file.ts';
import { type GreyImage, sample } from './raster.ts';

/**
 * How much ink is in one printed circle of a scan. Samples are placed on the page in points and taken
 * through the page-to-scan homography, so rotation, scale and perspective are already undone. Darkness is
 * measured against the paper just outside the circle (its own light, not the page's) and scaled so that the
 * fiducials' black is 1: a dark pen reads about 0.8–1, an empty circle about 0.
 */
export interface MarkMeasure {
  /** Mean darkness inside the circle (0–1). */
  fill: number;
  /** Share of inside samples darker than 0.35. */
  cover: number;
  /** Mean darkness near the centre. */
  centre: number;
  /** Mean darkness of the outer inside rings in eight 45° sectors centred on 3 o'clock, 4:30, 6 … (clockwise). */
  sectors: number[];
}

/** Unit-circle sample offsets: the inside (radius ≤ 0.7) and a ring just outside the printed line. */
const INSIDE: { dx: number; dy: number; rr: number; sector: number }[] = [];
const OUTSIDE: { dx: number; dy: number }[] = [];
{
  INSIDE.push({ dx: 0, dy: 0, rr: 0, sector: -1 });
  const rings: [number, number][] = [
    [0.14, 8],
    [0.28, 12],
    [0.42, 16],
    [0.56, 20],
    [0.7, 24],
  ];
  for (const [rr, n] of rings) {
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * (i + 0.5)) / n;
      // Sectors are centred on 0°, 45°, 90°…, so an X's arms fall in the odd ones and a stroke in two opposite.
      const sector = Math.floor(((a + Math.PI / 8) / (2 * Math.PI)) * 8) % 8;
      INSIDE.push({ dx: rr * Math.cos(a), dy: rr * Math.sin(a), rr, sector });
    }
  }
  for (const rr of [1.32, 1.5]) {
    for (let i = 0; i < 24; i++) {
      const a = (2 * Math.PI * i) / 24;
      OUTSIDE.push({ dx: rr * Math.cos(a), dy: rr * Math.sin(a) });
    }
  }
}

const project = (h: Homography, x: number, y: number, out: { x: number; y: number }) => {
  const w = h[6] * x + h[7] * y + h[8];
  out.x = (h[0] * x + h[1] * y + h[2]) / w;
  out.y = (h[3] * x + h[4] * y + h[5]) / w;
};

/**
 * Measures one circle. `ink` is the brightness of the scan's black (from the fiducials); a background darker
 * than ink + 40 means the circle sits under something (a shadow, a big blot), read as full darkness scale.
 */
export function measureMark(img: GreyImage, h: Homography, circle: Circle, ink: number): MarkMeasure {
  const p = { x: 0, y: 0 };
  const ring: number[] = [];
  for (const o of OUTSIDE) {
    project(h, circle.x + o.dx * circle.r, circle.y + o.dy * circle.r, p);
    ring.push(sample(img, p.x, p.y));
  }
  ring.sort((a, b) => a - b);
  // The brighter part of the ring is paper; a neighbour's spilled ink only darkens the rest.
  const paper = ring[Math.floor(ring.length * 0.7)]!;
  const span = Math.max(40, paper - ink);
  let sum = 0;
  let covered = 0;
  let centre = 0;
  let centreN = 0;
  const sectors = [0, 0, 0, 0, 0, 0, 0, 0];
  const sectorN = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const o of INSIDE) {
    project(h, circle.x + o.dx * circle.r, circle.y + o.dy * circle.r, p);
    const d = Math.min(1, Math.max(0, (paper - sample(img, p.x, p.y)) / span));
    sum += d;
    if (d > 0.35) covered++;
    if (o.rr <= 0.28) {
      centre += d;
      centreN++;
    } else if (o.rr >= 0.42) {
      sectors[o.sector]! += d;
      sectorN[o.sector]!++;
    }
  }
  return {
    fill: sum / INSIDE.length,
    cover: covered / INSIDE.length,
    centre: centre / centreN,
    sectors: sectors.map((s, i) => s / sectorN[i]!),
  };
}

/** How much of a write-in box carries ink: the share of samples on a 2 pt grid darker than 0.35. */
export function inkShare(
  img: GreyImage,
  h: Homography,
  box: { left: number; top: number; width: number; height: number },
  ink: number,
  paper: number,
): number {
  const p = { x: 0, y: 0 };
  const span = Math.max(40, paper - ink);
  let dark = 0;
  let n = 0;
  // Stay 3 pt inside the printed frame so the frame itself never counts.
  for (let y = box.top + 3; y <= box.top + box.height - 3; y += 1.5) {
    for (let x = box.left + 3; x <= box.left + box.width - 3; x += 1.5) {
      project(h, x, y, p);
      if ((paper - sample(img, p.x, p.y)) / span > 0.35) dark++;
      n++;
    }
  }
  return n ? dark / n : 0;
}
