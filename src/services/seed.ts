import { Readable } from 'node:stream';
import { appendAudit } from '../db/repositories/audit.ts';
import { DEFAULT_SIZE_PROFILE } from '../domain/sizes/index.ts';
import { createUser } from './auth.ts';
import { itemFits } from './catalogue-fits.ts';
import { type ServiceContext, SYSTEM_ACTOR } from './context.ts';
import { DEMO_DEPOTS, DEMO_ITEMS, DEMO_PASSWORD, DEMO_SITES, DEMO_USERS } from './demo-catalogue.ts';
import { seedDemoQueue, seedStationsAndBins } from './demo-queue.ts';
import { DEMO_DRIVER_ROLE, demoRosterCsv } from './demo-roster.ts';
import { DEMO_ENTITLEMENTS, demoOpeningStock, demoTariff } from './demo-stock.ts';
import { storeDefaultForm } from './forms.ts';
import { postBatch } from './ledger.ts';
import { roleScope, setEntitlements, setTariff } from './planning.ts';
import { importRoster } from './roster-import.ts';
import { insertMeasuredAnswers } from './submissions-demo.ts';

export const DEMO_INTAKE = {
  id: 'W-2026-12',
  name: 'Волна декабрь 2026 / 2026년 12월 입소',
  siteId: 'NORTH',
  startDate: '2026-12-01',
};
export const DEMO_PEOPLE = 1500;

export interface SeedResult {
  created: boolean;
  username: string;
  password: string;
  others: string[];
}

/**
 * Seeds the demo organisation on an empty database, once: sites, depots, the catalogue, one account per role and
 * an intake of 1,500 people with Korean names. The roster goes in through the same import as a user's file.
 */
export async function seedDemo(
  ctx: ServiceContext,
  opts: {
    people?: number;
    stock?: boolean;
    answers?: number;
    queue?: boolean;
    /** Opening stock sized for this many people (default: `people`, or the demo's 1,500 when that is 0). */
    stockFor?: number;
  } = {},
): Promise<SeedResult> {
  const result = {
    username: 'admin',
    password: DEMO_PASSWORD,
    others: DEMO_USERS.filter((u) => u.username !== 'admin').map((u) => u.username),
  };
  const existing = await ctx.db.selectFrom('organisations').select('id').executeTakeFirst();
  if (existing) {
    const demoAdmin = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirst();
    return {
      created: false,
      ...result,
      ...(demoAdmin ? {} : { username: '(your own accounts)', password: '' }),
    };
  }

  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({ id: 'demo', name: 'Kitout demo', size_profile: JSON.stringify({}), created_at: ctx.now() })
      .execute();
    await trx.insertInto('sites').values(DEMO_SITES).execute();
    await trx
      .insertInto('depots')
      .values(DEMO_DEPOTS.map((d) => ({ ...d, created_at: ctx.now() })))
      .execute();
    for (const [i, item] of DEMO_ITEMS.entries()) {
      await trx
        .insertInto('items')
        .values({
          id: item.id,
          names: JSON.stringify(item.names),
          size_system: item.sizeSystem,
          sort: i,
          created_at: ctx.now(),
        })
        .execute();
      await trx
        .insertInto('item_variants')
        .values(
          itemFits(item, DEFAULT_SIZE_PROFILE).map((fits, sort) => ({
            item_id: item.id,
            label: item.sizes[sort]!,
            sort,
            fits: JSON.stringify(fits),
          })),
        )
        .execute();
    }
    await trx
      .insertInto('intakes')
      .values({
        id: DEMO_INTAKE.id,
        name: DEMO_INTAKE.name,
        site_id: DEMO_INTAKE.siteId,
        start_date: DEMO_INTAKE.startDate,
        status: 'open',
        created_at: ctx.now(),
      })
      .execute();
    await appendAudit(trx, {
      at: ctx.now(),
      actorId: null,
      action: 'demo.seeded',
      entity: 'organisation',
      entityId: 'demo',
    });
  });
  for (const u of DEMO_USERS) {
    await createUser(ctx, SYSTEM_ACTOR, { ...u, roles: [...u.roles], password: DEMO_PASSWORD });
  }
  await storeDefaultForm(ctx, SYSTEM_ACTOR);
  await seedStationsAndBins(ctx);
  const people = opts.people ?? DEMO_PEOPLE;
  if (opts.stock !== false) await seedStockAndPlanning(ctx, opts.stockFor ?? (people || DEMO_PEOPLE));
  if (people === 0) return { created: true, ...result };
  const csv = demoRosterCsv(people, 20261201);
  await importRoster(ctx, SYSTEM_ACTOR, {
    intakeId: DEMO_INTAKE.id,
    fileName: 'demo-roster.csv',
    stream: Readable.from([Buffer.from(csv)]),
  });
  if (opts.answers) {
    await insertMeasuredAnswers(ctx.db, {
      intake: DEMO_INTAKE.id,
      count: opts.answers,
      seed: 20261202,
      prefix: 'demo',
    });
  }
  // The demo's people speak Korean: their receipts print in it, and stations show their answers in it.
  await ctx.db
    .updateTable('people')
    .set({ language: 'ko' })
    .where('intake_id', '=', DEMO_INTAKE.id)
    .where('language', 'is', null)
    .execute();
  // A live morning at the stations needs answers (for an allocation) and stock; `queue: false` leaves it out.
  if (opts.answers && opts.stock !== false && opts.queue !== false) await seedDemoQueue(ctx, DEMO_INTAKE.id);
  return { created: true, ...result };
}

/** Default entitlements, the demo size tariff, and opening stock with the short sizes the demo is about. */
async function seedStockAndPlanning(ctx: ServiceContext, people: number): Promise<void> {
  await setEntitlements(ctx, SYSTEM_ACTOR, 'default', DEMO_ENTITLEMENTS);
  // Drivers wear out gloves: a second pair, everything else as for everyone.
  await setEntitlements(ctx, SYSTEM_ACTOR, roleScope(DEMO_DRIVER_ROLE), [{ item: 'gloves', qty: 2 }]);
  await setTariff(ctx, SYSTEM_ACTOR, 'default', demoTariff());
  for (const { depot, movements } of demoOpeningStock(people)) {
    await postBatch(ctx, SYSTEM_ACTOR, { key: `seed:opening:${depot}`, movements });
  }
}
