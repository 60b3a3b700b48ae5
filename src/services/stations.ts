import { sql } from 'kysely';
import { appendAudit } from '../db/repositories/audit.ts';
import { InputError, NotFoundError } from '../domain/errors.ts';
import { choiceList, type LocalText, type NormalisedForm, questionsOf } from '../domain/forms/form-model.ts';
import { alternativesFor, holdingsOf, type KitLine, unitsIssued } from '../domain/stations/index.ts';
import type { Actor, ServiceContext } from './context.ts';
import { findFormDefinition } from './forms.ts';
import { entitlementsByRole, mergeEntitlements } from './planning.ts';
import { latinNameOf, stationOrThrow } from './queue.ts';
import { getPerson } from './records.ts';

const SHELF_TTL_MS = 10_000;
const shelves = new WeakMap<
  ServiceContext['db'],
  Map<string, { at: number; value: Promise<{ catalogue: CatalogueRow[]; bins: Map<string, string> }> }>
>();

/**
 * The catalogue's grids and a depot's bins, which change rarely (a catalogue edit, a re-shelving), kept for a few
 * seconds per process so that a pick list, asked for many times a second, reads only what moves: stock and people.
 */
function shelfData(ctx: ServiceContext, depot: string) {
  let byDepot = shelves.get(ctx.db);
  if (!byDepot) {
    byDepot = new Map();
    shelves.set(ctx.db, byDepot);
  }
  const now = Date.now();
  const hit = byDepot.get(depot);
  if (hit && now - hit.at < SHELF_TTL_MS) return hit.value;
  const value = (async () => {
    const [items, variants, bins] = await Promise.all([
      ctx.db.selectFrom('items').select(['id', 'names', 'size_system']).orderBy('sort').execute(),
      ctx.db
        .selectFrom('item_variants')
        .select(['item_id', 'label'])
        .orderBy('item_id')
        .orderBy('sort')
        .execute(),
      ctx.db.selectFrom('bins').select(['item_id', 'size', 'bin']).where('depot_id', '=', depot).execute(),
    ]);
    return {
      catalogue: items.map((i) => ({
        id: i.id,
        names: i.names,
        size_system: i.size_system,
        sizes: variants.filter((v) => v.item_id === i.id).map((v) => v.label),
      })),
      bins: new Map(bins.map((b) => [`${b.item_id}\u0000${b.size}`, b.bin])),
    };
  })();
  byDepot.set(depot, { at: now, value });
  value.catch(() => byDepot.delete(depot));
  return value;
}

/** Entitlements in catalogue order. */
function sortedBy<T extends { item: string }>(rows: T[], catalogue: { id: string }[]): T[] {
  const order = new Map(catalogue.map((c, i) => [c.id, i]));
  return [...rows].sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0));
}

/** The languages answers and item names are given in (the UI's three). */
const TEXT_LANGUAGES = ['ru', 'ko', 'en'] as const;

export async function listStations(ctx: ServiceContext) {
  const rows = await ctx.db
    .selectFrom('stations')
    .select(['id', 'name', 'depot_id', 'language'])
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, depotId: r.depot_id, language: r.language }));
}

interface CatalogueRow {
  id: string;
  names: Record<string, string>;
  size_system: string | null;
  sizes: string[];
}

/** A text of the form in the three UI languages, where the form has them. */
function local(text: LocalText | undefined): Partial<Record<(typeof TEXT_LANGUAGES)[number], string>> {
  const out: Partial<Record<(typeof TEXT_LANGUAGES)[number], string>> = {};
  for (const lang of TEXT_LANGUAGES) if (text?.[lang]) out[lang] = text[lang];
  return out;
}

/** A person's answers with each question and chosen option labelled in the languages of the form. */
export function labelledAnswers(form: NormalisedForm | undefined, answers: Record<string, unknown>) {
  if (!form) return [];
  const out: {
    field: string;
    question: ReturnType<typeof local>;
    value: string;
    label: ReturnType<typeof local>;
  }[] = [];
  for (const { question } of questionsOf(form.survey)) {
    const raw = answers[question.name];
    if (raw === undefined || raw === null || raw === '' || question.type === 'note') continue;
    const value = String(raw);
    let label: ReturnType<typeof local> = {};
    if (question.list && (question.type === 'select_one' || question.type === 'select_multiple')) {
      const choices = choiceList(form, question.list)?.choices ?? [];
      const picked = question.type === 'select_one' ? [value] : value.split(/\s+/);
      const texts = picked.map((v) => local(choices.find((c) => c.name === v)?.label));
      for (const lang of TEXT_LANGUAGES) {
        const parts = texts.map((t) => t[lang]);
        if (parts.every((p) => p)) label[lang] = parts.join(', ');
      }
    } else label = {};
    out.push({ field: question.name, question: local(question.label), value, label });
  }
  return out;
}

