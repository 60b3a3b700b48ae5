import { z } from '@hono/zod-openapi';
import { listAudit } from '../../db/repositories/audit.ts';
import { LIMITS } from '../../domain/limits.ts';
import { createUser } from '../../services/auth.ts';
import { type App, actorOf, type ServerDeps } from '../deps.ts';
import { kitoutRoute } from '../route.ts';
import { AuditRowSchema, errorResponses, json, NewUserSchema, UserSchema } from '../schemas.ts';

const audit = kitoutRoute({
  method: 'get',
  path: '/api/audit',
  roles: ['admin'],
  summary: 'The audit log, newest first',
  request: {
    query: z.object({
      entity: z.string().max(50).optional(),
      action: z.string().max(100).optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(100),
    }),
  },
  responses: { 200: json(z.object({ rows: z.array(AuditRowSchema) }), 'Audit rows'), ...errorResponses },
});

const users = kitoutRoute({
  method: 'get',
  path: '/api/users',
  roles: ['admin'],
  summary: 'Accounts',
  responses: { 200: json(z.object({ users: z.array(UserSchema) }), 'Accounts'), ...errorResponses },
});

const newUser = kitoutRoute({
  method: 'post',
  path: '/api/users',
  roles: ['admin'],
  summary: 'Create an account',
  request: { body: { content: { 'application/json': { schema: NewUserSchema } }, required: true } },
  responses: { 201: json(z.object({ user: UserSchema }), 'Created'), ...errorResponses },
});

export function registerAdminRoutes(app: App, deps: ServerDeps): void {
  app.openapi(audit, async (c) => c.json({ rows: await listAudit(deps.ctx.db, c.req.valid('query')) }, 200));

  app.openapi(users, async (c) => {
    const rows = await deps.ctx.db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'roles', 'language'])
      .orderBy('username')
      .execute();
    return c.json(
      {
        users: rows.map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.display_name,
          roles: u.roles,
          language: u.language,
        })),
      },
      200,
    );
  });

  app.openapi(newUser, async (c) =>
    c.json({ user: await createUser(deps.ctx, actorOf(c), c.req.valid('json')) }, 201),
  );
}
