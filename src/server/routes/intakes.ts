import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { ANY_ROLE, OFFICE } from '../../domain/accounts/roles.ts';
import { InputError } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';
import { createIntake, getIntake, listIntakes, listPeople } from '../../services/records.ts';
import { importRoster } from '../../services/roster-import.ts';
import { type App, actorOf, type ServerDeps } from '../deps.ts';
import { kitoutRoute } from '../route.ts';
import {
  errorResponses,
  IdempotencyHeader,
  IdParam,
  IntakeSchema,
  json,
  NewIntakeSchema,
  PeoplePageSchema,
  RosterImportResultSchema,
} from '../schemas.ts';

const list = kitoutRoute({
  method: 'get',
  path: '/api/intakes',
  roles: ANY_ROLE,
  summary: 'Intakes, newest first, with their head counts',
  responses: { 200: json(z.object({ intakes: z.array(IntakeSchema) }), 'Intakes'), 401: errorResponses[401] },
});

const create = kitoutRoute({
  method: 'post',
  path: '/api/intakes',
  roles: OFFICE,
  summary: 'Open a new intake',
  request: { body: { content: { 'application/json': { schema: NewIntakeSchema } }, required: true } },
  responses: {
    201: json(z.object({ intake: IntakeSchema }), 'Created'),
    ...errorResponses,
  },
});

const get = kitoutRoute({
  method: 'get',
  path: '/api/intakes/{id}',
  roles: ANY_ROLE,
  summary: 'One intake',
  request: { params: IdParam },
  responses: { 200: json(z.object({ intake: IntakeSchema }), 'The intake'), ...errorResponses },
});

const people = kitoutRoute({
  method: 'get',
  path: '/api/intakes/{id}/people',
  roles: ANY_ROLE,
  summary: "A page of the intake's roster, with search over ids and names in every script",
  request: {
    params: IdParam,
    query: z.object({
      q: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    }),
  },
  responses: { 200: json(PeoplePageSchema, 'People'), ...errorResponses },
});

const roster = kitoutRoute({
  method: 'post',
  path: '/api/intakes/{id}/roster',
  roles: OFFICE,
  summary: 'Import a roster file (CSV or XLSX) into the intake, all or nothing',
  request: {
    params: IdParam,
    headers: IdempotencyHeader,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
    },
  },
  responses: {
    200: json(RosterImportResultSchema, 'Imported'),
    ...errorResponses,
    413: json(z.object({ error: z.string(), message: z.string() }), 'File too large'),
  },
});

export function registerIntakeRoutes(app: App, deps: ServerDeps): void {
  app.openapi(list, async (c) => {
    const rows = await listIntakes(deps.ctx);
    return c.json({ intakes: rows.map((r) => ({ ...r, people: Number(r.people) })) }, 200);
  });

  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    await createIntake(deps.ctx, actorOf(c), body);
    return c.json({ intake: await getIntake(deps.ctx, body.id) }, 201);
  });

  app.openapi(get, async (c) => c.json({ intake: await getIntake(deps.ctx, c.req.valid('param').id) }, 200));

  app.openapi(people, async (c) => {
    const { id } = c.req.valid('param');
    await getIntake(deps.ctx, id);
    const query = c.req.valid('query');
    return c.json(await listPeople(deps.ctx, { intakeId: id, ...query }), 200);
  });

  app.openapi(roster, async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form') as { file?: unknown };
    const file = form.file;
    if (!(file instanceof File))
      throw new InputError([{ field: 'file', reason: 'attach the roster as a file field' }]);
    if (file.size > LIMITS.uploadBytes) {
      throw new InputError([
        { file: file.name, field: 'file', reason: `larger than ${LIMITS.uploadBytes} bytes` },
      ]);
    }
    const result = await importRoster(deps.ctx, actorOf(c), {
      intakeId: id,
      fileName: file.name || 'roster',
      stream: Readable.from(Buffer.from(await file.arrayBuffer())),
      size: file.size,
      idempotencyKey: c.req.valid('header')['idempotency-key'],
    });
    return c.json(result, 200);
  });
}
