import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { App, ServerDeps } from '../deps.ts';
import { kitoutRoute } from '../route.ts';
import { json } from '../schemas.ts';

const health = kitoutRoute({
  method: 'get',
  path: '/api/health',
  roles: 'public',
  summary: 'Is the server up and its database reachable',
  responses: {
    200: json(z.object({ ok: z.literal(true), database: z.string(), version: z.string() }), 'Healthy'),
    503: json(
      z.object({ ok: z.literal(false), database: z.string(), error: z.string() }),
      'Database unreachable',
    ),
  },
});

export function registerHealthRoutes(app: App, deps: ServerDeps, version: string): void {
  app.openapi(health, async (c) => {
    try {
      await sql`select 1`.execute(deps.ctx.db);
      return c.json({ ok: true as const, database: deps.ctx.dbKind, version }, 200);
    } catch (err) {
      return c.json({ ok: false as const, database: deps.ctx.dbKind, error: (err as Error).message }, 503);
    }
  });
}
