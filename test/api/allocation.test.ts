import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvedPeople, resolvedPeoplePages } from '../../src/services/resolution.ts';
import { insertMeasuredAnswers } from '../../src/services/submissions-demo.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let planner: string;

interface Run {
  id: string;
  status: string;
  objective: number;
  unmet: number;
  summary: {
    answered: number;
    items: { item: string; demand: number; preferred: number; substituted: number; unmet: number }[];
    shortages: { item: string; size: string; site: string; unmet: number }[];
    reservations: { depot: string; item: string; size: string; qty: number }[];
  };
}

/** Answers of the default questionnaire's "measure me" path for the first `count` people. */
const answer = (count: number) =>
  insertMeasuredAnswers(server.db.db, { intake: 'W-2026-12', count, seed: 7, prefix: 'test' });

const call = async <T>(method: string, path: string, headers: Record<string, string> = {}) => {
  const res = await server.app.request(path, { method, headers: { cookie: planner, ...headers } });
  return { status: res.status, body: (await res.json()) as T };
};

const reserved = async () => {
  const rows = await server.db.db
    .selectFrom('balances')
    .select(['depot_id', 'item_id', 'size', 'reserved'])
    .where('reserved', '>', 0)
    .execute();
  return new Map(rows.map((r) => [`${r.depot_id}|${r.item_id}|${r.size}`, r.reserved]));
};
const asMap = (rs: Run['summary']['reservations']) =>
  new Map(rs.map((r) => [`${r.depot}|${r.item}|${r.size}`, r.qty]));

beforeAll(async () => {
  server = await startTestServer({ people: 400, listen: false });
  planner = await signInCookie(server.app, 'planner');
  await answer(300);
});
afterAll(() => server.close());

