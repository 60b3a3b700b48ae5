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

const driverCount = async () =>
  Number(
    (
      await server.ctx.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('intake_id', '=', 'W-2026-12')
        .where('role', '=', 'driver')
        .executeTakeFirstOrThrow()
    ).n,
  );

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
    // The demo's drivers (a role) get a second pair of gloves; counted here from the rows, not by the service.
    const drivers = await driverCount();
    expect(drivers).toBe(25);
    for (const e of entitlements) {
      const demand = plan.rows.filter((r) => r.item === e.item).reduce((s, r) => s + r.demand, 0);
      expect(demand, e.item).toBe(300 * e.qty + (e.item === 'gloves' ? drivers * (2 - e.qty) : 0));
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
    // The drivers' own list still adds their gloves to the intake's list.
    const drivers = await driverCount();
    expect(new Set(plan.rows.filter((r) => r.demand > 0).map((r) => r.item))).toEqual(
      new Set(['boots', 'gloves']),
    );
    expect(plan.rows.filter((r) => r.item === 'boots').reduce((s, r) => s + r.demand, 0)).toBe(600);
    expect(plan.rows.filter((r) => r.item === 'gloves').reduce((s, r) => s + r.demand, 0)).toBe(drivers * 2);
    const bad = await put({ scope: 'intake:W-2026-12', entitlements: [{ item: 'helmet', qty: 1 }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { field: string }[] }).issues[0]!.field).toBe(
      'entitlements.0.item',
    );
  });

  it('applies a role’s list item by item: it replaces, adds and takes away only what it names', async () => {
    const put = (body: unknown) =>
      server.app.request('/api/entitlements', {
        method: 'PUT',
        headers: { cookie: planner, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const base = [
      { item: 'cap', qty: 1 },
      { item: 'shirt', qty: 2 },
      { item: 'boots', qty: 1 },
    ];
    expect((await put({ scope: 'intake:W-2026-12', entitlements: base })).status).toBe(200);
    const driverList = [
      { item: 'shirt', qty: 3 },
      { item: 'cap', qty: 0 },
      { item: 'gloves', qty: 2 },
    ];
    expect((await put({ scope: 'role:driver', entitlements: driverList })).status).toBe(200);
    const drivers = await driverCount();
    const others = 300 - drivers;
    const plan = await get<Plan>('/api/intakes/W-2026-12/plan');
    const total = (item: string) =>
      plan.rows.filter((r) => r.item === item).reduce((s, r) => s + r.demand, 0);
    expect(total('cap')).toBe(others);
    expect(total('shirt')).toBe(others * 2 + drivers * 3);
    expect(total('boots')).toBe(300);
    expect(total('gloves')).toBe(drivers * 2);

    const roles = await get<{
      roles: { role: string; people: number; own: unknown[]; entitlements: unknown[] }[];
    }>('/api/intakes/W-2026-12/roles');
    expect(roles.roles).toEqual([
      {
        role: 'driver',
        people: drivers,
        own: [
          { item: 'cap', qty: 0 },
          { item: 'shirt', qty: 3 },
          { item: 'gloves', qty: 2 },
        ],
        entitlements: [
          { item: 'shirt', qty: 3 },
          { item: 'boots', qty: 1 },
          { item: 'gloves', qty: 2 },
        ],
      },
    ]);
    const bad = await put({ scope: 'role:no spaces', entitlements: [] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { field: string }[] }).issues[0]!.field).toBe('scope');
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
