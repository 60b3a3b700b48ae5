import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../db/repositories/audit.ts';
import { onceForKey } from '../db/repositories/idempotency.ts';
import type { Database } from '../db/schema.ts';
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import {
  etaMinutes,
  parseCheckInCode,
  perStationPerHour,
  quantile,
  stationRates,
  type TicketTimes,
  waits,
} from '../domain/stations/index.ts';
import { checkedTimeZone, startOfDayIn } from '../domain/time-zone.ts';
import type { Actor, ServiceContext } from './context.ts';
import { personName } from './person-name.ts';
import { entitlementsByRole } from './planning.ts';

type Trx = Transaction<Database>;

export interface Ticket {
  id: number;
  number: number;
  intakeId: string;
  personId: string;
  name: string;
  latinName: string;
  status: 'waiting' | 'called' | 'served' | 'left';
  checkedInAt: string;
  calledAt: string | null;
  servedAt: string | null;
  stationId: string | null;
}

/** The Latin spelling of a person's name: the roster's own, else the usual romanisation, else as written. */
export function latinNameOf(p: { name: string; name_latin: string | null; name_cyrillic?: string | null }) {
  return p.name_latin ?? personName(p, 'en').viewer ?? p.name;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

async function ticketById(db: ServiceContext['db'] | Trx, id: number): Promise<Ticket | undefined> {
  const row = await db
    .selectFrom('queue_tickets as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select([
      't.id',
      't.number',
      't.intake_id',
      't.person_id',
      't.status',
      't.checked_in_at',
      't.called_at',
      't.served_at',
      't.station_id',
      'p.name',
      'p.name_latin',
      'p.name_cyrillic',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: Number(row.id),
    number: row.number,
    intakeId: row.intake_id,
    personId: row.person_id,
    name: row.name,
    latinName: latinNameOf(row),
    status: row.status,
    checkedInAt: iso(row.checked_in_at)!,
    calledAt: iso(row.called_at),
    servedAt: iso(row.served_at),
    stationId: row.station_id,
  };
}

/**
 * Checks a person into an intake's queue, by a scanned code (slip or form page) or a typed id. A person who
 * already has an open ticket (waiting or called) gets that one back; the same key twice gives the same ticket.
 */
export async function checkIn(
  ctx: ServiceContext,
  actor: Actor,
  input: { intakeId: string; personId?: string; qr?: string; key: string },
): Promise<Ticket> {
  const code = input.qr ?? input.personId;
  if (!code) throw new InputError([{ field: 'personId', reason: 'give a person id or a scanned code' }]);
  const parsed = parseCheckInCode(code);
  if (!parsed.ok) throw new InputError([{ field: input.qr ? 'qr' : 'personId', reason: parsed.reason }]);
  const person = await ctx.db
    .selectFrom('people')
    .select(['id', 'intake_id'])
    .where('id', '=', parsed.personId)
    .executeTakeFirst();
  if (!person) throw new NotFoundError('person', parsed.personId);
  if (person.intake_id !== input.intakeId)
    throw new InputError([
      {
        field: input.qr ? 'qr' : 'personId',
        reason: `${person.id} belongs to intake ${person.intake_id}, not ${input.intakeId}`,
      },
    ]);
  const id = await ctx.db.transaction().execute(async (trx) => {
    // Numbers are handed out in order per intake: check-ins of one intake take turns.
    await sql`select pg_advisory_xact_lock(hashtext(${`kitout.queue:${input.intakeId}`}))`.execute(trx);
    const byKey = await trx
      .selectFrom('queue_tickets')
      .select(['id', 'person_id'])
      .where('key', '=', input.key)
      .executeTakeFirst();
    if (byKey) {
      if (byKey.person_id !== person.id)
        throw new ConflictError(`idempotency key "${input.key}" was already used to check in someone else`);
      return Number(byKey.id);
    }
    const open = await trx
      .selectFrom('queue_tickets')
      .select('id')
      .where('intake_id', '=', input.intakeId)
      .where('person_id', '=', person.id)
      .where('status', 'in', ['waiting', 'called'])
      .executeTakeFirst();
    if (open) return Number(open.id);
    const now = ctx.now();
    const row = await sql<{ id: number; number: number }>`
      insert into queue_tickets (intake_id, person_id, number, status, key, checked_in_at)
      select ${input.intakeId}, ${person.id}, coalesce(max(number), 0) + 1, 'waiting', ${input.key}, ${now}
      from queue_tickets where intake_id = ${input.intakeId}
      returning id, number`.execute(trx);
    const ticket = row.rows[0]!;
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      action: 'queue.checked_in',
      entity: 'queue_ticket',
      entityId: String(ticket.id),
      after: { intake: input.intakeId, person: person.id, number: ticket.number },
    });
    return Number(ticket.id);
  });
  return (await ticketById(ctx.db, id))!;
}

