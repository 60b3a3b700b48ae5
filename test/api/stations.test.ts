import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/adapters/images/image-file.ts';
import { decodeQr } from '../../src/adapters/images/qr-read.ts';
import { slipCode } from '../../src/domain/stations/index.ts';
import { acceptRun, runAllocation } from '../../src/services/allocation-run.ts';
import { SYSTEM_ACTOR } from '../../src/services/context.ts';
import { balancesFromLedger, postMovement } from '../../src/services/ledger.ts';
import { kitLedgerDisagreements } from '../../src/services/station-events.ts';
import { insertMeasuredAnswers } from '../../src/services/submissions-demo.ts';
import { signInCookie, startTestServer, type TestServer } from '../support/server.ts';

const INTAKE = 'W-2026-12';
let server: TestServer;
let issuer: string;
let planner: string;
let form: { id: string; version: string };
let n = 0;
const uid = (tag: string) => `${tag}-${String(++n).padStart(6, '0')}`;

async function call<T>(
  method: string,
  path: string,
  opts: { body?: unknown; key?: string; cookie?: string } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { cookie: opts.cookie ?? issuer };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.key) headers['idempotency-key'] = opts.key;
  const res = await server.app.request(path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: (type.includes('json') ? await res.json() : await res.arrayBuffer()) as T,
  };
}

interface Ticket {
  id: number;
  number: number;
  personId: string;
  status: string;
  stationId: string | null;
}
interface Result {
  id: string;
  status: string;
  code?: string;
  message?: string;
  suggestion?: { size: string; available: number };
}
interface PickList {
  person: { id: string; language: string | null; latinName: string };
  answers: {
    field: string;
    question: Record<string, string>;
    value: string;
    label: Record<string, string>;
  }[];
  lines: {
    item: string;
    itemName: Record<string, string>;
    unit: number;
    allocated: { size: string; depot: string } | null;
    issued: { size: string } | null;
    bin: string | null;
    available: number;
    alternatives: { size: string; available: number; reason: string }[];
  }[];
}

const send = (station: string, events: Record<string, unknown>[]) =>
  call<{ results: Result[] }>('POST', `/api/stations/${station}/events`, {
    body: { events: events.map((e) => ({ clientTime: new Date().toISOString(), ...e })) },
  });

const balance = (depot: string, item: string, size: string) =>
  server.db.db
    .selectFrom('balances')
    .selectAll()
    .where('depot_id', '=', depot)
    .where('item_id', '=', item)
    .where('size', '=', size)
    .executeTakeFirstOrThrow();

const movementsOfEvent = (id: string) =>
  server.db.db
    .selectFrom('movements')
    .selectAll()
    .where('key', 'like', `station:${id}:%`)
    .orderBy('id')
    .execute();

/** People allocated at the northern depot (the stations'), with their allocations by item. */
let northern: { person: string; item: string; size: string }[];

beforeAll(async () => {
  server = await startTestServer({ people: 300, listen: false });
  await insertMeasuredAnswers(server.db.db, { intake: INTAKE, count: 240, seed: 11, prefix: 'st' });
  const run = await runAllocation(server.ctx, SYSTEM_ACTOR, INTAKE);
  await acceptRun(server.ctx, SYSTEM_ACTOR, run.id, 'stations-test-accept');
  issuer = await signInCookie(server.app, 'issuer');
  planner = await signInCookie(server.app, 'planner');
  form = await server.db.db
    .selectFrom('forms')
    .select(['id', 'version'])
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  northern = (
    await server.db.db
      .selectFrom('allocations')
      .select(['person_id', 'item_id', 'issued'])
      .where('run_id', '=', run.id)
      .where('depot_id', '=', 'D-NORTH')
      .where('issued', 'is not', null)
      .orderBy('person_id')
      .execute()
  ).map((a) => ({ person: a.person_id, item: a.item_id, size: a.issued! }));
});
afterAll(() => server.close());

