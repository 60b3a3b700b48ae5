import { z } from '@hono/zod-openapi';
import { tableToCsv } from '../../adapters/tabular/write-table.ts';
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

const auditExport = kitoutRoute({
  method: 'get',
  path: '/api/audit/export',
  roles: ['admin'],
  summary: 'The whole audit log as CSV (oldest first), or the rows of one action or entity',
  request: {
    query: z.object({
      entity: z.string().max(50).optional(),
      action: z.string().max(100).optional(),
    }),
  },
  responses: {
    200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
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

  app.openapi(auditExport, async (c) => {
    const filter = c.req.valid('query');
    const db = deps.ctx.db;
    let after = 0;
    let header = true;
    // Streamed a page at a time (keyset on id), so a log of millions of rows never sits in memory.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let query = db
          .selectFrom('audit_log')
          .leftJoin('users', 'users.id', 'audit_log.actor_id')
          .select([
            'audit_log.id',
            'audit_log.at',
            'users.username as actor',
            'audit_log.actor_id',
            'audit_log.action',
            'audit_log.entity',
            'audit_log.entity_id',
            'audit_log.before',
            'audit_log.after',
          ])
          .where('audit_log.id', '>', String(after))
          .orderBy('audit_log.id')
          .limit(5000);
        if (filter.entity) query = query.where('audit_log.entity', '=', filter.entity);
        if (filter.action) query = query.where('audit_log.action', '=', filter.action);
        const rows = await query.execute();
        const table = tableToCsv({
          name: 'audit',
          columns: ['id', 'at', 'actor', 'actor_id', 'action', 'entity', 'entity_id', 'before', 'after'],
          rows: rows.map((r) => [
            Number(r.id),
            new Date(r.at),
            r.actor,
            r.actor_id,
            r.action,
            r.entity,
            r.entity_id,
            r.before === null ? '' : JSON.stringify(r.before),
            r.after === null ? '' : JSON.stringify(r.after),
          ]),
        });
        // The header (and the BOM) once, at the top.
        const text = header ? table : table.subarray(table.indexOf(0x0a) + 1);
        header = false;
        if (text.length) controller.enqueue(new Uint8Array(text));
        if (rows.length < 5000) controller.close();
        else after = Number(rows.at(-1)!.id);
      },
    });
    const stamp = deps.ctx.now().toISOString().slice(0, 10);
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${stamp}.csv"`,
    });
  });

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
