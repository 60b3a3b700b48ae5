import { z } from '@hono/zod-openapi';
import { ANY_ROLE } from '../../domain/accounts/roles.ts';
import { listDepots, listItems, listSites } from '../../services/records.ts';
import type { App, ServerDeps } from '../deps.ts';
import { kitoutRoute } from '../route.ts';
import { DepotSchema, errorResponses, ItemSchema, json, SiteSchema } from '../schemas.ts';

const sites = kitoutRoute({
  method: 'get',
  path: '/api/sites',
  roles: ANY_ROLE,
  summary: 'Issue sites',
  responses: { 200: json(z.object({ sites: z.array(SiteSchema) }), 'Sites'), 401: errorResponses[401] },
});

const depots = kitoutRoute({
  method: 'get',
  path: '/api/depots',
  roles: ANY_ROLE,
  summary: 'Depots',
  responses: { 200: json(z.object({ depots: z.array(DepotSchema) }), 'Depots'), 401: errorResponses[401] },
});

const items = kitoutRoute({
  method: 'get',
  path: '/api/items',
  roles: ANY_ROLE,
  summary: 'Catalogue items with their size grids',
  responses: { 200: json(z.object({ items: z.array(ItemSchema) }), 'Catalogue'), 401: errorResponses[401] },
});

export function registerRecordRoutes(app: App, deps: ServerDeps): void {
  app.openapi(sites, async (c) => c.json({ sites: await listSites(deps.ctx) }, 200));
  app.openapi(depots, async (c) => c.json({ depots: await listDepots(deps.ctx) }, 200));
  app.openapi(items, async (c) => c.json({ items: await listItems(deps.ctx) }, 200));
}
