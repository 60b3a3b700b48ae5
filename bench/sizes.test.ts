import { describe, expect, it } from 'vitest';
import bench from './sizes.ts';

describe('bench sizes', () => {
  it('reports the convert_1m_s goal scaled from a small run, with its details', async () => {
    const report = await bench({ log: () => {}, args: { count: '20000' } });
    expect(report.bench).toBe('sizes');
    expect(report.goals.convert_1m_s).toMatchObject({ unit: 's', limit: 10 });
    expect(report.goals.convert_1m_s!.value).toBeGreaterThan(0);
    expect(report.details).toMatchObject({ conversions: 20000, systems: 17 });
    expect(report.details.ties as number).toBeGreaterThan(0);
    expect(report.details.distinct_cases as number).toBeGreaterThan(1000);
  });
});
