import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

// Reports built on an intake made through the API (answers, an accepted allocation run, issues, returns and a
// reversal in the ledger, and losses recorded at the issue stations, which post no movement); every figure is
// checked against a count computed here from the raw rows (movements and kit events).

const INTAKE = 'W-2026-12';
let server: TestServer;
let enumerator: string;
let planner: string;
let store: string;

const request = async <T>(cookie: string, method: string, path: string, body?: unknown, key?: string) => {
  const res = await server.app.request(path, {
    method,
    headers: {
      cookie,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed as T, headers: res.headers };
};
const get = <T>(path: string, cookie = planner) => request<T>(cookie, 'GET', path);

/** Answers of the default questionnaire's "measure me" path, varied per person. */
const answersFor = (i: number) => ({
  head_known: 'no',
  head_girth: String(55 + (i % 5)),
  uniform_known: 'no',
  chest: String(88 + (i % 8) * 2),
  height: String(166 + (i % 6) * 3),
  waist: String(74 + (i % 7) * 2),
  shoe_known: 'no',
  foot_length: String(245 + (i % 9) * 5),
});

interface Movement {
  id: number;
  type: string;
  person_id: string | null;
  item_id: string;
  size: string;
  depot_id: string;
  qty: number;
  reverses: number | null;
}

/** The intake's kit movements that count: issues/returns with a person, neither reversed nor a reversal. */
async function countedMovements(): Promise<Movement[]> {
  const all = (await server.db.db
    .selectFrom('movements')
    .select(['id', 'type', 'person_id', 'item_id', 'size', 'depot_id', 'qty', 'reverses'])
    .execute()) as Movement[];
  const people = new Set(
    (await server.db.db.selectFrom('people').select('id').where('intake_id', '=', INTAKE).execute()).map(
      (p) => p.id,
    ),
  );
  const reversed = new Set(all.filter((m) => m.reverses !== null).map((m) => Number(m.reverses)));
  return all.filter(
    (m) =>
      (m.type === 'issue' || m.type === 'return') &&
      m.person_id !== null &&
      people.has(m.person_id) &&
      m.reverses === null &&
      !reversed.has(Number(m.id)),
  );
}

interface Loss {
  id: number;
  person_id: string;
  item_id: string;
  size: string;
  depot_id: string;
  qty: number;
}

/** The intake's losses: kit events of kind loss whose person is on this intake's roster. */
async function countedLosses(): Promise<Loss[]> {
  const people = new Set(
    (await server.db.db.selectFrom('people').select('id').where('intake_id', '=', INTAKE).execute()).map(
      (p) => p.id,
    ),
  );
  const rows = await server.db.db
    .selectFrom('kit_events')
    .select(['id', 'kind', 'person_id', 'item_id', 'size', 'depot_id', 'qty'])
    .execute();
  return rows
    .filter((k) => k.kind === 'loss' && people.has(k.person_id))
    .map((k) => ({ ...k, id: Number(k.id) }));
}

/** Sends events to an issue station as its tablet would; every one must be applied. */
async function atStation(station: string, events: Record<string, unknown>[]) {
  const res = await request<{ results: { id: string; status: string; message?: string }[] }>(
    store,
    'POST',
    `/api/stations/${station}/events`,
    { events: events.map((e) => ({ clientTime: '2025-03-03T09:00:00Z', ...e })) },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  for (const r of res.body.results) expect(r.status, JSON.stringify(r)).toBe('applied');
}

const ENTITLED: Record<string, number> = {};
let peopleIds: string[] = [];
let runId = '';
let reversedIssue = 0;

beforeAll(async () => {
  server = await startTestServer({ people: 40, listen: false });
  [enumerator, planner, store] = await Promise.all([
    signInCookie(server.app, 'enum'),
    signInCookie(server.app, 'planner'),
    signInCookie(server.app, 'store'),
  ]);
  peopleIds = (
    await server.db.db
      .selectFrom('people')
      .select('id')
      .where('intake_id', '=', INTAKE)
      .orderBy('id')
      .execute()
  ).map((p) => p.id);
  // 30 of 40 answer, over two days; person 3 answers twice (the latest counts, the person once).
  for (let i = 0; i < 30; i++) {
    const day = i < 12 ? '2025-03-01' : '2025-03-02';
    const res = await request(
      enumerator,
      'POST',
      '/api/submissions',
      {
        formId: 'kitout-sizing',
        formVersion: '1',
        intakeId: INTAKE,
        personId: peopleIds[i],
        answers: answersFor(i),
        clientTime: `${day}T0${i % 10}:15:00Z`,
      },
      `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  await request(
    enumerator,
    'POST',
    '/api/submissions',
    {
      formId: 'kitout-sizing',
      formVersion: '1',
      intakeId: INTAKE,
      personId: peopleIds[3],
      answers: answersFor(7),
      clientTime: '2025-03-02T11:00:00Z',
    },
    '00000000-0000-4000-8000-999999999999',
  );
  const run = await request<{ id: string }>(planner, 'POST', `/api/intakes/${INTAKE}/allocation`);
  expect(run.status).toBe(201);
  runId = run.body.id;
  const accepted = await request(
    planner,
    'POST',
    `/api/allocation-runs/${runId}/accept`,
    undefined,
    'accept-run-1',
  );
  expect(accepted.status).toBe(200);
  for (const e of (
    await get<{ entitlements: { item: string; qty: number }[] }>(`/api/entitlements?scope=default`)
  ).body.entitlements)
    ENTITLED[e.item] = e.qty;

  // The first 12 people get what was allocated to them; people 0–5 also get everything else they are entitled to
  // from free stock, so they are fully kitted. Person 4's boots are handed out at a station instead (below).
  const allocations = await server.db.db
    .selectFrom('allocations')
    .selectAll()
    .where('run_id', '=', runId)
    .where('issued', 'is not', null)
    .execute();
  // A delivery after the run: one size of every item, for what the run did not cover.
  const variants = await server.db.db
    .selectFrom('item_variants')
    .select(['item_id', 'label'])
    .orderBy('sort')
    .execute();
  const spare = new Map<string, string>();
  for (const v of variants) if (!spare.has(v.item_id)) spare.set(v.item_id, v.label);
  const delivery = await request(
    store,
    'POST',
    '/api/stock/batch',
    {
      movements: [...spare].map(([item, size]) => ({
        type: 'receipt',
        depot: 'D-NORTH',
        item,
        size,
        qty: 50,
      })),
    },
    'delivery-after-run',
  );
  expect(delivery.status, JSON.stringify(delivery.body)).toBe(201);
  let k = 0;
  for (let i = 0; i < 12; i++) {
    const person = peopleIds[i]!;
    const mine = allocations.filter((a) => a.person_id === person);
    const movements = mine.map((a) => ({
      type: 'issue',
      depot: a.depot_id!,
      item: a.item_id,
      size: a.issued!,
      qty: 1,
      person,
      fromReserved: true,
    }));
    if (i < 6) {
      for (const [item, qty] of Object.entries(ENTITLED)) {
        const missing = qty - mine.filter((a) => a.item_id === item).length;
        if (missing <= 0) continue;
        movements.push({
          type: 'issue',
          depot: 'D-NORTH',
          item,
          size: spare.get(item)!,
          qty: missing,
          person,
          fromReserved: false,
        });
      }
    }
    const batch = i === 4 ? movements.filter((m) => m.item !== 'boots') : movements;
    const res = await request(store, 'POST', '/api/stock/batch', { movements: batch }, `issue-batch-${k++}`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  // Person 1 returns a shirt (so is no longer fully kitted); person 8 returns a cap unserviceable.
  const shirt = allocations.find((a) => a.person_id === peopleIds[1] && a.item_id === 'shirt')!;
  expect(
    (
      await request(
        store,
        'POST',
        '/api/stock/movements',
        {
          type: 'return',
          depot: shirt.depot_id,
          item: 'shirt',
          size: shirt.issued,
          qty: 1,
          person: peopleIds[1],
          condition: 'B',
        },
        'return-shirt-1',
      )
    ).status,
  ).toBe(201);
  const cap = allocations.find((a) => a.person_id === peopleIds[8] && a.item_id === 'cap')!;
  expect(
    (
      await request(
        store,
        'POST',
        '/api/stock/movements',
        {
          type: 'return',
          depot: cap.depot_id,
          item: 'cap',
          size: cap.issued,
          qty: 1,
          person: peopleIds[8],
          condition: 'F',
        },
        'return-cap-2',
      )
    ).status,
  ).toBe(201);
  // A mistaken issue to person 2's boots is reversed: neither movement counts.
  const boots = await server.db.db
    .selectFrom('movements')
    .select('id')
    .where('person_id', '=', peopleIds[2]!)
    .where('item_id', '=', 'boots')
    .executeTakeFirstOrThrow();
  reversedIssue = Number(boots.id);
  expect(
    (
      await request(
        store,
        'POST',
        `/api/stock/movements/${reversedIssue}/reverse`,
        { reason: 'wrong person' },
        'reverse-boots-1',
      )
    ).status,
  ).toBe(201);

  // At the stations (kit events): person 4 gets their boots and loses a pair, so is no longer fully kitted;
  // person 12 gets a cap and loses it (issued, holds nothing); person 13 gets two caps and loses one.
  let e = 0;
  const ev = (kind: string, person: number, item: string) => ({
    id: `reports-${kind}-${String(++e).padStart(4, '0')}`,
    kind,
    personId: peopleIds[person]!,
    item,
    size: spare.get(item)!,
  });
  await atStation(
    'N-1',
    Array.from({ length: ENTITLED.boots! }, () => ev('issue', 4, 'boots')),
  );
  await atStation('N-1', [ev('loss', 4, 'boots')]);
  await atStation('N-2', [ev('issue', 12, 'cap'), ev('loss', 12, 'cap')]);
  await atStation('N-3', [ev('issue', 13, 'cap'), ev('issue', 13, 'cap'), ev('loss', 13, 'cap')]);
}, 120_000);
afterAll(() => server.close());

/** Net units held per person × item, computed here from the raw movements less the losses in the kit record. */
async function heldByPerson() {
  const held = new Map<string, Map<string, number>>();
  const add = (person: string, item: string, qty: number) => {
    const per = held.get(person) ?? new Map<string, number>();
    per.set(item, (per.get(item) ?? 0) + qty);
    held.set(person, per);
  };
  for (const m of await countedMovements()) add(m.person_id!, m.item_id, m.type === 'issue' ? m.qty : -m.qty);
  for (const l of await countedLosses()) add(l.person_id, l.item_id, -l.qty);
  return held;
}
const sumQty = (rows: { qty: number }[]) => rows.reduce((s, r) => s + r.qty, 0);
const fullyKitted = (held: Map<string, Map<string, number>>) =>
  [...held.entries()]
    .filter(([, per]) => Object.entries(ENTITLED).every(([i, q]) => q === 0 || (per.get(i) ?? 0) >= q))
    .map(([p]) => p)
    .sort();

interface Dashboard {
  people: number;
  run: { id: string; status: string } | null;
  funnel: Record<string, number>;
  units: { entitled: number; issued: number; returned: number; lost: number; held: number };
  series: {
    points: { at: string; answered: number; resolved: number; issued: number; fullyKitted: number }[];
  };
  waiting: number | null;
  shortages: { item: string; size: string; unmet: number }[];
}
interface Drill {
  kind: string;
  total: number;
  sum: number;
  rows: { person: string; qty: number; id?: number }[];
}
/** Every row behind a figure, through all pages. */
async function drillAll(query: string): Promise<Drill> {
  const rows: Drill['rows'] = [];
  let first: Drill | undefined;
  for (let offset = 0; ; offset += 25) {
    const res = await get<Drill>(`/api/reports/intakes/${INTAKE}/drill?${query}&limit=25&offset=${offset}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    first ??= res.body;
    rows.push(...res.body.rows);
    if (res.body.rows.length < 25) break;
  }
  return { ...first!, rows };
}

describe('intake dashboard', () => {
  let dash: Dashboard;
  beforeAll(async () => {
    const res = await get<Dashboard>(`/api/reports/intakes/${INTAKE}/dashboard?bucket=day&tz=UTC`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    dash = res.body;
  });

  it('counts answered people from the raw submissions, once per person', async () => {
    const subs = await server.db.db
      .selectFrom('submissions')
      .select('person_id')
      .where('intake_id', '=', INTAKE)
      .execute();
    expect(subs.length).toBe(31);
    expect(dash.funnel.answered).toBe(new Set(subs.map((s) => s.person_id)).size);
    expect(dash.funnel.answered).toBe(30);
    expect(dash.people).toBe(40);
  });

  it('counts resolved and allocated people from the run’s rows', async () => {
    const rows = await server.db.db
      .selectFrom('allocations')
      .select(['person_id', 'issued'])
      .where('run_id', '=', runId)
      .execute();
    expect(dash.run?.id).toBe(runId);
    expect(dash.funnel.resolved).toBe(new Set(rows.map((r) => r.person_id)).size);
    const short = new Set(rows.filter((r) => r.issued === null).map((r) => r.person_id));
    expect(dash.funnel.allocated).toBe(
      new Set(rows.map((r) => r.person_id).filter((p) => !short.has(p))).size,
    );
  });

  it('counts issued and fully kitted people and units from the raw ledger and kit record, net of returns, reversals and losses', async () => {
    const moves = await countedMovements();
    const losses = await countedLosses();
    expect(moves.some((m) => m.id === reversedIssue)).toBe(false);
    const held = await heldByPerson();
    expect(dash.funnel.issued).toBe(
      new Set(moves.filter((m) => m.type === 'issue').map((m) => m.person_id)).size,
    );
    expect(dash.funnel.issued).toBe(14);
    const kitted = fullyKitted(held);
    expect(kitted).not.toContain(peopleIds[1]);
    expect(kitted).not.toContain(peopleIds[2]);
    // Person 4 received every unit and lost a pair of boots: held in the ledger, not in the kit record.
    expect(kitted).not.toContain(peopleIds[4]);
    expect(dash.funnel.fullyKitted).toBe(kitted.length);
    expect(dash.funnel.fullyKitted).toBe(3);
    const sum = (t: string) => sumQty(moves.filter((m) => m.type === t));
    expect(losses.length).toBe(3);
    expect(dash.units).toEqual({
      entitled: 40 * Object.values(ENTITLED).reduce((s, q) => s + q, 0),
      issued: sum('issue'),
      returned: sum('return'),
      lost: sumQty(losses),
      held: sum('issue') - sum('return') - sumQty(losses),
    });
  });

  it('spreads first answers over the days they were taken', () => {
    const byDay = Object.fromEntries(
      dash.series.points.filter((p) => p.answered).map((p) => [p.at.slice(0, 10), p.answered]),
    );
    expect(byDay).toEqual({ '2025-03-01': 12, '2025-03-02': 18 });
    for (const k of ['answered', 'resolved', 'issued', 'fullyKitted'] as const)
      expect(dash.series.points.reduce((s, p) => s + p[k], 0)).toBe(dash.funnel[k]);
  });

  it('lists the run’s unmet units as shortages, summed over sites', async () => {
    const rows = await server.db.db
      .selectFrom('allocations')
      .select(['item_id', 'preferred'])
      .where('run_id', '=', runId)
      .where('issued', 'is', null)
      .execute();
    const want = new Map<string, number>();
    for (const r of rows)
      want.set(`${r.item_id}|${r.preferred}`, (want.get(`${r.item_id}|${r.preferred}`) ?? 0) + 1);
    expect(new Map(dash.shortages.map((s) => [`${s.item}|${s.size}`, s.unmet]))).toEqual(want);
  });

  it('drills every funnel figure down to exactly the people behind it', async () => {
    for (const figure of ['answered', 'resolved', 'allocated', 'issued', 'fullyKitted'] as const) {
      const d = await drillAll(`figure=${figure}`);
      expect(d.kind).toBe('people');
      expect(d.rows.length, figure).toBe(dash.funnel[figure]);
      expect(d.total).toBe(dash.funnel[figure]);
      expect(d.rows.reduce((s, r) => s + r.qty, 0)).toBe(dash.funnel[figure]);
    }
    const kitted = await drillAll('figure=fullyKitted');
    expect(kitted.rows.map((r) => r.person).sort()).toEqual(fullyKitted(await heldByPerson()));
  });

  it('answers in the time zone asked for, and refuses one that is not a zone', async () => {
    const seoul = await get<Dashboard>(`/api/reports/intakes/${INTAKE}/dashboard?bucket=hour&tz=Asia/Seoul`);
    expect(seoul.status).toBe(200);
    expect(seoul.body.series.points[0]!.at).toMatch(/T\d\d:00$/);
    expect(seoul.body.funnel).toEqual(dash.funnel);
    const bad = await get<{ issues: { field: string }[] }>(
      `/api/reports/intakes/${INTAKE}/dashboard?tz=Mars/Olympus`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]!.field).toBe('tz');
    expect((await get(`/api/reports/intakes/NOPE/dashboard`)).status).toBe(404);
  });
});

describe('reconciliation', () => {
  interface Row {
    item: string;
    entitled: number;
    allocated: number;
    issued: number;
    returned: number;
    lost: number;
    held: number;
    outstanding: number;
    overIssued: number;
    onHand: number;
    reserved: number;
    available: number;
  }
  let recon: { byItem: Row[]; byDepot: (Row & { depot: string })[]; totals: Omit<Row, 'item'> };
  beforeAll(async () => {
    const res = await get<typeof recon>(`/api/reports/intakes/${INTAKE}/reconciliation`, store);
    expect(res.status).toBe(200);
    recon = res.body;
  });

  it('matches per item what the raw ledger, kit record, entitlements and balances say', async () => {
    const moves = await countedMovements();
    const losses = await countedLosses();
    const held = await heldByPerson();
    const balances = await server.db.db.selectFrom('balances').selectAll().execute();
    const allocated = await server.db.db
      .selectFrom('allocations')
      .select('item_id')
      .where('run_id', '=', runId)
      .where('issued', 'is not', null)
      .execute();
    for (const [item, qty] of Object.entries(ENTITLED)) {
      const row = recon.byItem.find((r) => r.item === item)!;
      const issued = moves
        .filter((m) => m.item_id === item && m.type === 'issue')
        .reduce((s, m) => s + m.qty, 0);
      const returned = moves
        .filter((m) => m.item_id === item && m.type === 'return')
        .reduce((s, m) => s + m.qty, 0);
      const lost = sumQty(losses.filter((l) => l.item_id === item));
      const outstanding = peopleIds.reduce((s, p) => s + Math.max(0, qty - (held.get(p)?.get(item) ?? 0)), 0);
      const overIssued = peopleIds.reduce((s, p) => s + Math.max(0, (held.get(p)?.get(item) ?? 0) - qty), 0);
      const onHand = balances.filter((b) => b.item_id === item).reduce((s, b) => s + b.on_hand, 0);
      const reserved = balances.filter((b) => b.item_id === item).reduce((s, b) => s + b.reserved, 0);
      expect(row).toEqual({
        item,
        entitled: 40 * qty,
        allocated: allocated.filter((a) => a.item_id === item).length,
        issued,
        returned,
        lost,
        held: issued - returned - lost,
        outstanding,
        overIssued,
        onHand,
        reserved,
        available: onHand - reserved,
      });
      expect(row.entitled - row.held).toBe(row.outstanding - row.overIssued);
    }
    // The losses recorded at the stations are all counted, and none moved stock.
    expect(recon.totals.lost).toBe(3);
    expect(recon.byItem.find((r) => r.item === 'boots')!.lost).toBe(1);
    expect(recon.byItem.find((r) => r.item === 'cap')!.lost).toBe(2);
    for (const k of Object.keys(recon.totals) as (keyof typeof recon.totals)[])
      expect(recon.totals[k]).toBe(recon.byItem.reduce((s, r) => s + r[k], 0));
  });

  it('splits units by the depot they left, came back to or were reported lost at, adding up to the items’ totals', async () => {
    const moves = await countedMovements();
    const losses = await countedLosses();
    for (const r of recon.byDepot) {
      const mine = moves.filter((m) => m.depot_id === r.depot && m.item_id === r.item);
      expect(r.issued).toBe(sumQty(mine.filter((m) => m.type === 'issue')));
      expect(r.returned).toBe(sumQty(mine.filter((m) => m.type === 'return')));
      expect(r.lost).toBe(sumQty(losses.filter((l) => l.depot_id === r.depot && l.item_id === r.item)));
      expect(r.held).toBe(r.issued - r.returned - r.lost);
    }
    expect(recon.byDepot.find((r) => r.depot === 'D-NORTH' && r.item === 'cap')!.lost).toBe(2);
    for (const item of recon.byItem)
      for (const k of ['issued', 'returned', 'lost', 'held'] as const)
        expect(
          recon.byDepot.filter((d) => d.item === item.item).reduce((s, d) => s + d[k], 0),
          k,
        ).toBe(item[k]);
  });

  it('drills issued and returned units down to the ledger movements, and held/owed units to people', async () => {
    const moves = await countedMovements();
    // Three items in full (paging included); the others are the same queries.
    for (const item of recon.byItem.filter((r) => ['shirt', 'boots', 'cap'].includes(r.item))) {
      const issued = await drillAll(`figure=issuedUnits&item=${item.item}`);
      expect(issued.kind).toBe('movements');
      expect(issued.rows.reduce((s, r) => s + r.qty, 0)).toBe(item.issued);
      expect(issued.rows.map((r) => r.id).sort()).toEqual(
        moves
          .filter((m) => m.item_id === item.item && m.type === 'issue')
          .map((m) => Number(m.id))
          .sort(),
      );
      const owed = await drillAll(`figure=outstanding&item=${item.item}`);
      expect(owed.rows.reduce((s, r) => s + r.qty, 0)).toBe(item.outstanding);
      expect(owed.sum).toBe(item.outstanding);
      const held = await drillAll(`figure=held&item=${item.item}`);
      expect(held.sum).toBe(item.held);
    }
    const returned = await drillAll('figure=returnedUnits');
    expect(returned.sum).toBe(recon.totals.returned);
    const kitted = await drillAll('figure=fullyKitted');
    expect(kitted.rows.map((r) => r.person).sort()).toEqual(fullyKitted(await heldByPerson()));
    const entitled = await drillAll('figure=entitled');
    expect(entitled.sum).toBe(recon.totals.entitled);
    expect(entitled.total).toBe(40);
    for (const d of recon.byDepot.slice(0, 3)) {
      const rows = await drillAll(`figure=issuedUnits&item=${d.item}&depot=${d.depot}`);
      expect(rows.sum).toBe(d.issued);
    }
  });

  it('drills lost units down to the kit events behind them, per item and per depot', async () => {
    const losses = await countedLosses();
    const all = await drillAll('figure=lostUnits');
    expect(all.kind).toBe('kitEvents');
    expect(all.sum).toBe(recon.totals.lost);
    expect(sumQty(all.rows)).toBe(recon.totals.lost);
    expect(all.total).toBe(losses.length);
    expect(all.rows.map((r) => r.id).sort()).toEqual(losses.map((l) => l.id).sort());
    for (const item of recon.byItem) {
      const d = await drillAll(`figure=lostUnits&item=${item.item}`);
      expect(d.sum, item.item).toBe(item.lost);
      expect(sumQty(d.rows)).toBe(item.lost);
    }
    for (const r of recon.byDepot.filter((x) => x.lost > 0)) {
      const d = await drillAll(`figure=lostUnits&item=${r.item}&depot=${r.depot}`);
      expect(d.sum).toBe(r.lost);
    }
    const caps = await drillAll(
      `figure=lostUnits&item=cap&size=${losses.find((l) => l.item_id === 'cap')!.size}`,
    );
    expect(caps.sum).toBe(2);
    expect(new Set(caps.rows.map((r) => r.person))).toEqual(new Set([peopleIds[12], peopleIds[13]]));
    const none = await drillAll('figure=lostUnits&item=shirt');
    expect([none.total, none.sum, none.rows.length]).toEqual([0, 0, 0]);
  });

  it('lists people with what they lost and are owed, and filters to those still owed', async () => {
    const held = await heldByPerson();
    const losses = await countedLosses();
    const all = await get<{
      total: number;
      rows: {
        person: string;
        lost: number;
        held: number;
        outstanding: number;
        entitled: number;
        items: Record<string, number>;
      }[];
    }>(`/api/reports/intakes/${INTAKE}/reconciliation/people?limit=100`);
    expect(all.body.total).toBe(40);
    expect(all.body.rows.map((r) => r.person)).toEqual([...peopleIds].sort());
    for (const r of all.body.rows) {
      const per = held.get(r.person);
      // What they hold of each entitled item, 0 for what they hold none of.
      expect(r.items).toEqual(Object.fromEntries(Object.keys(ENTITLED).map((i) => [i, per?.get(i) ?? 0])));
      expect(r.held).toBe([...(per?.values() ?? [])].reduce((s, q) => s + q, 0));
      expect(r.lost).toBe(sumQty(losses.filter((l) => l.person_id === r.person)));
      expect(r.entitled).toBe(Object.values(ENTITLED).reduce((s, q) => s + q, 0));
      expect(r.outstanding).toBe(
        Object.entries(ENTITLED).reduce((s, [i, q]) => s + Math.max(0, q - (per?.get(i) ?? 0)), 0),
      );
    }
    expect(all.body.rows.find((r) => r.person === peopleIds[4])).toMatchObject({ lost: 1, outstanding: 1 });
    const owed = await get<{ total: number }>(
      `/api/reports/intakes/${INTAKE}/reconciliation/people?only=outstanding`,
    );
    expect(owed.body.total).toBe(40 - fullyKitted(held).length);
    // A page further on is the same rows as the whole list there.
    const page = await get<{ total: number; rows: { person: string }[] }>(
      `/api/reports/intakes/${INTAKE}/reconciliation/people?limit=5&offset=10`,
    );
    expect(page.body.total).toBe(40);
    expect(page.body.rows.map((r) => r.person)).toEqual(all.body.rows.slice(10, 15).map((r) => r.person));
  });
});

describe('stock dashboard', () => {
  it('sums the balances per item and size, and lists each depot’s rows as stored', async () => {
    const res = await get<{
      openIntakes: string[];
      depots: {
        depot: string;
        item: string;
        size: string;
        onHand: number;
        reserved: number;
        inTransit: number;
      }[];
      sizes: {
        item: string;
        size: string;
        onHand: number;
        reserved: number;
        available: number;
        demand: number;
        issued: number;
        toIssue: number;
        shortfall: number;
        cover: number | null;
      }[];
      runOutFirst: { item: string; size: string; cover: number }[];
    }>('/api/reports/stock', store);
    expect(res.status).toBe(200);
    expect(res.body.openIntakes).toEqual([INTAKE]);
    const balances = await server.db.db.selectFrom('balances').selectAll().execute();
    expect(res.body.depots.length).toBe(balances.length);
    for (const b of balances) {
      const d = res.body.depots.find(
        (x) => x.depot === b.depot_id && x.item === b.item_id && x.size === b.size,
      )!;
      expect([d.onHand, d.reserved, d.inTransit]).toEqual([b.on_hand, b.reserved, b.in_transit]);
    }
    const moves = await countedMovements();
    for (const s of res.body.sizes) {
      const mine = balances.filter((b) => b.item_id === s.item && b.size === s.size);
      expect(s.onHand).toBe(mine.reduce((a, b) => a + b.on_hand, 0));
      expect(s.available).toBe(mine.reduce((a, b) => a + b.on_hand - b.reserved, 0));
      const issued = moves
        .filter((m) => m.item_id === s.item && m.size === s.size)
        .reduce((a, m) => a + (m.type === 'issue' ? m.qty : -m.qty), 0);
      expect(s.issued).toBe(issued);
      expect(s.toIssue).toBe(Math.max(0, s.demand - s.issued));
    }
    // Demand per item is every person's entitlement: resolved people in their size, the others by the tariff.
    for (const [item, qty] of Object.entries(ENTITLED))
      expect(res.body.sizes.filter((s) => s.item === item).reduce((a, s) => a + s.demand, 0)).toBe(40 * qty);
    const covers = res.body.runOutFirst.map((r) => r.cover);
    expect(covers).toEqual([...covers].sort((a, b) => a - b));
  });
});

describe('size distribution', () => {
  it('histograms the measurements given and the sizes resolved, against the tariff', async () => {
    const res = await get<{
      answered: number;
      resolved: number;
      measurements: {
        dimension: string;
        field: string;
        width: number;
        n: number;
        bins: { from: number; count: number }[];
      }[];
      sizes: { size: string; resolved: number; tariffShare: number }[];
    }>(`/api/reports/intakes/${INTAKE}/sizes?item=jacket`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.answered).toBe(30);
    const chest = res.body.measurements.find((m) => m.dimension === 'chest')!;
    // Latest answers per person (person 3 answered twice), counted here.
    const latest = new Map<string, Record<string, string>>();
    const subs = await server.db.db
      .selectFrom('submissions')
      .select(['person_id', 'answers', 'seq'])
      .where('intake_id', '=', INTAKE)
      .orderBy('seq')
      .execute();
    for (const s of subs) latest.set(s.person_id, s.answers as Record<string, string>);
    const want = new Map<number, number>();
    for (const a of latest.values()) {
      const bin = Math.floor(Number(a.chest) / chest.width) * chest.width;
      want.set(bin, (want.get(bin) ?? 0) + 1);
    }
    expect(new Map(chest.bins.map((b) => [b.from, b.count]))).toEqual(want);
    expect(chest.n).toBe(30);
    expect(res.body.measurements.map((m) => m.dimension).sort()).toEqual(
      expect.arrayContaining(['chest', 'height']),
    );
    expect(res.body.sizes.reduce((s, x) => s + x.resolved, 0)).toBe(res.body.resolved);
    // Resolved jackets agree with the run's preferred sizes (the same answers, the same resolution).
    const run = await server.db.db
      .selectFrom('allocations')
      .select('preferred')
      .where('run_id', '=', runId)
      .where('item_id', '=', 'jacket')
      .execute();
    const fromRun = new Map<string, number>();
    for (const r of run) fromRun.set(r.preferred, (fromRun.get(r.preferred) ?? 0) + 1);
    expect(new Map(res.body.sizes.filter((s) => s.resolved).map((s) => [s.size, s.resolved]))).toEqual(
      fromRun,
    );
    expect(res.body.sizes.reduce((s, x) => s + x.tariffShare, 0)).toBeCloseTo(1, 3);
    expect((await get(`/api/reports/intakes/${INTAKE}/sizes?item=nothing`)).status).toBe(404);
  });
});

describe('exports and the printed summary', () => {
  it('exports every table as CSV with the same figures, and as XLSX', async () => {
    const dash = (await get<Dashboard>(`/api/reports/intakes/${INTAKE}/dashboard`)).body;
    const csv = await get<string>(`/api/reports/export?table=funnel&intake=${INTAKE}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('step,people');
    expect(lines).toContain(`fullyKitted,${dash.funnel.fullyKitted}`);
    const tables = [
      'funnel',
      'series',
      'shortages',
      'stations',
      'stock-depots',
      'stock-sizes',
      'sizes',
      'measurements',
      'reconciliation-items',
      'reconciliation-depots',
      'reconciliation-people',
    ];
    for (const table of tables) {
      const res = await server.app.request(
        `/api/reports/export?table=${table}&intake=${INTAKE}&item=jacket&format=xlsx`,
        { headers: { cookie: planner } },
      );
      expect(res.status, table).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
    }
    const drill = await get<string>(`/api/reports/export?table=drill&intake=${INTAKE}&figure=issuedUnits`);
    expect(String(drill.body).trim().split('\n').length - 1).toBe(
      (await countedMovements()).filter((m) => m.type === 'issue').length,
    );
    // Losses: a column beside issued and returned, and the kit events behind the figure.
    const csvRows = async (query: string) =>
      String((await get<string>(`/api/reports/export?${query}`)).body)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n')
        .map((l) => l.split(','));
    const recon = (
      await get<{ byItem: { item: string; lost: number; held: number }[] }>(
        `/api/reports/intakes/${INTAKE}/reconciliation`,
      )
    ).body;
    const [head, ...items] = await csvRows(`table=reconciliation-items&intake=${INTAKE}`);
    expect(head!.slice(3, 7)).toEqual(['issued', 'returned', 'lost', 'held']);
    for (const r of recon.byItem) {
      const line = items.find((l) => l[0] === r.item)!;
      expect([Number(line[head!.indexOf('lost')]), Number(line[head!.indexOf('held')])]).toEqual([
        r.lost,
        r.held,
      ]);
    }
    const [depotHead, ...depots] = await csvRows(`table=reconciliation-depots&intake=${INTAKE}`);
    expect(depotHead).toContain('lost');
    expect(depots.reduce((s, l) => s + Number(l[depotHead!.indexOf('lost')]), 0)).toBe(3);
    const [peopleHead, ...people] = await csvRows(`table=reconciliation-people&intake=${INTAKE}`);
    expect(people.reduce((s, l) => s + Number(l[peopleHead!.indexOf('lost')]), 0)).toBe(3);
    const [lostHead, ...lost] = await csvRows(`table=drill&intake=${INTAKE}&figure=lostUnits`);
    expect(lostHead).toEqual([
      'kit_event',
      'at',
      'kind',
      'station',
      'depot',
      'item',
      'size',
      'qty',
      'person',
    ]);
    expect(lost.map((l) => Number(l[0])).sort()).toEqual((await countedLosses()).map((l) => l.id).sort());
    expect(lost.every((l) => l[2] === 'loss')).toBe(true);
    const missing = await get<{ issues: { field: string }[] }>(`/api/reports/export?table=funnel`);
    expect(missing.status).toBe(400);
    expect(missing.body.issues[0]!.field).toBe('intake');
  });

  it('prints a PDF summary in the reader’s language', async () => {
    for (const lang of ['ko', 'ru']) {
      const res = await server.app.request(`/api/reports/intakes/${INTAKE}/summary.pdf?lang=${lang}`, {
        headers: { cookie: planner },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // Rendered by poppler (as a reader's viewer would): one A4 page with ink on it.
      const dir = mkdtempSync(join(tmpdir(), 'kitout-summary-'));
      writeFileSync(join(dir, 'summary.pdf'), bytes);
      execFileSync('pdftoppm', [
        '-r',
        '80',
        '-png',
        '-singlefile',
        join(dir, 'summary.pdf'),
        join(dir, 'page'),
      ]);
      const png = join(dir, 'page.png');
      const { width, height } = await sharp(png).metadata();
      expect(Math.round(((height ?? 0) / (width ?? 1)) * 100)).toBe(141);
      const stats = await sharp(png).stats();
      expect(stats.channels[0]!.min).toBeLessThan(80);
      // Kept for people to look at; docs/screenshots only when asked, as the browser tests do.
      const shots =
        process.env.KITOUT_DOC_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
      mkdirSync(shots, { recursive: true });
      copyFileSync(png, `${shots}/reports-summary-${lang}.png`);
      rmSync(dir, { recursive: true });
    }
  });

  it('is open to admin, planner and storekeeper only', async () => {
    const issuer = await signInCookie(server.app, 'issuer');
    expect((await get(`/api/reports/stock`, issuer)).status).toBe(403);
    expect((await get(`/api/reports/stock`, enumerator)).status).toBe(403);
    expect((await server.app.request('/api/reports/stock')).status).toBe(401);
  });
});

// Last: these change the database the figures above were checked against.
describe('losses that are not this intake’s', () => {
  /** The intake's kit figures (stock figures aside: the other intake's issue takes stock). */
  const totals = async () => {
    const recon = await get<{
      totals: { issued: number; returned: number; lost: number; held: number; outstanding: number };
    }>(`/api/reports/intakes/${INTAKE}/reconciliation`);
    const { issued, returned, lost, held, outstanding } = recon.body.totals;
    const dash = await get<Dashboard>(`/api/reports/intakes/${INTAKE}/dashboard`);
    const drill = await drillAll('figure=lostUnits');
    return {
      issued,
      returned,
      lost,
      held,
      outstanding,
      units: dash.body.units,
      fullyKitted: dash.body.funnel.fullyKitted,
      drill,
    };
  };

  it('leaves out a loss by a person of another intake', async () => {
    const before = await totals();
    expect(
      (
        await request(planner, 'POST', '/api/intakes', {
          id: 'W-2027-01',
          name: 'January',
          siteId: 'NORTH',
          startDate: '2027-01-10',
        })
      ).status,
    ).toBe(201);
    const form = new FormData();
    form.append('file', new Blob(['id,name,name_latin,site\nJ-0001,김철수,Kim Cheolsu,NORTH\n']), 'jan.csv');
    const roster = await server.app.request('/api/intakes/W-2027-01/roster', {
      method: 'POST',
      headers: { cookie: planner, 'idempotency-key': 'reports-other-roster' },
      body: form,
    });
    expect(roster.status, await roster.text()).toBe(200);
    const cap = (
      await server.db.db
        .selectFrom('item_variants')
        .select('label')
        .where('item_id', '=', 'cap')
        .orderBy('sort')
        .executeTakeFirstOrThrow()
    ).label;
    const base = { personId: 'J-0001', item: 'cap', size: cap };
    await atStation('N-4', [
      { id: 'reports-other-issue-1', kind: 'issue', ...base },
      { id: 'reports-other-loss-1', kind: 'loss', ...base },
    ]);
    const kit = await server.db.db
      .selectFrom('kit_events')
      .select('kind')
      .where('person_id', '=', 'J-0001')
      .execute();
    expect(kit.map((k) => k.kind)).toEqual(['issue', 'loss']);
    expect(await totals()).toEqual(before);
    // That intake's one person holds nothing (the cap was lost, nothing else was issued): every unit of every
    // entitlement is still owed, items nobody holds included.
    const other = await get<{
      byItem: { item: string; entitled: number; held: number; outstanding: number }[];
    }>('/api/reports/intakes/W-2027-01/reconciliation');
    expect(other.body.byItem.length).toBeGreaterThan(1);
    for (const row of other.body.byItem)
      expect(row, row.item).toMatchObject({ held: 0, outstanding: row.entitled });
  });

  it('counts no loss on a database from before the kit record (no kit_events table)', async () => {
    const moves = await countedMovements();
    const sum = (t: string) => sumQty(moves.filter((m) => m.type === t));
    await sql`alter table kit_events rename to kit_events_aside`.execute(server.db.db);
    try {
      const now = await totals();
      expect(now.units.lost).toBe(0);
      expect(now.lost).toBe(0);
      expect(now.held).toBe(sum('issue') - sum('return'));
      expect([now.drill.kind, now.drill.total, now.drill.sum]).toEqual(['kitEvents', 0, 0]);
    } finally {
      await sql`alter table kit_events_aside rename to kit_events`.execute(server.db.db);
    }
  });
});