/**
 * Everything a station shows for one person, in one round trip: who they are, their latest answers labelled in
 * the form's languages, and per entitled unit the allocated size (from the intake's accepted allocation run),
 * what they already hold, the bin, what the station's depot has free (plus the person's own reservation there),
 * and the next best sizes in stock by the item's substitution rules.
 */
export async function pickList(ctx: ServiceContext, stationId: string, personId: string) {
  const { rows } = await sql<{
    person: {
      id: string;
      intake_id: string;
      name: string;
      name_latin: string | null;
      name_cyrillic: string | null;
      language: string | null;
    } | null;
    station: { depot_id: string; language: string } | null;
    allocations:
      | { item: string; unit: number; preferred: string; issued: string | null; depot: string | null }[]
      | null;
    submission: { answers: Record<string, unknown>; form_id: string; form_version: string } | null;
    kit: KitLine[] | null;
    entitlements: { item: string; qty: number }[] | null;
    role_entitlements: { item: string; qty: number }[] | null;
    stock: { item: string; size: string; free: number }[] | null;
    used: { item: string; size: string; n: number }[] | null;
  }>`
    with p as (select id, intake_id, name, name_latin, name_cyrillic, language, role from people
      where id = ${personId}),
    st as (select depot_id, language from stations where id = ${stationId}),
    run as (select r.id from allocation_runs r join p on r.intake_id = p.intake_id where r.status = 'accepted'
      limit 1),
    ent_own as (select e.item_id, e.qty from entitlements e join p on e.scope = 'intake:' || p.intake_id),
    ent as (select item_id, qty from ent_own
      union all select item_id, qty from entitlements where scope = 'default' and not exists (select 1 from ent_own))
    select
      (select row_to_json(p) from p) as person,
      (select row_to_json(st) from st) as station,
      (select json_agg(json_build_object('item', a.item_id, 'unit', a.unit, 'preferred', a.preferred,
          'issued', a.issued, 'depot', a.depot_id))
        from allocations a join run on a.run_id = run.id where a.person_id = ${personId}) as allocations,
      (select row_to_json(s) from (select s.answers, s.form_id, s.form_version from submissions s join p
          on s.intake_id = p.intake_id and s.person_id = p.id order by s.seq desc limit 1) s) as submission,
      (select json_agg(json_build_object('kind', k.kind, 'item', k.item_id, 'size', k.size,
          'fromSize', k.from_size, 'qty', k.qty) order by k.id)
        from kit_events k where k.person_id = ${personId}) as kit,
      (select json_agg(json_build_object('item', item_id, 'qty', qty)) from ent) as entitlements,
      (select json_agg(json_build_object('item', e.item_id, 'qty', e.qty)) from entitlements e join p
        on e.scope = 'role:' || p.role) as role_entitlements,
      (select json_agg(json_build_object('item', b.item_id, 'size', b.size, 'free', b.on_hand - b.reserved))
        from balances b join st on b.depot_id = st.depot_id) as stock,
      (select json_agg(json_build_object('item', u.item_id, 'size', u.size, 'n', u.n)) from (
          select m.item_id, m.size, count(*)::int as n from movements m join st on m.depot_id = st.depot_id
          where m.person_id = ${personId} and m.type = 'issue' and (m.effects->0->>'reserved')::int < 0
          group by 1, 2) u) as used`.execute(ctx.db);
  const r = rows[0]!;
  if (!r.station) throw new NotFoundError('station', stationId);
  if (!r.person) throw new NotFoundError('person', personId);
  const depot = r.station.depot_id;
  const key = (item: string, size: string) => `${item}\u0000${size}`;
  const free = new Map((r.stock ?? []).map((s) => [key(s.item, s.size), s.free]));
  const { catalogue, bins } = await shelfData(ctx, depot);
  // What is still reserved for this person at this depot: allocated here, less what was issued from it.
  const mine = new Map<string, number>();
  for (const a of r.allocations ?? [])
    if (a.issued && a.depot === depot)
      mine.set(key(a.item, a.issued), (mine.get(key(a.item, a.issued)) ?? 0) + 1);
  for (const u of r.used ?? []) mine.set(key(u.item, u.size), (mine.get(key(u.item, u.size)) ?? 0) - u.n);
  const availableOf = (item: string) => (size: string) =>
    Math.max(0, free.get(key(item, size)) ?? 0) + Math.max(0, mine.get(key(item, size)) ?? 0);
  const holdings = holdingsOf(r.kit ?? []);
  const lines = [];
  // A role's list (drivers: two pairs of gloves) replaces the intake's item by item.
  const entitlements = mergeEntitlements(
    sortedBy(r.entitlements ?? [], catalogue),
    new Map((r.role_entitlements ?? []).map((e) => [e.item, e.qty])),
  );
  for (const ent of entitlements) {
    const item = catalogue.find((c) => c.id === ent.item);
    if (!item) continue;
    const grid = { id: item.id, sizeSystem: item.size_system, sizes: item.sizes ?? [] };
    const units = Array.from({ length: ent.qty }, (_, i) =>
      (r.allocations ?? []).find((a) => a.item === item.id && a.unit === i + 1),
    );
    const issued = unitsIssued(
      units.map((u) => u?.issued ?? null),
      holdings.filter((h) => h.item === item.id),
    );
    for (const [i, a] of units.entries()) {
      const wanted = issued[i] ?? a?.issued ?? a?.preferred ?? null;
      const avail = availableOf(item.id);
      lines.push({
        item: item.id,
        itemName: {
          ru: item.names.ru ?? item.id,
          ko: item.names.ko ?? item.id,
          en: item.names.en ?? item.id,
        },
        unit: i + 1,
        entitled: ent.qty,
        preferred: a?.preferred ?? null,
        allocated: a?.issued ? { size: a.issued, depot: a.depot! } : null,
        issued: issued[i] ? { size: issued[i]! } : null,
        bin: wanted ? (bins.get(`${item.id}\u0000${wanted}`) ?? null) : null,
        available: wanted ? avail(wanted) : 0,
        alternatives: wanted ? alternativesFor(grid, wanted, avail) : [],
      });
    }
  }
  const form = r.submission
    ? await findFormDefinition(ctx, r.submission.form_id, r.submission.form_version)
    : undefined;
  const p = r.person;
  return {
    person: {
      id: p.id,
      intakeId: p.intake_id,
      name: p.name,
      latinName: latinNameOf(p),
      language: p.language,
    },
    stationDepot: depot,
    stationLanguage: r.station.language,
    answers: labelledAnswers(form, r.submission?.answers ?? {}),
    lines,
  };
}

