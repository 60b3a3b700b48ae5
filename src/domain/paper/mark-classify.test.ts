import { describe, expect, it } from 'vitest';
import { classifyMark } from './mark-classify.ts';
import type { MarkMeasure } from './mark-measure.ts';

const m = (fill: number, sectors = Array(8).fill(fill), centre = fill): MarkMeasure => ({
  fill,
  cover: fill,
  centre,
  sectors,
});

describe('classifyMark', () => {
  it('reads a well-filled circle as a sure mark and a bare one as surely empty', () => {
    expect(classifyMark(m(0.9))).toEqual({ state: 'filled', confidence: 1 });
    expect(classifyMark(m(0.01)).state).toBe('empty');
    expect(classifyMark(m(0.01)).confidence).toBeGreaterThan(0.9);
  });

  it('is unsure in the middle, with confidence under one half', () => {
    const r = classifyMark(m(0.3));
    expect(r.state).toBe('unsure');
    expect(r.confidence).toBeLessThan(0.5);
  });

  it('reads an X (ink on the diagonals and the centre, bare between) as crossed out', () => {
    const x = [0.05, 0.7, 0.05, 0.7, 0.05, 0.7, 0.05, 0.7];
    expect(classifyMark(m(0.35, x, 0.8)).state).toBe('crossed');
  });

  it('reads a single stroke through the centre as crossed out', () => {
    const stroke = [0.7, 0.05, 0.02, 0.05, 0.7, 0.05, 0.02, 0.05];
    expect(classifyMark(m(0.25, stroke, 0.75)).state).toBe('crossed');
  });

  it('does not mistake a partial fill (a crescent left bare, centre inked) for a cross', () => {
    const crescent = [0.9, 0.9, 0.9, 0.9, 0.9, 0.4, 0.1, 0.4];
    expect(classifyMark(m(0.7, crescent, 0.9)).state).toBe('filled');
  });
});
