import { sql } from 'kysely';
import { appendAudit } from '../db/repositories/audit.ts';
import { InputError, NotFoundError } from '../domain/errors.ts';
import {
  type DemandRow,
  demandFromPreferred,
  type Entitlement,
  forecastDemand,
  planSupply,
  type SupplyPlan,
  type TariffRow,
} from '../domain/planning/index.ts';
import type { Actor, ServiceContext } from './context.ts';
import { resolvedPeople } from './resolution.ts';
import { listBalances } from './stock-queries.ts';

export const scopeOf = (intakeId?: string) => (intakeId ? `intake:${intakeId}` : 'default');
export const roleScope = (role: string) => `role:${role}`;

/** The intake's entitlements, or the organisation's default where the intake has none of its own. */
export async function entitlementsFor(ctx: ServiceContext, intakeId?: string): Promise<Entitlement[]> {
  const rows = await ctx.db
    .selectFrom('entitlements')
    .innerJoin('items', 'items.id', 'entitlements.item_id')
    .select(['entitlements.scope', 'entitlements.item_id as item', 'entitlements.qty'])
    .where('entitlements.scope', 'in', [scopeOf(intakeId), 'default'])
    .orderBy('items.sort')
    .execute();
  const own = rows.filter((r) => r.scope === scopeOf(intakeId));
  return (own.length ? own : rows.filter((r) => r.scope === 'default')).map((r) => ({
    item: r.item,
    qty: r.qty,
  }));
}

/** The rows stored under one scope exactly (a role's own list), without falling back to another scope. */
export async function entitlementsOfScope(ctx: ServiceContext, scope: string): Promise<Entitlement[]> {
  return ctx.db
    .selectFrom('entitlements')
    .innerJoin('items', 'items.id', 'entitlements.item_id')
    .select(['entitlements.item_id as item', 'entitlements.qty'])
    .where('entitlements.scope', '=', scope)
    .orderBy('items.sort')
    .execute();
}

/** What each person of an intake is entitled to, by their role: see `entitlementsByRole`. */
export interface PeopleEntitlements {
  /** The intake's list (or the default): what a person without a role, or whose role has no list, gets. */
  base: Entitlement[];
  /** The roles of the intake's people that have a list of their own. */
  roles: Map<string, Entitlement[]>;
  /** A person's list: the base with the role's rows replacing it item by item (qty 0 takes an item away). */
  of(role: string | null | undefined): Entitlement[];
}

/**
 * Entitlements per person role. A role's list (scope `role:<name>`) changes the intake's list only where it names an
 * item: a driver entitled to 2 pairs of gloves still gets the intake's cap, shirts and boots.
 */
export async function entitlementsByRole(ctx: ServiceContext, intakeId: string): Promise<PeopleEntitlements> {
  const [base, roleRows] = await Promise.all([
    entitlementsFor(ctx, intakeId),
    ctx.db
      .selectFrom('entitlements')
      .innerJoin('items', 'items.id', 'entitlements.item_id')
      .select(['entitlements.scope', 'entitlements.item_id as item', 'entitlements.qty'])
      .where('entitlements.scope', 'like', 'role:%')
      .where(
        'entitlements.scope',
        'in',
        ctx.db
          .selectFrom('people')
          .select(sql<string>`'role:' || role`.as('scope'))
          .where('intake_id', '=', intakeId)
          .where('role', 'is not', null)
          .distinct(),
      )
      .orderBy('items.sort')
      .execute(),
  ]);
  const roles = new Map<string, Entitlement[]>();
  const overrides = new Map<string, Map<string, number>>();
  for (const r of roleRows) {
    const role = r.scope.slice('role:'.length);
    const m = overrides.get(role) ?? new Map<string, number>();
    m.set(r.item, r.qty);
    overrides.set(role, m);
  }
  for (const [role, m] of overrides) roles.set(role, mergeEntitlements(base, m));
  return { base, roles, of: (role) => (role ? (roles.get(role) ?? base) : base) };
}

/** The roles held in an intake, with head counts, each role's own rows and the list its people end up with. */
export async function intakeRoles(ctx: ServiceContext, intakeId: string) {
  const [counts, ents] = await Promise.all([
    ctx.db
      .selectFrom('people')
      .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
      .where('intake_id', '=', intakeId)
      .where('role', 'is not', null)
      .groupBy('role')
      .orderBy('role')
      .execute(),
    entitlementsByRole(ctx, intakeId),
  ]);
  return Promise.all(
    counts.map(async (c) => ({
      role: c.role!,
      people: Number(c.n),
      own: await entitlementsOfScope(ctx, roleScope(c.role!)),
      entitlements: ents.of(c.role),
    })),
  );
}

/** The base list with some items' quantities replaced (and items it lacks added, in the order given). */
export function mergeEntitlements(base: Entitlement[], override: Map<string, number>): Entitlement[] {
  const out = base.map((e) => ({ item: e.item, qty: override.get(e.item) ?? e.qty }));
  for (const [item, qty] of override) if (!base.some((e) => e.item === item)) out.push({ item, qty });
  return out.filter((e) => e.qty > 0);
}

