import { describe, expect, it } from 'vitest';
import { binRows, cumulative, periodLabel } from './report-model.ts';

describe('cumulative', () => {
  it('adds each period to the ones before it, per step', () => {
    const out = cumulative([
      { at: '2026-12-01T00:00', answered: 3, resolved: 2, issued: 0, fullyKitted: 0 },
      { at: '2026-12-02T00:00', answered: 4, resolved: 4, issued: 5, fullyKitted: 1 },
    ]);
    expect(out[1]).toEqual({ at: '2026-12-02T00:00', answered: 7, resolved: 6, issued: 5, fullyKitted: 1 });
  });
});

describe('periodLabel', () => {
  it('shows the wall-clock time the server bucketed, whatever zone the browser is in', () => {
    expect(periodLabel('2026-12-01T09:00', 'hour', 'en-GB')).toBe('1 Dec, 09:00');
    expect(periodLabel('2026-12-01T00:00', 'day', 'en-GB')).toBe('1 Dec');
  });
  it('gives back text it cannot read', () => {
    expect(periodLabel('soon', 'day', 'en')).toBe('soon');
  });
});

describe('binRows', () => {
  it('labels each bin by its range', () => {
    expect(binRows([{ from: 96, count: 3 }], 2, String)).toEqual([{ label: '96–98', count: 3 }]);
  });
});
