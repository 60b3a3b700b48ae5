import { sql } from 'kysely';
import { appendAudit } from '../db/repositories/audit.ts';
import { personById } from '../db/repositories/people-search.ts';
import { InputError, NotFoundError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { searchPeople } from './person-search.ts';

/** Sites, depots, the catalogue, intakes and people: the core records every later capability reads. */

export async function listSites(ctx: ServiceContext) {
  return ctx.db.selectFrom('sites').selectAll().orderBy('id').execute();
}

export async function listDepots(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('depots')
    .leftJoin('sites', 'sites.id', 'depots.site_id')
    .select(['depots.id', 'depots.name', 'depots.site_id', 'sites.name as site_name'])
    .orderBy('depots.id')
    .execute();
}

export async function listItems(ctx: ServiceContext) {
  const items = await ctx.db.selectFrom('items').selectAll().orderBy('sort').orderBy('id').execute();
  const variants = await ctx.db
    .selectFrom('item_variants')
    .selectAll()
    .orderBy('item_id')
    .orderBy('sort')
    .execute();
  return items.map((item) => ({
    id: item.id,
    names: item.names,
    sizeSystem: item.size_system,
    sizes: variants.filter((v) => v.item_id === item.id).map((v) => ({ label: v.label, fits: v.fits })),
  }));
}

export async function listIntakes(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('intakes')
    .leftJoin('people', 'people.intake_id', 'intakes.id')
    .select([
      'intakes.id',
      'intakes.name',
      'intakes.site_id',
      'intakes.start_date',
      'intakes.status',
      (eb) => eb.fn.count<number>('people.id').as('people'),
    ])
    .groupBy('intakes.id')
    .orderBy('intakes.start_date', 'desc')
    .orderBy('intakes.id')
    .execute();
}

export async function getIntake(ctx: ServiceContext, id: string) {
  const intake = await ctx.db.selectFrom('intakes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!intake) throw new NotFoundError('intake', id);
  const { count } = await ctx.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('intake_id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...intake, people: Number(count) };
}

export interface NewIntake {
  id: string;
  name: string;
  siteId: string;
  startDate: string;
}

export async function createIntake(ctx: ServiceContext, actor: Actor, input: NewIntake) {
  return ctx.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('intakes').select('id').where('id', '=', input.id).executeTakeFirst();
    if (clash) throw new InputError([{ field: 'id', reason: `an intake "${input.id}" exists already` }]);
    const site = await trx.selectFrom('sites').select('id').where('id', '=', input.siteId).executeTakeFirst();
    if (!site) throw new InputError([{ field: 'siteId', reason: `unknown site "${input.siteId}"` }]);
    const row = {
      id: input.id,
      name: input.name,
      site_id: input.siteId,
      start_date: input.startDate,
      status: 'open',
    };
    await trx
      .insertInto('intakes')
      .values({ ...row, created_at: ctx.now() })
      .execute();
    await appendAudit(trx, {
      at: ctx.now(),
      actorId: actor.userId,
      action: 'intake.created',
      entity: 'intake',
      entityId: input.id,
      after: row,
    });
    return row;
  });
}

export interface PeopleQuery {
  intakeId: string;
  q?: string;
  limit: number;
  offset: number;
}

/** One person with the names of their intake and site; NotFoundError when no one has the id. */
export async function getPerson(ctx: ServiceContext, id: string) {
  const person = await personById(ctx.db, id);
  if (!person) throw new NotFoundError('person', id);
  return person;
}

/**
 * A page of an intake's people: in id order, or with `q`, the search of {@link searchPeople} (id prefix, or the
 * name in any script, best match first). Pages walk the (intake_id, id) index, so a page of 50 from 12,000
 * people stays a few milliseconds.
 */
export async function listPeople(ctx: ServiceContext, query: PeopleQuery) {
  const q = query.q?.normalize('NFC').trim();
  if (q) return searchPeople(ctx, { intakeId: query.intakeId, q, limit: query.limit, offset: query.offset });
  const base = ctx.db.selectFrom('people').where('intake_id', '=', query.intakeId);
  const [rows, total] = await Promise.all([
    base
      .select([
        'id',
        'name',
        'name_latin',
        'name_cyrillic',
        'site_id',
        'birth_date',
        'sex',
        'unit',
        'language',
      ])
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), offset: query.offset, limit: query.limit, people: rows, truncated: false };
}