/**
 * What a station needs to keep working without a network for an intake: the catalogue, its depot's stock and
 * bins, and every person of the intake with what they are allocated and already hold. Lines are listed only for
 * units that are allocated or issued (the rest follow from `entitlements`), which keeps 12,000 people compact.
 */
export async function stationPack(ctx: ServiceContext, stationId: string, intakeId: string) {
  const station = await stationOrThrow(ctx, stationId);
  const intake = await ctx.db
    .selectFrom('intakes')
    .select('id')
    .where('id', '=', intakeId)
    .executeTakeFirst();
  if (!intake) throw new NotFoundError('intake', intakeId);
  const depot = station.depot_id;
  const [items, variants, stock, bins, entitlements, people, allocations, kit] = await Promise.all([
    ctx.db.selectFrom('items').select(['id', 'names']).orderBy('sort').execute(),
    ctx.db
      .selectFrom('item_variants')
      .select(['item_id', 'label'])
      .orderBy('item_id')
      .orderBy('sort')
      .execute(),
    ctx.db
      .selectFrom('balances')
      .select(['item_id', 'size', 'on_hand', 'reserved'])
      .where('depot_id', '=', depot)
      .execute(),
    ctx.db.selectFrom('bins').select(['item_id', 'size', 'bin']).where('depot_id', '=', depot).execute(),
    entitlementsByRole(ctx, intakeId),
    ctx.db
      .selectFrom('people')
      .select(['id', 'name', 'name_latin', 'name_cyrillic', 'language', 'role'])
      .where('intake_id', '=', intakeId)
      .orderBy('id')
      .execute(),
    sql<{ person_id: string; item_id: string; unit: number; issued: string | null; depot_id: string | null }>`
      select a.person_id, a.item_id, a.unit, a.issued, a.depot_id from allocations a
      join allocation_runs r on r.id = a.run_id
      where r.intake_id = ${intakeId} and r.status = 'accepted' and a.issued is not null`.execute(ctx.db),
    sql<{ person_id: string } & KitLine>`
      select k.person_id, k.kind, k.item_id as item, k.size, k.from_size as "fromSize", k.qty
      from kit_events k join people p on p.id = k.person_id where p.intake_id = ${intakeId}
      order by k.id`.execute(ctx.db),
  ]);
  const qtyByRole = new Map<string | null, Map<string, number>>([
    [null, new Map(entitlements.base.map((e) => [e.item, e.qty]))],
  ]);
  for (const [role, list] of entitlements.roles)
    qtyByRole.set(role, new Map(list.map((e) => [e.item, e.qty])));
  const qtyOfRole = (role: string | null) => qtyByRole.get(role) ?? qtyByRole.get(null)!;
  const maxQty = new Map<string, number>();
  for (const m of qtyByRole.values())
    for (const [item, q] of m) maxQty.set(item, Math.max(q, maxQty.get(item) ?? 0));
  const allocBy = new Map<string, Map<string, (string | null)[]>>();
  // Which units are reserved at this station's depot: only those can be issued from the reservation here.
  const reservedHere = new Set<string>();
  for (const a of allocations.rows) {
    if (a.depot_id === depot) reservedHere.add(`${a.person_id}\u0000${a.item_id}\u0000${a.unit}`);
    const byItem = allocBy.get(a.person_id) ?? new Map<string, (string | null)[]>();
    const units =
      byItem.get(a.item_id) ?? Array.from({ length: maxQty.get(a.item_id) ?? a.unit }, () => null);
    units[a.unit - 1] = a.issued;
    byItem.set(a.item_id, units);
    allocBy.set(a.person_id, byItem);
  }
  const kitBy = new Map<string, KitLine[]>();
  for (const k of kit.rows) {
    const list = kitBy.get(k.person_id) ?? [];
    list.push(k);
    kitBy.set(k.person_id, list);
  }
  return {
    stationDepot: depot,
    generatedAt: ctx.now().toISOString(),
    entitlements: entitlements.base,
    roleEntitlements: Object.fromEntries(entitlements.roles),
    items: items.map((i) => ({
      id: i.id,
      name: { ru: i.names.ru ?? i.id, ko: i.names.ko ?? i.id, en: i.names.en ?? i.id },
      sizes: variants.filter((v) => v.item_id === i.id).map((v) => v.label),
    })),
    stock: stock.map((s) => ({ item: s.item_id, size: s.size, onHand: s.on_hand, reserved: s.reserved })),
    bins: bins.map((b) => ({ item: b.item_id, size: b.size, bin: b.bin })),
    people: people.map((p) => {
      const byItem = allocBy.get(p.id);
      const held = holdingsOf(kitBy.get(p.id) ?? []);
      const lines: {
        item: string;
        unit: number;
        entitled: number;
        allocated: string | null;
        issued: string | null;
        reservedHere: boolean;
      }[] = [];
      for (const [item, entitled] of qtyOfRole(p.role)) {
        const allocated = byItem?.get(item) ?? [];
        const mine = held.filter((h) => h.item === item);
        if (!allocated.some((a) => a) && mine.length === 0) continue;
        const units = Array.from({ length: entitled }, (_, i) => allocated[i] ?? null);
        const issued = unitsIssued(units, mine);
        units.forEach((a, i) => {
          if (a || issued[i])
            lines.push({
              item,
              unit: i + 1,
              entitled,
              allocated: a,
              issued: issued[i] ?? null,
              reservedHere: reservedHere.has(`${p.id}\u0000${item}\u0000${i + 1}`),
            });
        });
      }
      return {
        id: p.id,
        name: p.name,
        latinName: latinNameOf(p),
        language: p.language,
        role: p.role,
        lines,
      };
    }),
  };
}

