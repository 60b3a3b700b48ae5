import { z } from '@hono/zod-openapi';
import { ANY_ROLE } from '../../domain/accounts/roles.ts';
import { readSizeProfile, writeSizeProfile } from '../../services/size-profile.ts';
import { chartOf, convertSize, listSizeSystems, resolveSizes } from '../../services/sizes.ts';
import { type App, actorOf, type ServerDeps } from '../deps.ts';
import { kitoutRoute } from '../route.ts';
import { errorResponses, json } from '../schemas.ts';
import {
  BodySchema,
  ChartSchema,
  ConversionSchema,
  ConvertQuerySchema,
  ResolveRequestSchema,
  ResolveSchema,
  SizeProfileOverrideSchema,
  SizeProfileSchema,
  SizeSystemSchema,
} from './sizes-schemas.ts';

const systems = kitoutRoute({
  method: 'get',
  path: '/api/sizes/systems',
  roles: ANY_ROLE,
  summary: 'The size systems under the organisation’s profile: names, rules, labels',
  responses: {
    200: json(z.object({ systems: z.array(SizeSystemSchema) }), 'Size systems'),
    ...errorResponses,
  },
});

const convert = kitoutRoute({
  method: 'get',
  path: '/api/sizes/convert',
  roles: ANY_ROLE,
  summary:
    'Convert a size label to another system, or to body intervals with to=body (as `kitout sizes convert`)',
  request: { query: ConvertQuerySchema },
  responses: {
    200: json(z.union([ConversionSchema, BodySchema]), 'The conversion, or the body when to=body'),
    ...errorResponses,
  },
});

const chart = kitoutRoute({
  method: 'get',
  path: '/api/sizes/chart',
  roles: ANY_ROLE,
  summary: 'Every label of a system converted into every other system of the same body part',
  request: { query: z.object({ system: z.string().min(1).max(40).openapi({ example: 'ru-garment' }) }) },
  responses: { 200: json(ChartSchema, 'The size chart'), ...errorResponses },
});

const resolve = kitoutRoute({
  method: 'post',
  path: '/api/sizes/resolve',
  roles: ANY_ROLE,
  summary: 'A person’s best size of each catalogue item, from labels in any systems and/or measurements',
  request: { body: { content: { 'application/json': { schema: ResolveRequestSchema } }, required: true } },
  responses: { 200: json(ResolveSchema, 'Body estimate and the size of each item'), ...errorResponses },
});

const getProfile = kitoutRoute({
  method: 'get',
  path: '/api/sizes/profile',
  roles: ANY_ROLE,
  summary: 'The organisation’s size profile: its overrides, the profile in force and the defaults',
  responses: { 200: json(SizeProfileSchema, 'The size profile'), ...errorResponses },
});

const putProfile = kitoutRoute({
  method: 'put',
  path: '/api/sizes/profile',
  roles: ['admin'],
  summary: 'Replace the size-profile overrides; catalogue fits are recomputed and the change audited',
  request: {
    body: { content: { 'application/json': { schema: SizeProfileOverrideSchema } }, required: true },
  },
  responses: {
    200: json(SizeProfileSchema.extend({ refitted: z.number().int() }), 'Saved'),
    ...errorResponses,
  },
});

export function registerSizeRoutes(app: App, deps: ServerDeps): void {
  app.openapi(systems, async (c) => c.json({ systems: await listSizeSystems(deps.ctx) }, 200));
  app.openapi(convert, async (c) => c.json(await convertSize(deps.ctx, c.req.valid('query')), 200));
  app.openapi(chart, async (c) => c.json(await chartOf(deps.ctx, c.req.valid('query').system), 200));
  app.openapi(resolve, async (c) => c.json(await resolveSizes(deps.ctx, c.req.valid('json')), 200));
  app.openapi(getProfile, async (c) => c.json(await readSizeProfile(deps.ctx), 200));
  app.openapi(putProfile, async (c) =>
    c.json(await writeSizeProfile(deps.ctx, actorOf(c), c.req.valid('json')), 200),
  );
}