describe('stations and the queue', () => {
  it('lists the four demo stations at the northern depot', async () => {
    const res = await call<{ stations: { id: string; depotId: string; language: string }[] }>(
      'GET',
      '/api/stations',
    );
    expect(res.status).toBe(200);
    expect(res.body.stations.map((s) => s.id)).toEqual(['N-1', 'N-2', 'N-3', 'N-4']);
    expect(res.body.stations.every((s) => s.depotId === 'D-NORTH' && s.language === 'ru')).toBe(true);
  });

  it('checks in by slip QR and by typed id, idempotently, with one open ticket per person', async () => {
    const qr = slipCode(form.id, form.version, 'P-000250');
    const first = await call<{ ticket: Ticket }>('POST', '/api/queue/check-in', {
      body: { intakeId: INTAKE, qr },
      key: 'check-in-0001',
    });
    expect(first.status).toBe(200);
    expect(first.body.ticket).toMatchObject({ personId: 'P-000250', status: 'waiting', number: 1 });
    const again = await call<{ ticket: Ticket }>('POST', '/api/queue/check-in', {
      body: { intakeId: INTAKE, qr },
      key: 'check-in-0001',
    });
    expect(again.body.ticket.id).toBe(first.body.ticket.id);
    const typed = await call<{ ticket: Ticket }>('POST', '/api/queue/check-in', {
      body: { intakeId: INTAKE, personId: 'P-000250' },
      key: 'check-in-0002',
    });
    expect(typed.body.ticket.id).toBe(first.body.ticket.id);
    const second = await call<{ ticket: Ticket }>('POST', '/api/queue/check-in', {
      body: { intakeId: INTAKE, personId: 'P-000251' },
      key: 'check-in-0003',
    });
    expect(second.body.ticket.number).toBe(2);
    const tickets = await server.db.db.selectFrom('queue_tickets').selectAll().execute();
    expect(tickets).toHaveLength(2);
  });

  it('refuses a foreign code, an unknown person and a missing Idempotency-Key, naming the field', async () => {
    const bad = await call<{ issues: { field: string; reason: string }[] }>('POST', '/api/queue/check-in', {
      body: { intakeId: INTAKE, qr: 'https://example.com/x' },
      key: 'check-in-0004',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]!.field).toBe('qr');
    const unknown = await call('POST', '/api/queue/check-in', {
      body: { intakeId: INTAKE, personId: 'P-999999' },
      key: 'check-in-0005',
    });
    expect(unknown.status).toBe(404);
    const noKey = await call<{ issues: { field: string }[] }>('POST', '/api/queue/check-in', {
      body: { intakeId: INTAKE, personId: 'P-000252' },
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.issues[0]!.field).toBe('Idempotency-Key');
  });

  it('calls the next person in order, never the same one twice, and a retried call answers the same', async () => {
    const a = await call<{ ticket: Ticket }>('POST', '/api/stations/N-1/call-next', { key: 'call-n1-0001' });
    expect(a.body.ticket).toMatchObject({ personId: 'P-000250', status: 'called', stationId: 'N-1' });
    const retry = await call<{ ticket: Ticket }>('POST', '/api/stations/N-1/call-next', {
      key: 'call-n1-0001',
    });
    expect(retry.body.ticket.id).toBe(a.body.ticket.id);
    const b = await call<{ ticket: Ticket }>('POST', '/api/stations/N-2/call-next', { key: 'call-n2-0001' });
    expect(b.body.ticket.personId).toBe('P-000251');
    const none = await call<{ ticket: Ticket | null }>('POST', '/api/stations/N-3/call-next', {
      key: 'call-n3-0001',
    });
    expect(none.body.ticket).toBeNull();
    // N-1 calls again: P-000250 got nothing, so they are marked as having left.
    await call('POST', '/api/stations/N-1/call-next', { key: 'call-n1-0002' });
    const t = await server.db.db
      .selectFrom('queue_tickets')
      .select('status')
      .where('id', '=', a.body.ticket.id)
      .executeTakeFirstOrThrow();
    expect(t.status).toBe('left');
  });
});

describe('pick list', () => {
  it("shows the person's answers with the question in Russian and the choice in Korean, and items in three languages", async () => {
    const person = northern[0]!.person;
    const res = await call<PickList>('GET', `/api/stations/N-1/pick-list?person=${person}`);
    expect(res.status).toBe(200);
    expect(res.body.person.language).toBe('ko');
    expect(res.body.person.latinName).toMatch(/^[A-Za-z -]+$/);
    const headKnown = res.body.answers.find((a) => a.field === 'head_known')!;
    expect(headKnown.value).toBe('no');
    expect(headKnown.question.ru).toMatch(/[а-я]/i);
    expect(headKnown.label.ko).toMatch(/[가-힣]/);
    const height = res.body.answers.find((a) => a.field === 'height')!;
    expect(Number(height.value)).toBeGreaterThan(140);
    const jacket = res.body.lines.find((l) => l.item === 'jacket')!;
    expect(jacket.itemName).toMatchObject({ ru: 'Куртка', ko: '야전상의', en: 'Jacket' });
    const shirts = res.body.lines.filter((l) => l.item === 'shirt');
    expect(shirts.map((l) => l.unit)).toEqual([1, 2]);
    const line = res.body.lines.find((l) => l.allocated?.depot === 'D-NORTH')!;
    expect(line.bin).toMatch(/^B-\d\d-\d[a-d]$/);
    // Available counts the person's own reservation: at least the one unit allocated to them.
    expect(line.available).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 for an unknown person or station', async () => {
    expect((await call('GET', '/api/stations/N-1/pick-list?person=P-999999')).status).toBe(404);
    expect((await call('GET', '/api/stations/X-9/pick-list?person=P-000001')).status).toBe(404);
  });
});

describe('station events', () => {
  it('issues from the person’s reservation: on hand and reserved both go down by one', async () => {
    const a = northern[0]!;
    const before = await balance('D-NORTH', a.item, a.size);
    const id = uid('issue');
    const res = await send('N-1', [{ id, kind: 'issue', personId: a.person, item: a.item, size: a.size }]);
    expect(res.body.results).toEqual([{ id, status: 'applied' }]);
    const after = await balance('D-NORTH', a.item, a.size);
    expect(after.on_hand).toBe(before.on_hand - 1);
    expect(after.reserved).toBe(before.reserved - 1);
    const [m] = await movementsOfEvent(id);
    expect(m).toMatchObject({ type: 'issue', person_id: a.person, key: `station:${id}:0` });
    const kit = await call<{ holdings: { item: string; size: string; qty: number }[] }>(
      'GET',
      `/api/people/${a.person}/kit`,
    );
    expect(kit.body.holdings).toContainEqual({ item: a.item, size: a.size, qty: 1 });
    const pick = await call<PickList>('GET', `/api/stations/N-1/pick-list?person=${a.person}`);
    expect(pick.body.lines.find((l) => l.item === a.item && l.unit === 1)!.issued).toEqual({ size: a.size });
  });

  it('exchanges a size in one transaction: a return (A) and an issue, one kit event naming both movements', async () => {
    const boots = northern.find((x) => x.item === 'boots')!;
    const issueId = uid('issue');
    await send('N-1', [
      { id: issueId, kind: 'issue', personId: boots.person, item: 'boots', size: boots.size },
    ]);
    // A delivery of the next size up, so the try-on has somewhere to go.
    const up = String(Number(boots.size) + 5);
    await postMovement(server.ctx, SYSTEM_ACTOR, {
      key: 'boots-delivery',
      type: 'receipt',
      depot: 'D-NORTH',
      item: 'boots',
      size: up,
      qty: 3,
    });
    const pick = await call<PickList>('GET', `/api/stations/N-1/pick-list?person=${boots.person}`);
    const other = pick.body.lines.find((l) => l.item === 'boots')!.alternatives[0]!;
    expect(other).toMatchObject({ size: up, reason: 'up:1' });
    const before = await balance('D-NORTH', 'boots', boots.size);
    const id = uid('exchange');
    const res = await send('N-1', [
      { id, kind: 'exchange', personId: boots.person, item: 'boots', size: boots.size, toSize: other.size },
    ]);
    expect(res.body.results[0]!.status).toBe('applied');
    const ms = await movementsOfEvent(id);
    expect(ms.map((m) => [m.type, m.size, m.condition])).toEqual([
      ['return', boots.size, 'A'],
      ['issue', other.size, null],
    ]);
    expect((await balance('D-NORTH', 'boots', boots.size)).on_hand).toBe(before.on_hand + 1);
    const ke = await server.db.db
      .selectFrom('kit_events')
      .selectAll()
      .where('event_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(ke).toMatchObject({ kind: 'exchange', size: other.size, from_size: boots.size });
    expect(ke.movement_ids.map(Number).sort()).toEqual(ms.map((m) => Number(m.id)).sort());
    const kit = await call<{ holdings: { item: string; size: string; qty: number }[] }>(
      'GET',
      `/api/people/${boots.person}/kit`,
    );
    expect(kit.body.holdings.filter((h) => h.item === 'boots')).toEqual([
      { item: 'boots', size: other.size, qty: 1 },
    ]);
  });

  it('puts a return in condition F aside as unserviceable, and records a loss without moving stock', async () => {
    const cap = northern.find((x) => x.item === 'cap' && x.person !== northern[0]!.person)!;
    await send('N-2', [
      { id: uid('issue'), kind: 'issue', personId: cap.person, item: 'cap', size: cap.size },
    ]);
    const before = await balance('D-NORTH', 'cap', cap.size);
    const ret = uid('return');
    const res = await send('N-2', [
      { id: ret, kind: 'return', personId: cap.person, item: 'cap', size: cap.size, condition: 'F' },
    ]);
    expect(res.body.results[0]!.status).toBe('applied');
    const after = await balance('D-NORTH', 'cap', cap.size);
    expect(after.unserviceable).toBe(before.unserviceable + 1);
    expect(after.on_hand).toBe(before.on_hand);
    // Returning it again is refused: they hold none now.
    const twice = await send('N-2', [
      {
        id: uid('return'),
        kind: 'return',
        personId: cap.person,
        item: 'cap',
        size: cap.size,
        condition: 'B',
      },
    ]);
    expect(twice.body.results[0]).toMatchObject({ status: 'refused', code: 'not_issued' });

    const belt = northern.find((x) => x.item === 'belt')!;
    await send('N-2', [
      { id: uid('issue'), kind: 'issue', personId: belt.person, item: 'belt', size: belt.size },
    ]);
    const moves = await server.db.db.selectFrom('movements').select('id').execute();
    const loss = uid('loss');
    const lost = await send('N-2', [
      { id: loss, kind: 'loss', personId: belt.person, item: 'belt', size: belt.size },
    ]);
    expect(lost.body.results[0]!.status).toBe('applied');
    expect(await server.db.db.selectFrom('movements').select('id').execute()).toHaveLength(moves.length);
    const kit = await call<{ holdings: { item: string }[]; events: { kind: string; actorName: string }[] }>(
      'GET',
      `/api/people/${belt.person}/kit`,
    );
    expect(kit.body.holdings.some((h) => h.item === 'belt')).toBe(false);
    expect(kit.body.events.map((e) => e.kind)).toContain('loss');
    expect(kit.body.events.at(-1)!.actorName).toBe('Выдающий');
  });

  it('answers a replay with duplicate and the first outcome, and refuses an id reused for another event', async () => {
    const a = northern.find((x) => x.item === 'trousers')!;
    const id = uid('issue');
    const event = {
      id,
      kind: 'issue',
      personId: a.person,
      item: 'trousers',
      size: a.size,
      clientTime: '2026-12-01T08:00:00Z',
    };
    const first = await send('N-3', [event]);
    expect(first.body.results[0]!.status).toBe('applied');
    const count = async () => (await server.db.db.selectFrom('movements').select('id').execute()).length;
    const movements = await count();
    const replay = await send('N-3', [event, event]);
    expect(replay.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await count()).toBe(movements);
    const reused = await send('N-3', [{ ...event, size: a.size === '44-2' ? '44-3' : '44-2' }]);
    expect(reused.body.results[0]).toMatchObject({ status: 'refused', code: 'id_reused' });
    expect(await count()).toBe(movements);
  });

  it('settles two stations racing for the last unit: one applied, the other refused with a next best size, nothing half-written', async () => {
    // Leave exactly one free jacket 50-4 at the depot (a count states what is on the shelf).
    const b = await balance('D-NORTH', 'jacket', '50-4');
    await postMovement(server.ctx, SYSTEM_ACTOR, {
      key: 'race-count',
      type: 'count',
      depot: 'D-NORTH',
      item: 'jacket',
      size: '50-4',
      qty: b.reserved + 1,
      reason: 'race test',
    });
    await postMovement(server.ctx, SYSTEM_ACTOR, {
      key: 'race-delivery',
      type: 'receipt',
      depot: 'D-NORTH',
      item: 'jacket',
      size: '52-4',
      qty: 2,
    });
    // Two people with no jacket reservation of that size.
    const people = ['P-000290', 'P-000291'];
    const ids = [uid('race'), uid('race')];
    const events = people.map((p, i) => ({
      id: ids[i],
      kind: 'issue',
      personId: p,
      item: 'jacket',
      size: '50-4',
      clientTime: '2026-12-01T09:30:00Z',
    }));
    const [r1, r2] = await Promise.all(events.map((e, i) => send(i === 0 ? 'N-1' : 'N-2', [e])));
    const results = [r1!.body.results[0]!, r2!.body.results[0]!];
    expect(results.map((r) => r.status).sort()).toEqual(['applied', 'refused']);
    const refused = results.find((r) => r.status === 'refused')!;
    expect(refused.code).toBe('out_of_stock');
    expect(refused.suggestion).toBeDefined();
    expect(['52-4', '50-5', '52-5']).toContain(refused.suggestion!.size);
    expect(refused.suggestion!.available).toBeGreaterThan(0);
    expect(await movementsOfEvent(refused.id)).toEqual([]);
    expect(
      await server.db.db.selectFrom('kit_events').select('id').where('event_id', '=', refused.id).execute(),
    ).toEqual([]);
    const stored = await server.db.db
      .selectFrom('station_events')
      .select('outcome')
      .where('id', '=', refused.id)
      .executeTakeFirstOrThrow();
    expect(stored.outcome).toMatchObject({ status: 'refused', code: 'out_of_stock' });
    const after = await balance('D-NORTH', 'jacket', '50-4');
    expect(after.on_hand - after.reserved).toBe(0);
    // The replay of the refused event stays refused, even though it is now a duplicate.
    const replay = await send('N-2', [events[results.indexOf(refused)]!]);
    expect(replay.body.results[0]).toMatchObject({ status: 'duplicate', code: 'out_of_stock' });
  });

  it('refuses an exchange whose new size is out, without writing its return', async () => {
    const jacketHolder = 'P-000290';
    const held = await server.db.db
      .selectFrom('kit_events')
      .select(['person_id'])
      .where('item_id', '=', 'jacket')
      .where('size', '=', '50-4')
      .executeTakeFirstOrThrow();
    const id = uid('exchange');
    const res = await send('N-1', [
      {
        id,
        kind: 'exchange',
        personId: held.person_id ?? jacketHolder,
        item: 'jacket',
        size: '50-4',
        toSize: '50-4x',
      },
    ]);
    expect(res.body.results[0]).toMatchObject({ status: 'refused', code: 'not_found' });
    // 50-4 itself has none free: exchanging some other jacket into it is out of stock, and its return is not kept.
    const other = northern.find((x) => x.item === 'jacket' && x.size !== '50-4')!;
    await send('N-1', [
      { id: uid('issue'), kind: 'issue', personId: other.person, item: 'jacket', size: other.size },
    ]);
    const before = await balance('D-NORTH', 'jacket', other.size);
    const ex = uid('exchange');
    const out = await send('N-1', [
      { id: ex, kind: 'exchange', personId: other.person, item: 'jacket', size: other.size, toSize: '50-4' },
    ]);
    expect(out.body.results[0]).toMatchObject({ status: 'refused', code: 'out_of_stock' });
    expect(await movementsOfEvent(ex)).toEqual([]);
    expect(await balance('D-NORTH', 'jacket', other.size)).toEqual(before);
  });

  it('refuses a malformed batch as a whole with the field named', async () => {
    const res = await call<{ issues: { field: string }[] }>('POST', '/api/stations/N-1/events', {
      body: { events: [{ id: 'bad', kind: 'issue' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i) => i.field)).toContain('events.0.id');
  });

  it('keeps the ledger and the kit records in agreement', async () => {
    const rebuilt = await balancesFromLedger(server.ctx);
    const table = await server.db.db.selectFrom('balances').selectAll().execute();
    for (const r of rebuilt) {
      const t = table.find((b) => b.depot_id === r.depot && b.item_id === r.item && b.size === r.size)!;
      expect([t.on_hand, t.reserved, t.unserviceable]).toEqual([r.on_hand, r.reserved, r.unserviceable]);
    }
    expect(await kitLedgerDisagreements(server.ctx)).toEqual([]);
  });
});

describe('board, throughput and person', () => {
  it('shows the called people per station, the waiting and served figures', async () => {
    await call('POST', '/api/queue/check-in', {
      body: { intakeId: INTAKE, personId: 'P-000260' },
      key: 'check-in-0100',
    });
    const called = await call<{ ticket: Ticket }>('POST', '/api/stations/N-4/call-next', {
      key: 'call-n4-0001',
      body: { intakeId: INTAKE },
    });
    expect(called.body.ticket.personId).toBe('P-000260');
    await send('N-4', [{ id: uid('issue'), kind: 'issue', personId: 'P-000260', item: 'gloves', size: '9' }]);
    const served = await call<{ ticket: Ticket }>(
      'POST',
      `/api/queue/tickets/${called.body.ticket.id}/served`,
    );
    expect(served.body.ticket.status).toBe('served');
    const board = await call<{
      stations: { id: string; current: { personId: string } | null; servedLastHour: number }[];
      waiting: number;
      perStationPerHour: number | null;
      servedToday: number;
    }>('GET', `/api/queue/board?intakeId=${INTAKE}`);
    expect(board.status).toBe(200);
    expect(board.body.stations.find((s) => s.id === 'N-2')!.current!.personId).toBe('P-000251');
    expect(board.body.stations.find((s) => s.id === 'N-4')!.servedLastHour).toBe(1);
    expect(board.body.servedToday).toBe(1);
    expect(board.body.perStationPerHour).toBe(1);
    // "Served today" counts from midnight where the board hangs; an unknown zone is refused by name.
    const seoul = await call<{ servedToday: number }>(
      'GET',
      `/api/queue/board?intakeId=${INTAKE}&tz=Asia/Seoul`,
    );
    expect(seoul.body.servedToday).toBe(1);
    const mars = await call<{ issues: { field: string }[] }>(
      'GET',
      `/api/queue/board?intakeId=${INTAKE}&tz=Mars/Olympus`,
    );
    expect(mars.status).toBe(400);
    expect(mars.body.issues[0]!.field).toBe('tz');
    const tp = await call<{ issued: number; entitled: number; stations: { id: string; served: number }[] }>(
      'GET',
      `/api/queue/throughput?intakeId=${INTAKE}`,
    );
    expect(tp.body.entitled).toBeGreaterThanOrEqual(300 * 9);
    expect(tp.body.issued).toBeGreaterThanOrEqual(5);
    expect(tp.body.stations.find((s) => s.id === 'N-4')!.served).toBe(1);
  });

  it('lets the office set a person’s language, audited', async () => {
    const res = await call<{ person: { language: string } }>('PATCH', '/api/people/P-000001', {
      body: { language: 'ru' },
      cookie: planner,
    });
    expect(res.status).toBe(200);
    expect(res.body.person.language).toBe('ru');
    const bad = await call('PATCH', '/api/people/P-000001', {
      body: { language: 'Klingon!' },
      cookie: planner,
    });
    expect(bad.status).toBe(400);
    const audit = await server.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.language_set')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('prints a receipt in Korean and a slip whose QR checks the person in', async () => {
    const person = northern[0]!.person;
    const receipt = await call<ArrayBuffer>('GET', `/api/people/${person}/receipt.pdf?lang=ko`);
    expect(receipt.status).toBe(200);
    expect(Buffer.from(receipt.body).subarray(0, 5).toString()).toBe('%PDF-');
    const slip = await call<ArrayBuffer>('GET', `/api/people/${person}/slip.pdf`);
    expect(slip.status).toBe(200);
    const dir = await mkdtemp(join(tmpdir(), 'kitout-slip-'));
    try {
      await writeFile(join(dir, 'slip.pdf'), Buffer.from(slip.body));
      await promisify(execFile)('pdftoppm', [
        '-r',
        '150',
        '-png',
        '-singlefile',
        join(dir, 'slip.pdf'),
        join(dir, 'slip'),
      ]);
      const [img] = await decodeImage(await readFile(join(dir, 'slip.png')));
      const qr = decodeQr(img!);
      expect(qr?.text).toBe(slipCode(form.id, form.version, person));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