/** A person's kit record: what they hold now and every kit event, newest last, with who recorded it. */
export async function kitRecord(ctx: ServiceContext, personId: string) {
  const person = await ctx.db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
  if (!person) throw new NotFoundError('person', personId);
  const rows = await ctx.db
    .selectFrom('kit_events as k')
    .leftJoin('users as u', 'u.id', 'k.actor_id')
    .select([
      'k.id',
      'k.at',
      'k.kind',
      'k.item_id',
      'k.size',
      'k.from_size',
      'k.qty',
      'k.condition',
      'k.station_id',
      'k.depot_id',
      'k.event_id',
      'u.display_name',
    ])
    .where('k.person_id', '=', personId)
    .orderBy('k.id')
    .execute();
  return {
    holdings: holdingsOf(
      rows.map((r) => ({ kind: r.kind, item: r.item_id, size: r.size, fromSize: r.from_size, qty: r.qty })),
    ),
    events: rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      kind: r.kind,
      item: r.item_id,
      size: r.size,
      fromSize: r.from_size,
      qty: r.qty,
      condition: r.condition,
      stationId: r.station_id,
      depotId: r.depot_id,
      eventId: r.event_id,
      actorName: r.display_name ?? null,
    })),
  };
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** Sets the person's own language (receipts, answers); audited with the value before and after. */
export async function setPersonLanguage(
  ctx: ServiceContext,
  actor: Actor,
  personId: string,
  language: string | null,
) {
  if (language !== null && !LANGUAGE.test(language))
    throw new InputError([
      { field: 'language', reason: `"${language}" is not a language code such as ko, ru or en` },
    ]);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('people')
      .select('language')
      .where('id', '=', personId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError('person', personId);
    if (before.language === language) return;
    await trx.updateTable('people').set({ language }).where('id', '=', personId).execute();
    await appendAudit(trx, {
      at: ctx.now(),
      actorId: actor.userId,
      action: 'person.language_set',
      entity: 'person',
      entityId: personId,
      before: { language: before.language },
      after: { language },
    });
  });
  return getPerson(ctx, personId);
}
