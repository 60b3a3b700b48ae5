import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { createDb, type DbHandle } from '../src/db/create-db.ts';
import { createScratchDatabase } from '../src/db/scratch-database.ts';
import { slipCode } from '../src/domain/stations/index.ts';
import { createApp } from '../src/server/app.ts';
import { acceptRun, runAllocation } from '../src/services/allocation-run.ts';
import { SignInThrottle } from '../src/services/auth.ts';
import { SYSTEM_ACTOR, systemContext } from '../src/services/context.ts';
import { balancesFromLedger } from '../src/services/ledger.ts';
import { DEMO_INTAKE, seedDemo } from '../src/services/seed.ts';
import { kitLedgerDisagreements } from '../src/services/station-events.ts';
import { insertMeasuredAnswers } from '../src/services/submissions-demo.ts';
import { atMost, type Bench, peakRssMb, percentile, timed } from './lib.ts';

interface PickLine {
  item: string;
  unit: number;
  allocated: { size: string; depot: string } | null;
  issued: { size: string } | null;
}

/**
 * A room of issue stations over real HTTP on loopback: an intake of 12,000 people with answers and an accepted
 * allocation, 50 stations each signed in with its own session, each looping over its share of `--people` (500):
 * check the person in by their slip's QR, scan → pick list (the figure), pause as an issuer would (`--think` ms,
 * default 15,000), then send the issue events for everything allocated at the
 * station's depot, mark the ticket served, and pause again while the next person walks up. At the default pace
 * (about 30 s a person, as the issue says a real station takes) 50 stations serve about 1.7 people a second;
 * `--think 5000` triples it. Afterwards the ledger must agree with itself and with the kit records.
 * PGlite in memory by default; PostgreSQL (a scratch database) when DATABASE_URL is set.
 */
