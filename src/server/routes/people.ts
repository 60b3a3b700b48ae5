import { z } from '@hono/zod-openapi';
import { ANY_ROLE } from '../../domain/accounts/roles.ts';
import { getPerson } from '../../services/records.ts';
import type { App, ServerDeps } from '../deps.ts';
import { kitoutRoute } from '../route.ts';
import { ErrorSchema, errorResponses, IdParam, json, PersonDetailSchema } from '../schemas.ts';

const get = kitoutRoute({
  method: 'get',
  path: '/api/people/{id}',
  roles: ANY_ROLE,
  summary: 'One person of any intake, by id (ids are unique across intakes)',
  request: { params: IdParam },
  responses: {
    200: json(z.object({ person: PersonDetailSchema }), 'The person'),
    ...errorResponses,
    404: json(ErrorSchema, 'No person has this id'),
  },
});

export function registerPeopleRoutes(app: App, deps: ServerDeps): void {
  app.openapi(get, async (c) => c.json({ person: await getPerson(deps.ctx, c.req.valid('param').id) }, 200));
}
