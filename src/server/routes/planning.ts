import { z } from '@hono/zod-openapi';
import { ANY_ROLE, OFFICE, STOCK } from '../../domain/accounts/roles.ts';
import { tariffFromPreferred } from '../../domain/planning/index.ts';
import {
  entitlementsFor,
  entitlementsOfScope,
  intakeRoles,
  planIntake,
  setEntitlements,
  setTariff,
  tariffRows,
} from '../../services/planning.ts';
import { getIntake } from '../../services/records.ts';
import { resolvedPeople } from '../../services/resolution.ts';
import { type App, actorOf, type ServerDeps } from '../deps.ts';
import { kitoutRoute } from '../route.ts';
import { errorResponses, IdParam, json } from '../schemas.ts';

const EntitlementSchema = z.object({
  item: z.string().min(1).max(64),
  qty: z.number().int().min(0).max(100),
});
const TariffRowSchema = z.object({
  item: z.string().min(1).max(64),
  size: z.string().min(1).max(32),
  share: z.number().min(0).max(1e6),
});
const ScopeSchema = z.union([
  z.literal('default'),
  z.string().regex(/^intake:[A-Za-z0-9._-]+$/),
  z.string().regex(/^role:[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u),
]);

const PlanSchema = z
  .object({
    intake: z.string(),
    people: z.number(),
    answered: z.number(),
    source: z.enum(['answers', 'tariff', 'mixed']),
    tariff: z.string(),
    rows: z.array(
      z.object({
        item: z.string(),
        size: z.string(),
        demand: z.number(),
        available: z.number(),
        inTransit: z.number(),
        net: z.number(),
      }),
    ),
    transfers: z.array(
      z.object({ item: z.string(), size: z.string(), from: z.string(), to: z.string(), qty: z.number() }),
    ),
    buy: z.array(z.object({ item: z.string(), size: z.string(), qty: z.number() })),
    bySite: z.array(
      z.object({
        site: z.string(),
        item: z.string(),
        size: z.string(),
        demand: z.number(),
        covered: z.number(),
      }),
    ),
  })
  .openapi('IntakePlan');

const plan = kitoutRoute({
  method: 'get',
  path: '/api/intakes/{id}/plan',
  roles: STOCK,
  summary: "The intake's demand per item × size against stock: transfers between depots and a buy list",
  request: { params: IdParam },
  responses: { 200: json(PlanSchema, 'The plan'), ...errorResponses },
});

const getEntitlements = kitoutRoute({
  method: 'get',
  path: '/api/entitlements',
  roles: ANY_ROLE,
  summary:
    'What each person is entitled to: the organisation default, an intake’s own (scope intake:<id>), or the items a role changes (scope role:<name>)',
  request: { query: z.object({ scope: ScopeSchema.default('default') }) },
  responses: {
    200: json(z.object({ scope: z.string(), entitlements: z.array(EntitlementSchema) }), 'Entitlements'),
    ...errorResponses,
  },
});

const putEntitlements = kitoutRoute({
  method: 'put',
  path: '/api/entitlements',
  roles: OFFICE,
  summary: 'Set the entitlements of a scope (replaces them)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ scope: ScopeSchema, entitlements: z.array(EntitlementSchema).max(500) }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(z.object({ scope: z.string(), entitlements: z.array(EntitlementSchema) }), 'Saved'),
    ...errorResponses,
  },
});

const getRoleEntitlements = kitoutRoute({
  method: 'get',
  path: '/api/intakes/{id}/roles',
  roles: ANY_ROLE,
  summary: 'The roles of an intake’s people, how many hold each, and what each role’s own list changes',
  request: { params: IdParam },
  responses: {
    200: json(
      z.object({
        intake: z.string(),
        roles: z.array(
          z.object({
            role: z.string(),
            people: z.number().int(),
            own: z.array(EntitlementSchema),
            entitlements: z.array(EntitlementSchema),
          }),
        ),
      }),
      'Roles',
    ),
    ...errorResponses,
  },
});

