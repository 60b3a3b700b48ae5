import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let planner: string;

beforeAll(async () => {
  server = await startTestServer({ people: 300, listen: false });
  planner = await signInCookie(server.app, 'planner');
});
afterAll(() => server.close());

interface Plan {
  people: number;
  answered: number;
  source: string;
  rows: { item: string; size: string; demand: number; available: number; inTransit: number; net: number }[];
  transfers: { item: string; size: string; from: string; to: string; qty: number }[];
  buy: { item: string; size: string; qty: number }[];
  bySite: { site: string; item: string; size: string; demand: number; covered: number }[];
}

const get = async <T>(path: string) => {
  const res = await server.app.request(path, { headers: { cookie: planner } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

describe('planning an intake', () => {
  it('forecasts demand from the tariff before anyone answers, adding up to people × entitlement per item', async () => {
    const plan = await get<Plan>('/api/intakes/W-2026-12/plan');
    expect(plan).toMatchObject({ people: 300, answered: 0, source: 'tariff' });
    const { entitlements } = await get<{ entitlements: { item: string; qty: number }[] }>(
      '/api/entitlements',
    );
    for (const e of entitlements) {
      const demand = plan.rows.filter((r) => r.item === e.item).reduce((s, r) => s + r.demand, 0);
      expect(demand, e.item).toBe(300 * e.qty);
    }
  });

  it('states a plan that adds up: per size, what is bought plus what stock covers equals demand', async () => {
    const plan = await get<Plan>('/api/intakes/W-2026-12/plan');
    for (const r of plan.rows) {
      const covered = plan.bySite
        .filter((s) => s.item === r.item && s.size === r.size)
        .reduce((s, x) => s + x.covered, 0);
      expect(covered + r.net, `${r.item} ${r.size}`).toBe(r.demand);
      expect(covered).toBeLessThanOrEqual(r.available + r.inTransit);
      expect(plan.buy.find((b) => b.item === r.item && b.size === r.size)?.qty ?? 0).toBe(r.net);
    }
    // Every transfer leaves a depot that holds what it sends.
    const balances = await get<{
      balances: { depot: string; item: string; size: string; available: number }[];
    }>('/api/stock/balances');
    for (const t of plan.transfers) {
      const held =
        balances.balances.find((b) => b.depot === t.from && b.item === t.item && b.size === t.size)
          ?.available ?? 0;
      expect(t.qty).toBeLessThanOrEqual(held);
    }
  });

  it('plans with an intake’s own entitlements once set, and refuses unknown items naming the row', async () => {
    const put = (body: unknown) =>
      server.app.request('/api/entitlements', {
        method: 'PUT',
        headers: { cookie: planner, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put({ scope: 'intake:W-2026-12', entitlements: [{ item: 'boots', qty: 2 }] })).status).toBe(
      200,
    );
    const plan = await get<Plan>('/api/intakes/W-2026-12/plan');
    expect(new Set(plan.rows.filter((r) => r.demand > 0).map((r) => r.item))).toEqual(new Set(['boots']));
    expect(plan.rows.reduce((s, r) => s + r.demand, 0)).toBe(600);
    const bad = await put({ scope: 'intake:W-2026-12', entitlements: [{ item: 'helmet', qty: 1 }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { field: string }[] }).issues[0]!.field).toBe(
      'entitlements.0.item',
    );
  });

  it('keeps a hand-entered tariff and refuses sizes the catalogue lacks', async () => {
    const put = (rows: unknown) =>
      server.app.request('/api/tariffs/manual', {
        method: 'PUT',
        headers: { cookie: planner, 'content-type': 'application/json' },
        body: JSON.stringify({ rows }),
      });
    expect(
      (
        await put([
          { item: 'cap', size: '57', share: 0.6 },
          { item: 'cap', size: '58', share: 0.4 },
        ])
      ).status,
    ).toBe(200);
    expect((await get<{ rows: unknown[] }>('/api/tariffs/manual')).rows).toHaveLength(2);
    expect((await put([{ item: 'cap', size: '99', share: 1 }])).status).toBe(400);
  });
});
