import { z } from '@hono/zod-openapi';
import { ANY_ROLE } from '../../domain/accounts/roles.ts';
import { LIMITS } from '../../domain/limits.ts';
import {
  acceptRun,
  diffRuns,
  getRun,
  listRuns,
  runAllocation,
  runPeople,
} from '../../services/allocation-run.ts';
import { StockRefusal } from '../../services/ledger.ts';
import { getIntake } from '../../services/records.ts';
import { type App, actorOf, type ServerDeps } from '../deps.ts';
import { kitoutRoute, requireIdempotencyKey } from '../route.ts';
import { ErrorSchema, errorResponses, IdempotencyHeader, IdParam, json } from '../schemas.ts';

const RunSchema = z
  .object({
    id: z.string(),
    intake: z.string(),
    status: z.string(),
    objective: z.number(),
    unmet: z.number(),
    createdAt: z.string(),
    summary: z.object({
      people: z.number(),
      answered: z.number(),
      items: z.array(
        z.object({
          item: z.string(),
          demand: z.number(),
          preferred: z.number(),
          substituted: z.number(),
          unmet: z.number(),
        }),
      ),
      shortages: z.array(
        z.object({ item: z.string(), size: z.string(), site: z.string(), unmet: z.number() }),
      ),
      reservations: z.array(
        z.object({ depot: z.string(), item: z.string(), size: z.string(), qty: z.number() }),
      ),
    }),
  })
  .openapi('AllocationRun');

const RunParam = z.object({
  run: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'run', in: 'path' } }),
});
const OFFICE_STOCK = ['admin', 'planner'] as const;

const run = kitoutRoute({
  method: 'post',
  path: '/api/intakes/{id}/allocation',
  roles: OFFICE_STOCK,
  summary: 'Run the allocation for an intake on the stock as it is now (proposed until accepted)',
  request: { params: IdParam },
  responses: { 201: json(RunSchema, 'The proposed run'), ...errorResponses },
});

const runs = kitoutRoute({
  method: 'get',
  path: '/api/intakes/{id}/allocation',
  roles: ANY_ROLE,
  summary: "The intake's allocation runs, newest first",
  request: { params: IdParam },
  responses: { 200: json(z.object({ runs: z.array(RunSchema) }), 'Runs'), ...errorResponses },
});

const one = kitoutRoute({
  method: 'get',
  path: '/api/allocation-runs/{run}',
  roles: ANY_ROLE,
  summary: 'One run: summary, shortages per item, size and site, reservations per depot',
  request: { params: RunParam },
  responses: { 200: json(RunSchema, 'The run'), 404: json(ErrorSchema, 'No such run'), ...errorResponses },
});

const people = kitoutRoute({
  method: 'get',
  path: '/api/allocation-runs/{run}/people',
  roles: ANY_ROLE,
  summary: "Each person's outcome per item with the reason, paged",
  request: {
    params: RunParam,
    query: z.object({
      only: z.enum(['unmet', 'substituted']).optional(),
      person: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: json(z.object({ total: z.number(), rows: z.array(z.record(z.string(), z.unknown())) }), 'Outcomes'),
    ...errorResponses,
  },
});

const accept = kitoutRoute({
  method: 'post',
  path: '/api/allocation-runs/{run}/accept',
  roles: OFFICE_STOCK,
  summary:
    "Accept a run: release the intake's previous reservations and reserve this run's (requires Idempotency-Key)",
  request: { params: RunParam, headers: IdempotencyHeader },
  responses: {
    200: json(RunSchema, 'Accepted'),
    409: json(
      ErrorSchema.extend({ rule: z.string().optional() }),
      'Superseded, or stock moved since the run',
    ),
    404: json(ErrorSchema, 'No such run'),
    ...errorResponses,
  },
});

const diff = kitoutRoute({
  method: 'get',
  path: '/api/allocation-runs/{run}/diff',
  roles: ANY_ROLE,
  summary: 'What changed for people between another run (default: the accepted one) and this one',
  request: { params: RunParam, query: z.object({ from: z.string().max(100).optional() }) },
  responses: {
    200: json(
      z.object({ from: z.string().nullable(), changes: z.array(z.record(z.string(), z.unknown())) }),
      'Changes',
    ),
    ...errorResponses,
  },
});

export function registerAllocationRoutes(app: App, deps: ServerDeps): void {
  app.openapi(run, async (c) =>
    c.json(await runAllocation(deps.ctx, actorOf(c), c.req.valid('param').id), 201),
  );

  app.openapi(runs, async (c) => {
    const { id } = c.req.valid('param');
    await getIntake(deps.ctx, id);
    return c.json({ runs: await listRuns(deps.ctx, id) }, 200);
  });

  app.openapi(one, async (c) => c.json(await getRun(deps.ctx, c.req.valid('param').run), 200));

  app.openapi(people, async (c) => {
    const { run: id } = c.req.valid('param');
    await getRun(deps.ctx, id);
    const page = await runPeople(deps.ctx, id, c.req.valid('query'));
    return c.json({ total: page.total, rows: page.rows as unknown as Record<string, unknown>[] }, 200);
  });

  app.openapi(accept, async (c) => {
    const key = requireIdempotencyKey(c.req.valid('header')['idempotency-key'], 'accepting a run needs');
    try {
      return c.json(await acceptRun(deps.ctx, actorOf(c), c.req.valid('param').run, key), 200);
    } catch (err) {
      if (err instanceof StockRefusal)
        return c.json({ error: 'refused', rule: err.rule, message: err.message }, 409);
      throw err;
    }
  });

  app.openapi(diff, async (c) => {
    const { run: id } = c.req.valid('param');
    const target = await getRun(deps.ctx, id);
    const from =
      c.req.valid('query').from ??
      (await listRuns(deps.ctx, target.intake)).find((r) => r.status === 'accepted' && r.id !== id)?.id;
    if (!from) return c.json({ from: null, changes: [] }, 200);
    return c.json(
      { from, changes: (await diffRuns(deps.ctx, from, id)) as unknown as Record<string, unknown>[] },
      200,
    );
  });
}