const bench: Bench = async ({ log, args }) => {
  const intakeSize = Number(args.intake ?? 12_000);
  const stations = Number(args.stations ?? 50);
  const people = Number(args.people ?? 500);
  const think = Number(args.think ?? 15_000);
  const url = process.env.DATABASE_URL;
  const scratch = url ? await createScratchDatabase(url, 'kitout_bench') : undefined;
  const handle: DbHandle = await createDb(scratch ? { databaseUrl: scratch.url, poolSize: 20 } : {});
  const ctx = systemContext(handle.db, handle.kind);
  let server: ReturnType<typeof serve> | undefined;
  try {
    log(`stations: seeding an intake of ${intakeSize} with answers on ${handle.kind}…`);
    const setup = await timed(async () => {
      await seedDemo(ctx, { people: intakeSize });
      await insertMeasuredAnswers(handle.db, { intake: DEMO_INTAKE.id, seed: 5, prefix: 'bench' });
      log('stations: allocating and accepting…');
      const run = await runAllocation(ctx, SYSTEM_ACTOR, DEMO_INTAKE.id);
      await acceptRun(ctx, SYSTEM_ACTOR, run.id, 'bench-accept');
      await handle.db
        .insertInto('stations')
        .values(
          Array.from({ length: stations }, (_, i) => ({
            id: `B-${String(i + 1).padStart(2, '0')}`,
            name: `Bench ${i + 1}`,
            depot_id: 'D-NORTH',
            sort: 100 + i,
          })),
        )
        .execute();
      return run.id;
    });
    // The people to serve: those with kit allocated at the stations' depot, in id order.
    const queue = (
      await sql<{ person_id: string }>`
        select distinct person_id from allocations where run_id = ${setup.value} and depot_id = 'D-NORTH'
        order by person_id limit ${people}`.execute(handle.db)
    ).rows.map((r) => r.person_id);
    const form = await handle.db
      .selectFrom('forms')
      .select(['id', 'version'])
      .where('active', '=', true)
      .executeTakeFirstOrThrow();

    const app = createApp({ ctx, throttle: new SignInThrottle(ctx.now), secureCookies: false });
    server = await new Promise<ReturnType<typeof serve>>((done) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s));
    });
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const cookies: string[] = [];
    for (let i = 0; i < stations; i++) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'issuer', password: 'kitout-demo' }),
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
      cookies.push((res.headers.get('set-cookie') ?? '').split(';')[0]!);
    }

    log(`stations: ${stations} stations serving ${queue.length} people (think ${think} ms)…`);
    const scanToPick: number[] = [];
    const checkInMs: number[] = [];
    const eventsMs: number[] = [];
    const errors: string[] = [];
    let eventsSent = 0;
    let eventsApplied = 0;
    let next = 0;
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms * (0.5 + Math.random())));
    const station = async (s: number) => {
      const id = `B-${String(s + 1).padStart(2, '0')}`;
      const headers = { cookie: cookies[s]!, 'content-type': 'application/json' };
      // Stations start over the first pause rather than all at once, as a room does.
      await pause(think);
      while (next < queue.length) {
        const person = queue[next++]!;
        try {
          const qr = slipCode(form.id, form.version, person);
          let t = performance.now();
          const checkIn = await fetch(`${base}/api/queue/check-in`, {
            method: 'POST',
            headers: { ...headers, 'idempotency-key': `bench-check-in-${person}` },
            body: JSON.stringify({ intakeId: DEMO_INTAKE.id, qr }),
          });
          checkInMs.push(performance.now() - t);
          if (checkIn.status !== 200) throw new Error(`check-in ${checkIn.status} ${await checkIn.text()}`);
          const { ticket } = (await checkIn.json()) as { ticket: { id: number } };

          t = performance.now();
          const pick = await fetch(
            `${base}/api/stations/${id}/pick-list?person=${encodeURIComponent(person)}`,
            {
              headers,
            },
          );
          const list = (await pick.json()) as { lines: PickLine[]; stationDepot: string };
          scanToPick.push(performance.now() - t);
          if (pick.status !== 200) throw new Error(`pick list ${pick.status}`);

          await pause(think);
          const events = list.lines
            .filter((l) => l.allocated?.depot === list.stationDepot && !l.issued)
            .map((l) => ({
              id: `bench-${person}-${l.item}-${l.unit}`,
              kind: 'issue',
              personId: person,
              item: l.item,
              size: l.allocated!.size,
              clientTime: new Date().toISOString(),
            }));
          if (events.length) {
            t = performance.now();
            const res = await fetch(`${base}/api/stations/${id}/events`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ events }),
            });
            eventsMs.push(performance.now() - t);
            if (res.status !== 200) throw new Error(`events ${res.status} ${await res.text()}`);
            const { results } = (await res.json()) as { results: { status: string; code?: string }[] };
            eventsSent += events.length;
            for (const r of results) {
              if (r.status === 'applied') eventsApplied++;
              else errors.push(`event ${r.status} ${r.code ?? ''}`);
            }
          }
          const served = await fetch(`${base}/api/queue/tickets/${ticket.id}/served`, {
            method: 'POST',
            headers,
          });
          if (served.status !== 200) throw new Error(`served ${served.status}`);
          await served.arrayBuffer();
        } catch (err) {
          errors.push(`${person}: ${(err as Error).message}`);
        }
      }
    };
    const run = await timed(() => Promise.all(Array.from({ length: stations }, (_, s) => station(s))));

    log('stations: checking the ledger…');
    const rebuilt = await balancesFromLedger(ctx);
    const table = await handle.db.selectFrom('balances').selectAll().execute();
    const key = (d: string, i: string, s: string) => `${d}\u0000${i}\u0000${s}`;
    const stored = new Map(table.map((b) => [key(b.depot_id, b.item_id, b.size), b]));
    const balanceMismatches = rebuilt.filter((r) => {
      const b = stored.get(key(r.depot, r.item, r.size));
      return (
        !b ||
        b.on_hand !== r.on_hand ||
        b.reserved !== r.reserved ||
        b.in_transit !== r.in_transit ||
        b.unserviceable !== r.unserviceable
      );
    }).length;
    const kitMismatches = (await kitLedgerDisagreements(ctx)).length;
    const applied = Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from station_events
          where outcome->>'status' = 'applied'`.execute(handle.db)
      ).rows[0]!.n,
    );
    const errorCount = errors.length + balanceMismatches + kitMismatches + Math.abs(applied - eventsApplied);
    return {
      bench: 'stations',
      goals: {
        scan_to_picklist_p99_ms: atMost(percentile(scanToPick, 99), 'ms', 100),
        errors: atMost(errorCount, 'count', 0),
      },
      details: {
        database: handle.kind,
        intake: intakeSize,
        stations,
        people: queue.length,
        thinkMs: think,
        setupSeconds: setup.seconds,
        runSeconds: run.seconds,
        peoplePerSecond: queue.length / run.seconds,
        scanToPicklistMs: {
          p50: percentile(scanToPick, 50),
          p90: percentile(scanToPick, 90),
          p99: percentile(scanToPick, 99),
          max: Math.max(...scanToPick),
        },
        checkInMs: { p50: percentile(checkInMs, 50), p99: percentile(checkInMs, 99) },
        eventBatchMs: { p50: percentile(eventsMs, 50), p99: percentile(eventsMs, 99) },
        eventsSent,
        eventsApplied,
        storedApplied: applied,
        balanceMismatches,
        kitMismatches,
        firstErrors: errors.slice(0, 5),
        peakRssMb: peakRssMb(),
      },
    };
  } finally {
    if (server) await new Promise<void>((done) => server!.close(() => done()));
    await handle.close();
    await scratch?.drop();
  }
};

export default bench;
