import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, rosterRows } from '../support/fixtures.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let planner: string;
beforeAll(async () => {
  server = await startTestServer({ people: 120, listen: false });
  planner = await signInCookie(server.app, 'planner');
});
afterAll(() => server.close());

const upload = (intake: string, name: string, data: Buffer, key?: string) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  return server.app.request(`/api/intakes/${intake}/roster`, {
    method: 'POST',
    headers: { cookie: planner, ...(key ? { 'idempotency-key': key } : {}) },
    body: form,
  });
};

describe('intakes and rosters over HTTP', () => {
  it('lists the demo intake with its head count', async () => {
    const res = await server.app.request('/api/intakes', { headers: { cookie: planner } });
    const body = (await res.json()) as { intakes: { id: string; people: number; start_date: string }[] };
    expect(body.intakes).toEqual([
      expect.objectContaining({ id: 'W-2026-12', people: 120, start_date: '2026-12-01' }),
    ]);
  });

  it('creates an intake and refuses a bad one naming the field', async () => {
    const ok = await server.app.request('/api/intakes', {
      method: 'POST',
      headers: { cookie: planner, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'W-2027-01', name: 'January', siteId: 'EAST', startDate: '2027-01-10' }),
    });
    expect(ok.status).toBe(201);
    const bad = await server.app.request('/api/intakes', {
      method: 'POST',
      headers: { cookie: planner, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'W 2', name: 'x', siteId: 'NORTH', startDate: '2027-02-30' }),
    });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { issues: { field: string }[] }).issues.map((i) => i.field).sort();
    expect(fields).toEqual(['id', 'startDate']);
  });

  it('pages and searches the roster in any script', async () => {
    const page = async (query: string) =>
      (await (
        await server.app.request(`/api/intakes/W-2026-12/people?${query}`, { headers: { cookie: planner } })
      ).json()) as {
        total: number;
        people: { id: string; name: string }[];
      };
    const first = await page('limit=50&offset=0');
    const third = await page('limit=50&offset=100');
    expect(first.total).toBe(120);
    expect(first.people).toHaveLength(50);
    expect(third.people).toHaveLength(20);
    expect(first.people[0]!.id < third.people[0]!.id).toBe(true);
    const someone = first.people[7]!;
    const byName = await page(`q=${encodeURIComponent(someone.name)}`);
    expect(byName.people.map((p) => p.id)).toContain(someone.id);
    expect((await page('q=P-00010')).people.map((p) => p.id)).toContain('P-000100');
    expect((await page('q=%25')).total).toBe(0);
  });

  it('imports an uploaded roster once per idempotency key, and reports bad rows by row and column', async () => {
    const good = await upload('W-2027-01', 'jan.csv', csv(rosterRows(40, 'J')), 'upload-key-123');
    expect(good.status).toBe(200);
    expect(((await good.json()) as { imported: number }).imported).toBe(40);
    const again = await upload('W-2027-01', 'jan.csv', csv(rosterRows(40, 'J')), 'upload-key-123');
    expect(again.status).toBe(200);
    const rows = rosterRows(3, 'Z');
    rows[1]![3] = 'NOWHERE';
    const bad = await upload('W-2027-01', 'bad.csv', csv(rows));
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { issues: { row: number; field: string; reason: string }[] };
    expect(body.issues).toEqual([
      expect.objectContaining({ row: 2, field: 'site', reason: 'unknown site "NOWHERE"' }),
    ]);
    const intake = (await (
      await server.app.request('/api/intakes/W-2027-01', { headers: { cookie: planner } })
    ).json()) as {
      intake: { people: number };
    };
    expect(intake.intake.people).toBe(40);
  });

  it('answers 404 for an unknown intake', async () => {
    const res = await server.app.request('/api/intakes/NOPE/people', { headers: { cookie: planner } });
    expect(res.status).toBe(404);
  });
});
