import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { homographyFrom, invertHomography, localScale, project } from './homography.ts';

const square = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 200 },
  { x: 0, y: 200 },
];

describe('homographyFrom', () => {
  it('maps each source corner onto its target corner', () => {
    const to = [
      { x: 10, y: 12 },
      { x: 215, y: 5 },
      { x: 230, y: 420 },
      { x: 3, y: 410 },
    ];
    const h = homographyFrom(square, to)!;
    square.forEach((p, i) => {
      const q = project(h, p.x, p.y);
      expect(q.x).toBeCloseTo(to[i]!.x, 6);
      expect(q.y).toBeCloseTo(to[i]!.y, 6);
    });
  });

  it('recovers a rotation and scale exactly at points that were not used to fit it', () => {
    const angle = (3 * Math.PI) / 180;
    const s = 2.05;
    const rot = (p: { x: number; y: number }) => ({
      x: s * (p.x * Math.cos(angle) - p.y * Math.sin(angle)) + 40,
      y: s * (p.x * Math.sin(angle) + p.y * Math.cos(angle)) - 7,
    });
    const h = homographyFrom(square, square.map(rot))!;
    const q = project(h, 37, 151);
    expect(q.x).toBeCloseTo(rot({ x: 37, y: 151 }).x, 6);
    expect(q.y).toBeCloseTo(rot({ x: 37, y: 151 }).y, 6);
    expect(localScale(h, 50, 50)).toBeCloseTo(s, 6);
  });

  it('refuses three collinear points', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 0, y: 5 },
    ];
    expect(homographyFrom(line, square)).toBeUndefined();
  });

  it('throws when not given four pairs', () => {
    expect(() => homographyFrom(square.slice(0, 3), square.slice(0, 3))).toThrow(/four/);
  });

  it('inverts: a point mapped there and back comes home (property)', () => {
    const jitter = fc.double({ min: -15, max: 15, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(jitter, { minLength: 8, maxLength: 8 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (d, t) => {
          const to = square.map((p, i) => ({ x: p.x * 3 + d[i * 2]!, y: p.y * 3 + d[i * 2 + 1]! }));
          const h = homographyFrom(square, to);
          if (!h) return;
          const inv = invertHomography(h)!;
          const there = project(h, t, 2 * t);
          const back = project(inv, there.x, there.y);
          expect(back.x).toBeCloseTo(t, 5);
          expect(back.y).toBeCloseTo(2 * t, 5);
        },
      ),
      { numRuns: 200 },
    );
  });
});
