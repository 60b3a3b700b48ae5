import { sql } from 'kysely';
import { acceptRun, runAllocation } from './allocation-run.ts';
import { type ServiceContext, SYSTEM_ACTOR } from './context.ts';
import { DEMO_ITEMS } from './demo-catalogue.ts';
import { applyStationEvents } from './station-events.ts';

/** The demo's four issue stations at the northern depot, where the demo intake collects its kit. */
export const DEMO_STATIONS = [1, 2, 3, 4].map((n) => ({
  id: `N-${n}`,
  name: `Station ${n}`,
  depot_id: 'D-NORTH',
  language: 'ru',
  sort: n,
}));

/**
 * Stations, and a shelf bin for every depot × item × size: aisle by item, shelf by size, e.g. `B-04-2` is aisle 4,
 * shelf 2 (a real store would enter its own; the pick list only shows them).
 */
export async function seedStationsAndBins(ctx: ServiceContext): Promise<void> {
  const depots = await ctx.db.selectFrom('depots').select('id').orderBy('id').execute();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('stations')
      .values(DEMO_STATIONS)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const bins = depots.flatMap((d) =>
      DEMO_ITEMS.flatMap((item, i) =>
        item.sizes.map((size, s) => ({
          depot_id: d.id,
          item_id: item.id,
          size,
          bin: `B-${String(i + 1).padStart(2, '0')}-${Math.floor(s / 4) + 1}${'abcd'[s % 4]}`,
        })),
      ),
    );
    await trx
      .insertInto('bins')
      .values(bins)
      .onConflict((oc) => oc.columns(['depot_id', 'item_id', 'size']).doNothing())
      .execute();
  });
}

const MINUTE = 60_000;

/**
 * A live morning at the stations for the demo intake: its allocation run accepted, about 60 people served over the
 * last two hours (their kit issued through the stations' events, a few boots exchanged one size up), each station
 * with a person called, and 40 waiting, so the board, ETA and throughput show real figures on first start.
 */
export async function seedDemoQueue(
  ctx: ServiceContext,
  intakeId: string,
  opts: { served?: number; waiting?: number } = {},
): Promise<void> {
  const run = await runAllocation(ctx, SYSTEM_ACTOR, intakeId);
  await acceptRun(ctx, SYSTEM_ACTOR, run.id, `seed:accept:${intakeId}`);
  const served = opts.served ?? 60;
  const waiting = opts.waiting ?? 40;
  const stations = DEMO_STATIONS.map((s) => s.id);
  // People allocated kit at the stations' depot, in id order.
  const { rows } = await sql<{ person_id: string }>`
    select distinct a.person_id from allocations a
    where a.run_id = ${run.id} and a.depot_id = 'D-NORTH' order by a.person_id
    limit ${served + stations.length + waiting}`.execute(ctx.db);
  const people = rows.map((r) => r.person_id);
  const now = ctx.now().getTime();
  const start = now - 2 * 60 * MINUTE;
  type Row = {
    person: string;
    status: 'served' | 'called' | 'waiting';
    station: string | null;
    checkedIn: number;
    called: number | null;
    servedAt: number | null;
  };
  const tickets: Row[] = [];
  for (let i = 0; i < Math.min(served, people.length); i++) {
    const called = start + Math.floor(i / stations.length) * 7.5 * MINUTE + (i % stations.length) * MINUTE;
    tickets.push({
      person: people[i]!,
      status: 'served',
      station: stations[i % stations.length]!,
      checkedIn: Math.min(called - 3 * MINUTE, start - 15 * MINUTE + i * 1.6 * MINUTE),
      called,
      servedAt: called + 6 * MINUTE,
    });
  }
  for (const [s, station] of stations.entries()) {
    const person = people[served + s];
    if (!person) break;
    tickets.push({
      person,
      status: 'called',
      station,
      checkedIn: now - (40 - s) * MINUTE,
      called: now - (4 - s) * MINUTE,
      servedAt: null,
    });
  }
  for (let w = 0; w < waiting; w++) {
    const person = people[served + stations.length + w];
    if (!person) break;
    tickets.push({
      person,
      status: 'waiting',
      station: null,
      checkedIn: now - (35 - w * 0.8) * MINUTE,
      called: null,
      servedAt: null,
    });
  }
  await ctx.db
    .insertInto('queue_tickets')
    .values(
      tickets.map((t, i) => ({
        intake_id: intakeId,
        person_id: t.person,
        number: i + 1,
        status: t.status,
        station_id: t.station,
        key: `seed:ticket:${t.person}`,
        checked_in_at: new Date(t.checkedIn),
        called_at: t.called === null ? null : new Date(t.called),
        served_at: t.servedAt === null ? null : new Date(t.servedAt),
      })),
    )
    .execute();
  // The served people's kit goes out through the same events a station sends, at the time they were served.
  const allocations = await ctx.db
    .selectFrom('allocations')
    .select(['person_id', 'item_id', 'unit', 'issued'])
    .where('run_id', '=', run.id)
    .where('depot_id', '=', 'D-NORTH')
    .where(
      'person_id',
      'in',
      tickets
        .filter((t) => t.status === 'served')
        .map((t) => t.person)
        .concat(['']),
    )
    .orderBy('person_id')
    .orderBy('item_id')
    .orderBy('unit')
    .execute();
  const sizesOf = new Map(DEMO_ITEMS.map((i) => [i.id, i.sizes]));
  for (const [i, t] of tickets.entries()) {
    if (t.status !== 'served') continue;
    const at = new Date(t.servedAt! - MINUTE);
    const clock = { ...ctx, now: () => at };
    const station = t.station!;
    const events = allocations
      .filter((a) => a.person_id === t.person && a.issued)
      .map((a) => ({
        id: `seed-${t.person}-${a.item_id}-${a.unit}`,
        kind: 'issue' as const,
        personId: t.person,
        item: a.item_id,
        size: a.issued!,
        clientTime: at.toISOString(),
      }));
    await applyStationEvents(clock, SYSTEM_ACTOR, station, events);
    // Every seventh person tried the boots on and took the next size up, where the shelf had one.
    const boots = events.find((e) => e.item === 'boots');
    const grid = sizesOf.get('boots') ?? [];
    const up = boots ? grid[grid.indexOf(boots.size) + 1] : undefined;
    if (boots && up && i % 7 === 3)
      await applyStationEvents(clock, SYSTEM_ACTOR, station, [
        { ...boots, id: `seed-${t.person}-boots-exchange`, kind: 'exchange', toSize: up },
      ]);
  }
}
