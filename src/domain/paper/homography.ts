/**
 * Plane-to-plane projective maps (homographies), for taking a printed page's coordinates to a scan's pixels.
 * Four point pairs fix one exactly, so the four corner fiducials correct rotation, scale, shear and the
 * keystone of a phone photo in one step.
 */

export interface Point {
  x: number;
  y: number;
}

/** A 3×3 matrix, row-major, normalised so that the last entry is 1. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

/**
 * The homography taking each `from[i]` to `to[i]` (four pairs). Undefined when three points are collinear
 * or the pairs cannot be matched by any projective map (the solve is singular).
 */
export function homographyFrom(from: readonly Point[], to: readonly Point[]): Homography | undefined {
  if (from.length !== 4 || to.length !== 4) throw new Error('a homography needs exactly four point pairs');
  // The 8 unknowns h0..h7 with h8 = 1: for each pair, two linear equations.
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const h = solve(a);
  if (!h) return undefined;
  const m = [...h, 1] as unknown as Homography;
  return m.every(Number.isFinite) ? m : undefined;
}

/** Gauss–Jordan elimination with partial pivoting on an n×(n+1) augmented matrix. */
function solve(a: number[][]): number[] | undefined {
  const n = a.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const row = a[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const other = a[r]!;
      const f = other[col]! / row[col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) other[c]! -= f * row[c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** Maps a point through a homography. */
export function project(h: Homography, x: number, y: number): Point {
  const w = h[6] * x + h[7] * y + h[8];
  return { x: (h[0] * x + h[1] * y + h[2]) / w, y: (h[3] * x + h[4] * y + h[5]) / w };
}

/** The inverse map, or undefined for a singular matrix. */
export function invertHomography(h: Homography): Homography | undefined {
  const [a, b, c, d, e, f, g, i, j] = h;
  const A = e * j - f * i;
  const B = -(d * j - f * g);
  const C = d * i - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-15) return undefined;
  const inv = [
    A,
    -(b * j - c * i),
    b * f - c * e,
    B,
    a * j - c * g,
    -(a * f - c * d),
    C,
    -(a * i - b * g),
    a * e - b * d,
  ].map((v) => v / det);
  const k = inv[8]!;
  return inv.map((v) => v / k) as unknown as Homography;
}

/** How many image units one page unit becomes near a point (the mean of the local x and y stretch). */
export function localScale(h: Homography, x: number, y: number): number {
  const o = project(h, x, y);
  const dx = project(h, x + 1, y);
  const dy = project(h, x, y + 1);
  return (Math.hypot(dx.x - o.x, dx.y - o.y) + Math.hypot(dy.x - o.x, dy.y - o.y)) / 2;
}