export async function setEntitlements(ctx: ServiceContext, actor: Actor, scope: string, rows: Entitlement[]) {
  const items = new Set((await ctx.db.selectFrom('items').select('id').execute()).map((i) => i.id));
  const issues = rows.flatMap((r, i) =>
    items.has(r.item)
      ? []
      : [{ row: i + 1, field: `entitlements.${i}.item`, reason: `unknown item "${r.item}"` }],
  );
  if (issues.length) throw new InputError(issues);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('entitlements').selectAll().where('scope', '=', scope).execute();
    await trx.deleteFrom('entitlements').where('scope', '=', scope).execute();
    if (rows.length) {
      await trx
        .insertInto('entitlements')
        .values(rows.map((r) => ({ scope, item_id: r.item, qty: r.qty })))
        .execute();
    }
    await appendAudit(trx, {
      at: ctx.now(),
      actorId: actor.userId,
      action: 'entitlements.set',
      entity: 'entitlements',
      entityId: scope,
      before,
      after: rows,
    });
  });
}

export async function tariffRows(ctx: ServiceContext, name: string): Promise<TariffRow[]> {
  const rows = await ctx.db.selectFrom('size_tariffs').selectAll().where('name', '=', name).execute();
  return rows.map((r) => ({ item: r.item_id, size: r.size, share: r.share }));
}

export async function setTariff(ctx: ServiceContext, actor: Actor, name: string, rows: TariffRow[]) {
  const variants = new Set(
    (await ctx.db.selectFrom('item_variants').select(['item_id', 'label']).execute()).map(
      (v) => `${v.item_id}\u0000${v.label}`,
    ),
  );
  const issues = rows.flatMap((r, i) =>
    variants.has(`${r.item}\u0000${r.size}`)
      ? []
      : [{ row: i + 1, field: `tariff.${i}`, reason: `the catalogue has no ${r.item} in size "${r.size}"` }],
  );
  if (issues.length) throw new InputError(issues);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('size_tariffs').where('name', '=', name).execute();
    if (rows.length) {
      await trx
        .insertInto('size_tariffs')
        .values(rows.map((r) => ({ name, item_id: r.item, size: r.size, share: r.share })))
        .execute();
    }
    await appendAudit(trx, {
      at: ctx.now(),
      actorId: actor.userId,
      action: 'tariff.set',
      entity: 'size_tariff',
      entityId: name,
      after: { rows: rows.length },
    });
  });
}

export interface IntakePlan extends SupplyPlan {
  intake: string;
  people: number;
  answered: number;
  source: 'answers' | 'tariff' | 'mixed';
  tariff: string;
  demandBySite: DemandRow[];
}

/**
 * The plan for an intake: demand per item × size × site — from resolved answers where people have answered, from
 * the intake's size tariff for everyone (and every item) not yet known — against available and in-transit stock.
 */
export async function planIntake(ctx: ServiceContext, intakeId: string): Promise<IntakePlan> {
  const intake = await ctx.db.selectFrom('intakes').selectAll().where('id', '=', intakeId).executeTakeFirst();
  if (!intake) throw new NotFoundError('intake', intakeId);
  const [entitlements, tariff, resolved, headcount, depots, balances] = await Promise.all([
    entitlementsByRole(ctx, intakeId),
    tariffRows(ctx, intake.tariff),
    resolvedPeople(ctx, intakeId),
    ctx.db
      .selectFrom('people')
      .select(['site_id', 'role', (eb) => eb.fn.countAll<number>().as('n')])
      .where('intake_id', '=', intakeId)
      .groupBy(['site_id', 'role'])
      .execute(),
    ctx.db.selectFrom('depots').select(['id', 'site_id']).execute(),
    listBalances(ctx, {}),
  ]);
  const demand: DemandRow[] = [];
  // People are counted by role, since a role may change what a person is entitled to.
  for (const role of new Set(headcount.map((h) => h.role))) {
    const ofRole = resolved.filter((p) => p.role === role);
    for (const ent of entitlements.of(role)) {
      // Per item: the people whose answers decide it count exactly; everyone else is forecast from the tariff.
      const known = ofRole.filter((p) => p.preferred[ent.item]);
      demand.push(...demandFromPreferred(known, [ent]));
      const knownBySite = new Map<string, number>();
      for (const p of known) knownBySite.set(p.site, (knownBySite.get(p.site) ?? 0) + 1);
      const unknown = headcount
        .filter((h) => h.role === role)
        .map((h) => ({ site: h.site_id, count: Number(h.n) - (knownBySite.get(h.site_id) ?? 0) }))
        .filter((h) => h.count > 0);
      demand.push(...forecastDemand({ peopleBySite: unknown, tariff, entitlements: [ent] }));
    }
  }
  const merged = new Map<string, DemandRow>();
  for (const d of demand) {
    const k = `${d.site}\u0000${d.item}\u0000${d.size}`;
    const row = merged.get(k) ?? { ...d, qty: 0 };
    row.qty += d.qty;
    merged.set(k, row);
  }
  const people = headcount.reduce((s, h) => s + Number(h.n), 0);
  const plan = planSupply({
    demand: [...merged.values()],
    stock: balances.map((b) => ({
      depot: b.depot,
      item: b.item,
      size: b.size,
      available: b.available,
      inTransit: b.inTransit,
    })),
    depots: depots.map((d) => ({ id: d.id, site: d.site_id })),
  });
  return {
    intake: intakeId,
    people,
    answered: resolved.length,
    source: resolved.length === 0 ? 'tariff' : resolved.length >= people ? 'answers' : 'mixed',
    tariff: intake.tariff,
    demandBySite: [...merged.values()],
    ...plan,
  };
}