describe('allocation for an intake', () => {
  let first: Run;

  it('runs on answers and stock, and says per item who got their size, a substitute, or nothing', async () => {
    // Drivers (a role with its own list) get a third shirt.
    const put = await server.app.request('/api/entitlements', {
      method: 'PUT',
      headers: { cookie: planner, 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'role:driver', entitlements: [{ item: 'shirt', qty: 3 }] }),
    });
    expect(put.status).toBe(200);
    const res = await call<Run>('POST', '/api/intakes/W-2026-12/allocation');
    expect(res.status).toBe(201);
    first = res.body;
    expect(first.status).toBe('proposed');
    expect(first.summary.answered).toBe(300);
    const jacket = first.summary.items.find((i) => i.item === 'jacket')!;
    expect(jacket.demand).toBe(300);
    expect(jacket.preferred + jacket.substituted + jacket.unmet).toBe(300);
    // Counted from the rows: the answered people who are drivers.
    const answered = await server.db.db
      .selectFrom('submissions')
      .innerJoin('people', 'people.id', 'submissions.person_id')
      .select(['people.id', 'people.role'])
      .distinct()
      .execute();
    const drivers = answered.filter((p) => p.role === 'driver').length;
    expect(drivers).toBeGreaterThan(0);
    const shirts = first.summary.items.find((i) => i.item === 'shirt')!;
    expect(shirts.demand).toBe((300 - drivers) * 2 + drivers * 3);
    // The objective is exactly the stated costs: unmet units × 1000 + substitutions and routes.
    const unmet = first.summary.items.reduce((s, i) => s + i.unmet, 0);
    expect(first.unmet).toBe(unmet);
    expect(first.objective).toBeGreaterThanOrEqual(unmet * 1000);
  });

  it('stores every line once, and its summary agrees with the stored lines', async () => {
    const lines = await server.db.db
      .selectFrom('allocations')
      .selectAll()
      .where('run_id', '=', first.id)
      .execute();
    const keys = new Set(lines.map((l) => `${l.person_id}|${l.item_id}|${l.unit}`));
    expect(keys.size).toBe(lines.length);
    expect(new Set(lines.map((l) => l.person_id)).size).toBe(300);
    for (const item of first.summary.items) {
      const of = lines.filter((l) => l.item_id === item.item);
      expect(item, item.item).toEqual({
        item: item.item,
        demand: of.length,
        preferred: of.filter((l) => l.issued === l.preferred).length,
        substituted: of.filter((l) => l.issued !== null && l.issued !== l.preferred).length,
        unmet: of.filter((l) => l.issued === null).length,
      });
    }
    const reserved = new Map<string, number>();
    for (const l of lines.filter((l) => l.issued !== null)) {
      const k = `${l.depot_id}|${l.item_id}|${l.issued}`;
      reserved.set(k, (reserved.get(k) ?? 0) + 1);
    }
    expect(asMap(first.summary.reservations)).toEqual(reserved);
    // Every line that is not the person's own size from their site's store says why, from the run's reasons.
    for (const l of lines.filter((l) => l.issued === null)) expect(l.reason?.key).toMatch(/^reason\.unmet/);
    // Read a page at a time, the answers resolve to the same people as read at once.
    const all = await resolvedPeople(server.ctx, 'W-2026-12');
    const paged: string[] = [];
    for await (const page of resolvedPeoplePages(server.ctx, 'W-2026-12', 7))
      paged.push(...page.map((p) => p.person));
    expect(paged).toEqual(all.map((p) => p.person));
    expect(paged.length).toBe(300);
  });

  it('never gives a smaller garment or boot than preferred, and never more than a depot holds', async () => {
    const all = await call<{
      total: number;
      rows: {
        item: string;
        preferred: string;
        issued: string | null;
        depot: string | null;
        reason: { key: string };
      }[];
    }>('GET', `/api/allocation-runs/${first.id}/people?limit=500&only=substituted`);
    for (const r of all.body.rows.filter((x) => x.issued)) {
      if (r.item === 'boots') expect(Number(r.issued)).toBeGreaterThan(Number(r.preferred));
      if (['jacket', 'shirt', 'trousers'].includes(r.item)) {
        const [pc, ph] = r.preferred.split('-').map(Number);
        const [ic, ih] = r.issued!.split('-').map(Number);
        expect(ic! >= pc! && ih! >= ph!, `${r.preferred} → ${r.issued}`).toBe(true);
      }
      expect(r.reason.key).toMatch(/^reason\./);
    }
    const balances = await server.db.db.selectFrom('balances').selectAll().execute();
    for (const r of first.summary.reservations) {
      const b = balances.find((x) => x.depot_id === r.depot && x.item_id === r.item && x.size === r.size)!;
      expect(r.qty).toBeLessThanOrEqual(b.on_hand - b.reserved);
    }
  });

  it('reserves on accept, once per key, and a later accepted run replaces the reservations exactly', async () => {
    const accepted = await call<Run>('POST', `/api/allocation-runs/${first.id}/accept`, {
      'idempotency-key': 'accept-1-key',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(await reserved()).toEqual(asMap(first.summary.reservations));
    expect(
      (
        await call<Run>('POST', `/api/allocation-runs/${first.id}/accept`, {
          'idempotency-key': 'accept-1-key',
        })
      ).status,
    ).toBe(200);
    expect(await reserved()).toEqual(asMap(first.summary.reservations));

    const second = (await call<Run>('POST', '/api/intakes/W-2026-12/allocation')).body;
    // Rerun on unchanged stock (its own reservations count as free for it): the same optimum.
    expect(second.objective).toBe(first.objective);
    expect(
      (await call<{ changes: unknown[] }>('GET', `/api/allocation-runs/${second.id}/diff`)).body.changes,
    ).toEqual([]);
    await call('POST', `/api/allocation-runs/${second.id}/accept`, { 'idempotency-key': 'accept-2-key' });
    expect(await reserved()).toEqual(asMap(second.summary.reservations));
    expect((await call<Run>('GET', `/api/allocation-runs/${first.id}`)).body.status).toBe('superseded');
  });

  it('after stock moves, a rerun shows what changed, and an outdated run cannot be accepted', async () => {
    const stale = (await call<Run>('POST', '/api/intakes/W-2026-12/allocation')).body;
    // A count finds the shelf of the most reserved jacket size empty: its reservations are released with it.
    const top = [...stale.summary.reservations]
      .filter((r) => r.item === 'jacket')
      .sort((a, b) => b.qty - a.qty)[0]!;
    const res = await server.app.request('/api/stock/movements', {
      method: 'POST',
      headers: { cookie: planner, 'content-type': 'application/json', 'idempotency-key': 'count-jackets' },
      body: JSON.stringify({
        type: 'count',
        depot: top.depot,
        item: 'jacket',
        size: top.size,
        qty: 0,
        reason: 'shelf empty',
      }),
    });
    expect(res.status).toBe(201);
    const staleAccept = await call<{ error: string; message: string }>(
      'POST',
      `/api/allocation-runs/${stale.id}/accept`,
      {
        'idempotency-key': 'accept-stale',
      },
    );
    expect(staleAccept.status).toBe(409);
    expect(staleAccept.body.message).toMatch(/run the allocation again/);
    const fresh = (await call<Run>('POST', '/api/intakes/W-2026-12/allocation')).body;
    expect(fresh.objective).toBeGreaterThan(stale.objective);
    const diff = await call<{ from: string; changes: { item: string; before_issued: string }[] }>(
      'GET',
      `/api/allocation-runs/${fresh.id}/diff`,
    );
    expect(diff.body.changes.length).toBeGreaterThanOrEqual(top.qty);
    expect(diff.body.changes.some((c) => c.item === 'jacket' && c.before_issued === top.size)).toBe(true);
    // The fresh run is accepted over what is left of the old reservations; reserved stock is then exactly its own.
    const ok = await call<Run>('POST', `/api/allocation-runs/${fresh.id}/accept`, {
      'idempotency-key': 'accept-fresh',
    });
    expect(ok.status).toBe(200);
    expect(await reserved()).toEqual(asMap(fresh.summary.reservations));
  });
});
