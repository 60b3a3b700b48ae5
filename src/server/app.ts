import { readFileSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { ForbiddenError, InputError } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import { sessionUser } from '../services/auth.ts';
import type { App, ServerDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { errorResponse, zodIssues } from './errors.ts';
import { kitoutRoute } from './route.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerAllocationRoutes } from './routes/allocation.ts';
import { registerAuthRoutes, SESSION_COOKIE } from './routes/auth.ts';
import { registerFormRoutes } from './routes/forms.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerIntakeRoutes } from './routes/intakes.ts';
import { registerPeopleRoutes } from './routes/people.ts';
import { registerPlanningRoutes } from './routes/planning.ts';
import { registerRecordRoutes } from './routes/records.ts';
import { registerSizeRoutes } from './routes/sizes.ts';
import { registerStockRoutes } from './routes/stock.ts';
import { SessionCache } from './session-cache.ts';

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface AppOptions {
  /** The built web UI to serve at `/` (absent in API-only tests). */
  webRoot?: string;
}

/** The whole HTTP surface: JSON API under /api, its OpenAPI document, and the web UI. */
export function createApp(deps: ServerDeps, options: AppOptions = {}): App {
  deps.sessions ??= new SessionCache(() => deps.ctx.now().getTime());
  const sessions = deps.sessions;
  const app: App = new OpenAPIHono<AppEnv>({
    // A body or query that fails its schema: 400 with every problem and the field it is in.
    defaultHook: (result) => {
      if (!result.success)
        throw new InputError(zodIssues(result.error, result.target === 'json' ? undefined : result.target));
    },
  });

  app.onError((err, c) => errorResponse(err, c));
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: 'not_found', message: `no such API route: ${c.req.method} ${c.req.path}` }, 404)
      : c.text('not found', 404),
  );

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: LIMITS.uploadBytes,
      onError: (c) =>
        c.json(
          { error: 'too_large', message: `the request is larger than ${LIMITS.uploadBytes} bytes` },
          413,
        ),
    }),
  );
  app.use('/api/*', async function sameOriginWrites(c, next) {
    // Cookie-authenticated writes must come from our own pages: a foreign Origin is refused (CSRF).
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && new URL(origin).host !== c.req.header('host')) {
        throw new ForbiddenError('cross-site request refused');
      }
    }
    await next();
  });
  app.use('/api/*', async function loadSession(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('sessionToken', token);
    let user = token ? sessions.get(token) : undefined;
    if (!user) {
      user = { user: await sessionUser(deps.ctx, token) };
      if (token) sessions.set(token, user.user);
    }
    c.set('user', user.user);
    await next();
  });

  registerHealthRoutes(app, deps, version);
  registerAuthRoutes(app, deps);
  registerRecordRoutes(app, deps);
  registerIntakeRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerStockRoutes(app, deps);
  registerPlanningRoutes(app, deps);
  registerAllocationRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerFormRoutes(app, deps);
  registerSizeRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  const docConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Kitout API',
      version,
      description:
        'Sizing questionnaires, stock and kit issue. Every operation lists its roles under x-roles.',
    },
  };
  // The document describes itself too, as an operation open to anyone.
  app.openapi(
    kitoutRoute({
      method: 'get',
      path: '/api/openapi.json',
      roles: 'public',
      summary: 'This OpenAPI document',
      responses: {
        200: {
          description: 'OpenAPI 3.1',
          content: { 'application/json': { schema: z.object({}).passthrough() } },
        },
      },
    }),
    (c) => c.json(app.getOpenAPI31Document(docConfig), 200),
  );

  if (options.webRoot) {
    const root = options.webRoot;
    app.use('/*', serveStatic({ root }));
    // The web UI routes on the client: any other path gets the app's page.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}
