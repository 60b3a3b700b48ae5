import { describe, expect, it } from 'vitest';
import bench from './allocate.ts';

describe('allocate bench', () => {
  it('reports speedup_vs_highs with equal optima and the solver-at-scale figures', async () => {
    const log: string[] = [];
    const report = await bench({
      log: (m) => log.push(m),
      args: { people: '150', 'big-people': '2000', highs: 'per-item', 'db-people': '0', 'pg-people': '0' },
    });
    expect(report.bench).toBe('allocate');
    expect(Object.keys(report.goals)).toEqual(['speedup_vs_highs']);
    expect(report.goals.speedup_vs_highs).toMatchObject({ unit: 'x', limit: 100 });
    const vs = report.details.speedup_vs_highs as Record<string, unknown>;
    expect(vs.objectives_equal).toBe(true);
    expect(vs.kitout_objective).toBe(vs.highs_objective);
    expect(vs.people_handed_out).toBe(150);
    expect(report.details.solver_at_scale).toMatchObject({ people: 2000, people_handed_out: 2000 });
    expect(log.some((m) => m.includes('HiGHS'))).toBe(true);
  });

  it('runs the product path end to end on PGlite: answers to reservations', async () => {
    const report = await bench({
      log: () => {},
      args: { people: '50', 'big-people': '0', highs: 'per-item', 'db-people': '120', 'pg-people': '0' },
    });
    expect(report.goals.pglite_12k_end_to_end_s).toMatchObject({ unit: 's', limit: 2 });
    const e2e = report.details.pglite_end_to_end as { people: number; reservations: number };
    expect(e2e.people).toBe(120);
    expect(e2e.reservations).toBeGreaterThan(0);
  });

  // The PostgreSQL path (a scratch database, a child process measured apart) at a small size, where a server is set.
  it.skipIf(!process.env.DATABASE_URL)('runs the product path on PostgreSQL in a child process', async () => {
    const report = await bench({
      log: () => {},
      args: { people: '50', 'big-people': '0', highs: 'per-item', 'db-people': '0', 'pg-people': '240' },
    });
    expect(report.goals.postgres_1200k_peak_mb).toMatchObject({ unit: 'MB', limit: 2000 });
    const pg = report.details.postgres_end_to_end as {
      people: number;
      allocationSets: number;
      peakRssMb: number;
    };
    expect(pg.people).toBe(240);
    // Everyone answered and has a row of their own; the child's memory was measured.
    expect(pg.allocationSets).toBe(240);
    expect(pg.peakRssMb).toBeGreaterThan(0);
  });

  it('refuses options it cannot use', async () => {
    await expect(bench({ log: () => {}, args: { highs: 'sometimes' } })).rejects.toThrow(/whole or per-item/);
    await expect(bench({ log: () => {}, args: { people: '-3' } })).rejects.toThrow(
      /--people must be a whole number/,
    );
  });
});
