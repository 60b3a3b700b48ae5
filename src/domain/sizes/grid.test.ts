import { describe, expect, it } from 'vitest';
import { affineGrid, Grid } from './grid.ts';

const headCm = (mode: 'nearest' | 'up' | 'down', tie: 'larger' | 'smaller' = 'larger') =>
  affineGrid({ dim: 'headGirth', from: 54, to: 60, step: 1, toBody: (v) => v, label: String, mode, tie });
const labelsOf = (g: Grid, k: { best: number; others: number[] } | undefined) =>
  k && [g.bands[k.best]!.label, ...k.others.map((i) => g.bands[i]!.label)];

describe('Grid bands', () => {
  it('centres each label on its value when rounding to the nearest step', () => {
    expect(headCm('nearest').bands[3]).toEqual({ label: '57', value: 57, min: 56.5, max: 57.5 });
  });

  it('puts the band below the value when rounding up, above it when rounding down', () => {
    expect(headCm('up').bands[3]).toMatchObject({ min: 56, max: 57 });
    expect(headCm('down').bands[3]).toMatchObject({ min: 57, max: 58 });
  });

  it('refuses overlapping bands', () => {
    const bands = [
      { label: 'a', value: 1, min: 0, max: 2 },
      { label: 'b', value: 2, min: 1, max: 3 },
    ];
    expect(() => new Grid('chest', bands, 'larger')).toThrow(/overlaps/);
  });
});

describe('Grid.pickPoint', () => {
  const g = headCm('nearest');

  it('lands a point inside one band on that band alone', () => {
    expect(g.pickPoint(57.3)).toMatchObject({ best: 3, others: [], tie: false, notes: [] });
  });

  it('reports a point on a shared endpoint as a tie, larger wins by default (58.5 is ambiguous, reenact.store)', () => {
    const p = g.pickPoint(58.5)!;
    expect(labelsOf(g, p)).toEqual(['59', '58']);
    expect(p.tie).toBe(true);
    expect(p.notes[0]).toMatchObject({
      key: 'note.boundaryTie',
      params: { a: '58', b: '59', pick: '59', tie: 'larger' },
    });
  });

  it('gives a boundary tie to the smaller label under the "smaller" tie rule', () => {
    const s = headCm('nearest', 'smaller');
    expect(labelsOf(s, s.pickPoint(58.5))).toEqual(['58', '59']);
  });

  it('rounds 58.3 to 58 and 58.7 to 59 (Russian headwear practice, reenact.store)', () => {
    expect(g.bands[g.pickPoint(58.3)!.best]!.label).toBe('58');
    expect(g.bands[g.pickPoint(58.7)!.best]!.label).toBe('59');
  });

  it('sizes a 57.2 head up to 58 under the up rule', () => {
    const up = headCm('up', 'smaller');
    expect(up.bands[up.pickPoint(57.2)!.best]!.label).toBe('58');
    expect(labelsOf(up, up.pickPoint(57))).toEqual(['57', '58']);
  });

  it('answers undefined beyond the first and last band', () => {
    expect(g.pickPoint(53.4)).toBeUndefined();
    expect(g.pickPoint(60.6)).toBeUndefined();
    expect(g.pickPoint(53.5)).toBeDefined();
  });

  it('names both neighbours of a gap, nearer first, and settles the midpoint by the tie rule', () => {
    const gappy = new Grid(
      'height',
      [
        { label: '1', value: 1, min: 155, max: 160 },
        { label: '2', value: 2, min: 162, max: 167 },
      ],
      'larger',
    );
    expect(labelsOf(gappy, gappy.pickPoint(160.5))).toEqual(['1', '2']);
    expect(gappy.pickPoint(160.5)!.notes[0]!.key).toBe('note.between');
    const mid = gappy.pickPoint(161)!;
    expect(labelsOf(gappy, mid)).toEqual(['2', '1']);
    expect(mid.tie).toBe(true);
    expect(mid.notes[0]!.key).toBe('note.betweenTie');
  });
});

describe('Grid.pick (intervals)', () => {
  const g = headCm('nearest');

  it('lands an interval inside one band cleanly, even when it touches the band edges', () => {
    expect(g.pick(56.5, 57.5)).toMatchObject({ best: 3, others: [], tie: false });
  });

  it('ranks every overlapped band by its share and says so', () => {
    const p = g.pick(56.8, 58)!;
    expect(labelsOf(g, p)).toEqual(['57', '58']);
    expect(p.notes[0]).toMatchObject({
      key: 'note.spans',
      params: { candidates: '57 (58%), 58 (42%)', pick: '57' },
    });
  });

  it('reports equal shares as a tie and applies the tie rule', () => {
    const p = g.pick(57, 58)!;
    expect(p.tie).toBe(true);
    expect(labelsOf(g, p)).toEqual(['58', '57']);
    expect(p.notes[0]!.key).toBe('note.spansTie');
  });

  it('notes the part of an interval beyond the last label', () => {
    const p = g.pick(60, 61)!;
    expect(g.bands[p.best]!.label).toBe('60');
    expect(p.notes.map((n) => n.key)).toContain('note.partlyOutside');
  });

  it('answers undefined for an interval wholly beyond the grid', () => {
    expect(g.pick(61, 62)).toBeUndefined();
  });
});