/**
 * Calls the next person to a station. The person the station had called before is done: `served` when they got
 * any kit since being called, else `left` (they did not come; checking in again gives them a new number). The
 * next is the earliest waiting ticket (of `intakeId` when given). Two stations never call the same person.
 * Idempotent per key: a retried call answers with the ticket it called the first time.
 */
export async function callNext(
  ctx: ServiceContext,
  actor: Actor,
  stationId: string,
  opts: { key: string; intakeId?: string },
): Promise<Ticket | null> {
  await stationOrThrow(ctx, stationId);
  const out = await onceForKey(
    ctx.db,
    {
      key: opts.key,
      scope: `station.call-next:${stationId}`,
      request: { intake: opts.intakeId ?? null },
      now: ctx.now(),
    },
    async (trx) => {
      const now = ctx.now();
      await finishCalled(trx, actor, stationId, now);
      let next = trx
        .selectFrom('queue_tickets')
        .select(['id', 'number', 'intake_id', 'person_id'])
        .where('status', '=', 'waiting')
        .orderBy('checked_in_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked();
      if (opts.intakeId) next = next.where('intake_id', '=', opts.intakeId);
      const ticket = await next.executeTakeFirst();
      if (!ticket) return { status: 200, body: { id: null as number | null } };
      await trx
        .updateTable('queue_tickets')
        .set({ status: 'called', station_id: stationId, called_at: now })
        .where('id', '=', ticket.id)
        .execute();
      await appendAudit(trx, {
        at: now,
        actorId: actor.userId,
        action: 'queue.called',
        entity: 'queue_ticket',
        entityId: String(ticket.id),
        after: { station: stationId, person: ticket.person_id, number: ticket.number },
      });
      return { status: 200, body: { id: Number(ticket.id) as number | null } };
    },
  );
  return out.body.id === null ? null : ((await ticketById(ctx.db, out.body.id)) ?? null);
}

async function finishCalled(trx: Trx, actor: Actor, stationId: string, now: Date) {
  const called = await trx
    .selectFrom('queue_tickets as t')
    .select([
      't.id',
      't.person_id',
      sql<boolean>`exists (select 1 from kit_events k where k.person_id = t.person_id
        and k.at >= t.called_at)`.as('got'),
    ])
    .where('t.station_id', '=', stationId)
    .where('t.status', '=', 'called')
    .forUpdate()
    .execute();
  for (const t of called) {
    const status = t.got ? 'served' : 'left';
    await trx
      .updateTable('queue_tickets')
      .set({ status, served_at: t.got ? now : null })
      .where('id', '=', t.id)
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      action: `queue.${status}`,
      entity: 'queue_ticket',
      entityId: String(t.id),
      after: { station: stationId, person: t.person_id },
    });
  }
}

/** Marks a ticket served (the person has everything); serving a served ticket again changes nothing. */
export async function markServed(ctx: ServiceContext, actor: Actor, ticketId: number): Promise<Ticket> {
  const ticket = await ticketById(ctx.db, ticketId);
  if (!ticket) throw new NotFoundError('queue ticket', String(ticketId));
  if (ticket.status === 'served') return ticket;
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    await trx
      .updateTable('queue_tickets')
      .set({ status: 'served', served_at: now })
      .where('id', '=', ticketId)
      .where('status', '<>', 'served')
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      action: 'queue.served',
      entity: 'queue_ticket',
      entityId: String(ticketId),
      before: { status: ticket.status },
    });
  });
  return (await ticketById(ctx.db, ticketId))!;
}

export async function stationOrThrow(ctx: ServiceContext, stationId: string) {
  const station = await ctx.db
    .selectFrom('stations')
    .selectAll()
    .where('id', '=', stationId)
    .executeTakeFirst();
  if (!station) throw new NotFoundError('station', stationId);
  return station;
}

async function intakeOrThrow(ctx: ServiceContext, intakeId: string) {
  const intake = await ctx.db
    .selectFrom('intakes')
    .select(['id', 'site_id'])
    .where('id', '=', intakeId)
    .executeTakeFirst();
  if (!intake) throw new NotFoundError('intake', intakeId);
  return intake;
}

async function ticketTimes(ctx: ServiceContext, intakeId: string): Promise<TicketTimes[]> {
  const rows = await ctx.db
    .selectFrom('queue_tickets')
    .select(['station_id', 'status', 'checked_in_at', 'called_at', 'served_at'])
    .where('intake_id', '=', intakeId)
    .execute();
  const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());
  return rows.map((r) => ({
    stationId: r.station_id,
    status: r.status,
    checkedInAt: ms(r.checked_in_at)!,
    calledAt: ms(r.called_at),
    servedAt: ms(r.served_at),
  }));
}