const TariffName = z.object({
  name: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/)
    .openapi({ param: { name: 'name', in: 'path' } }),
});

const getTariff = kitoutRoute({
  method: 'get',
  path: '/api/tariffs/{name}',
  roles: ANY_ROLE,
  summary: 'A size tariff: the share of each size per item',
  request: { params: TariffName },
  responses: {
    200: json(z.object({ name: z.string(), rows: z.array(TariffRowSchema) }), 'The tariff'),
    ...errorResponses,
  },
});

const putTariff = kitoutRoute({
  method: 'put',
  path: '/api/tariffs/{name}',
  roles: OFFICE,
  summary: 'Enter a size tariff by hand (replaces it)',
  request: {
    params: TariffName,
    body: {
      content: { 'application/json': { schema: z.object({ rows: z.array(TariffRowSchema).max(10_000) }) } },
      required: true,
    },
  },
  responses: {
    200: json(z.object({ name: z.string(), rows: z.array(TariffRowSchema) }), 'Saved'),
    ...errorResponses,
  },
});

const learnTariff = kitoutRoute({
  method: 'post',
  path: '/api/tariffs/{name}/learn',
  roles: OFFICE,
  summary: "Learn a size tariff from an intake's resolved answers (a past intake teaches the next one)",
  request: {
    params: TariffName,
    body: {
      content: { 'application/json': { schema: z.object({ intake: z.string().min(1).max(64) }) } },
      required: true,
    },
  },
  responses: {
    200: json(z.object({ name: z.string(), people: z.number(), rows: z.array(TariffRowSchema) }), 'Learnt'),
    ...errorResponses,
  },
});

export function registerPlanningRoutes(app: App, deps: ServerDeps): void {
  app.openapi(plan, async (c) => {
    const p = await planIntake(deps.ctx, c.req.valid('param').id);
    return c.json(
      {
        intake: p.intake,
        people: p.people,
        answered: p.answered,
        source: p.source,
        tariff: p.tariff,
        rows: p.rows,
        transfers: p.transfers,
        buy: p.buy,
        bySite: p.bySite,
      },
      200,
    );
  });

  app.openapi(getEntitlements, async (c) => {
    const { scope } = c.req.valid('query');
    if (scope.startsWith('role:'))
      return c.json({ scope, entitlements: await entitlementsOfScope(deps.ctx, scope) }, 200);
    const intake = scope.startsWith('intake:') ? scope.slice(7) : undefined;
    return c.json({ scope, entitlements: await entitlementsFor(deps.ctx, intake) }, 200);
  });

  app.openapi(getRoleEntitlements, async (c) => {
    const { id } = c.req.valid('param');
    await getIntake(deps.ctx, id);
    return c.json({ intake: id, roles: await intakeRoles(deps.ctx, id) }, 200);
  });

  app.openapi(putEntitlements, async (c) => {
    const { scope, entitlements } = c.req.valid('json');
    if (scope.startsWith('intake:')) await getIntake(deps.ctx, scope.slice(7));
    await setEntitlements(deps.ctx, actorOf(c), scope, entitlements);
    return c.json({ scope, entitlements }, 200);
  });

  app.openapi(getTariff, async (c) => {
    const { name } = c.req.valid('param');
    return c.json({ name, rows: await tariffRows(deps.ctx, name) }, 200);
  });

  app.openapi(putTariff, async (c) => {
    const { name } = c.req.valid('param');
    const { rows } = c.req.valid('json');
    await setTariff(deps.ctx, actorOf(c), name, rows);
    return c.json({ name, rows }, 200);
  });

  app.openapi(learnTariff, async (c) => {
    const { name } = c.req.valid('param');
    const { intake } = c.req.valid('json');
    await getIntake(deps.ctx, intake);
    const people = await resolvedPeople(deps.ctx, intake);
    const rows = tariffFromPreferred(people);
    await setTariff(deps.ctx, actorOf(c), name, rows);
    return c.json({ name, people: people.length, rows }, 200);
  });
}