const round1 = (n: number | undefined | null) =>
  n === undefined || n === null ? null : Math.round(n * 10) / 10;

/**
 * What the large display shows: each station's current person, who waits, the measured rate and the wait. "Served
 * today" counts from midnight in `timeZone` (the board's own, sent by the page; UTC when not given).
 */
export async function queueBoard(ctx: ServiceContext, intakeId: string, opts: { timeZone?: string } = {}) {
  const timeZone = checkedTimeZone(opts.timeZone ?? 'UTC');
  await intakeOrThrow(ctx, intakeId);
  const now = ctx.now().getTime();
  const [stations, times, current, next] = await Promise.all([
    ctx.db.selectFrom('stations').select(['id', 'name']).orderBy('sort').orderBy('id').execute(),
    ticketTimes(ctx, intakeId),
    ctx.db
      .selectFrom('queue_tickets as t')
      .innerJoin('people as p', 'p.id', 't.person_id')
      .select(['t.station_id', 't.number', 't.person_id', 'p.name', 'p.name_latin', 'p.name_cyrillic'])
      .where('t.intake_id', '=', intakeId)
      .where('t.status', '=', 'called')
      .execute(),
    ctx.db
      .selectFrom('queue_tickets')
      .select('number')
      .where('intake_id', '=', intakeId)
      .where('status', '=', 'waiting')
      .orderBy('number')
      .limit(10)
      .execute(),
  ]);
  const hourAgo = now - 3_600_000;
  const startOfDay = startOfDayIn(now, timeZone);
  const waiting = times.filter((t) => t.status === 'waiting').length;
  const rate = perStationPerHour(times, now);
  const active = new Set(
    times
      .filter((t) => t.status === 'called' || (t.servedAt !== null && t.servedAt > hourAgo))
      .map((t) => t.stationId),
  );
  const recentWaits = waits(times.filter((t) => t.calledAt !== null && t.calledAt > hourAgo));
  return {
    stations: stations.map((s) => {
      const c = current.find((t) => t.station_id === s.id);
      return {
        id: s.id,
        name: s.name,
        current: c
          ? { number: c.number, personId: c.person_id, name: c.name, latinName: latinNameOf(c) }
          : null,
        servedLastHour: times.filter(
          (t) => t.stationId === s.id && t.servedAt !== null && t.servedAt > hourAgo,
        ).length,
      };
    }),
    waiting,
    next: next.map((n) => ({ number: n.number })),
    perStationPerHour: round1(rate),
    etaMinutes: etaMinutes(waiting, rate, active.size || stations.length),
    medianWaitMinutes: round1(quantile(recentWaits, 0.5)),
    servedToday: times.filter((t) => t.servedAt !== null && t.servedAt >= startOfDay).length,
  };
}

/** Throughput of an intake: people per station and per hour, waiting times, and units issued against entitled. */
export async function queueThroughput(ctx: ServiceContext, intakeId: string) {
  await intakeOrThrow(ctx, intakeId);
  const [stations, times, issued, entitled] = await Promise.all([
    ctx.db.selectFrom('stations').select('id').orderBy('sort').orderBy('id').execute(),
    ticketTimes(ctx, intakeId),
    sql<{ n: number }>`
      select coalesce(sum(case k.kind when 'issue' then k.qty when 'return' then -k.qty when 'loss' then -k.qty
        else 0 end), 0)::int as n
      from kit_events k join people p on p.id = k.person_id where p.intake_id = ${intakeId}`.execute(ctx.db),
    entitledUnits(ctx, intakeId),
  ]);
  const rates = stationRates(times);
  const w = waits(times);
  return {
    stations: stations.map((s) => ({ id: s.id, ...(rates.get(s.id) ?? { served: 0, perHour: 0 }) })),
    waitMinutes: w.length ? { p50: round1(quantile(w, 0.5))!, p90: round1(quantile(w, 0.9))! } : null,
    issued: Number(issued.rows[0]?.n ?? 0),
    entitled,
  };
}

/** Units the intake's people are entitled to, each by their role's list where their role has one. */
async function entitledUnits(ctx: ServiceContext, intakeId: string): Promise<number> {
  const [ents, roles] = await Promise.all([
    entitlementsByRole(ctx, intakeId),
    ctx.db
      .selectFrom('people')
      .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
      .where('intake_id', '=', intakeId)
      .groupBy('role')
      .execute(),
  ]);
  return roles.reduce((sum, r) => sum + Number(r.n) * ents.of(r.role).reduce((s, e) => s + e.qty, 0), 0);
}
