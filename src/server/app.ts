import { readFileSync } from 'node:fs';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { appendAudit } from '../db/repositories/audit.ts';
import { ForbiddenError, InputError, LimitError } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import { sessionUser } from '../services/auth.ts';
import type { App, ServerDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { errorResponse, zodIssues } from './errors.ts';
import { RequestRate } from './rate-limit.ts';
import { kitoutRoute } from './route.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerAllocationRoutes } from './routes/allocation.ts';
import { registerAuthRoutes, SESSION_COOKIE } from './routes/auth.ts';
import { registerFormRoutes } from './routes/forms.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerIntakeRoutes } from './routes/intakes.ts';
import { registerPaperRoutes } from './routes/paper.ts';
import { registerPeopleRoutes } from './routes/people.ts';
import { registerPlanningRoutes } from './routes/planning.ts';
import { registerRecordRoutes } from './routes/records.ts';
import { registerReportRoutes } from './routes/reports.ts';
import { registerSizeRoutes } from './routes/sizes.ts';
import { registerStationRoutes } from './routes/stations.ts';
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

  app.onError(async (err, c) => {
    // A refusal is worth knowing about: who asked for what they may not have. Recorded, then answered.
    if (err instanceof ForbiddenError && c.req.path.startsWith('/api/')) {
      await appendAudit(deps.ctx.db, {
        at: deps.ctx.now(),
        actorId: c.get('user')?.id ?? null,
        action: 'access.refused',
        entity: 'route',
        entityId: `${c.req.method} ${c.req.path}`.slice(0, 200),
        after: { reason: err.message },
      }).catch(() => {});
    }
    return errorResponse(err, c);
  });
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
  app.use('/api/*', async function queryLength(c, next) {
    const url = c.req.url;
    const q = url.indexOf('?');
    const length = q < 0 ? 0 : url.length - q - 1;
    if (length > LIMITS.queryChars) throw new LimitError('queryChars', LIMITS.queryChars, length);
    await next();
  });
  const tooLarge = (limit: 'uploadBytes' | 'jsonBodyBytes') => (c: Context) =>
    c.json(
      {
        error: 'limit_exceeded',
        message: `the request is larger than ${LIMITS[limit]} bytes`,
        limit,
        max: LIMITS[limit],
        value: Number(c.req.header('content-length')) || undefined,
      },
      413,
    );
  const uploadLimit = bodyLimit({ maxSize: LIMITS.uploadBytes, onError: tooLarge('uploadBytes') });
  const jsonLimit = bodyLimit({ maxSize: LIMITS.jsonBodyBytes, onError: tooLarge('jsonBodyBytes') });
  app.use('/api/*', async function bodyLimits(c, next) {
    const json = /json/i.test(c.req.header('content-type') ?? '');
    const limit = json ? 'jsonBodyBytes' : 'uploadBytes';
    // A declared length without chunked transfer is checked from the header alone (Node's parser reads no more
    // than it declares). hono's bodyLimit asks for the body stream first, which makes the Node adapter build a
    // full fetch Request (abort signal, web stream) for every call instead of reading the body directly.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      const bytes = Number(length);
      return Number.isFinite(bytes) && bytes <= LIMITS[limit] ? next() : tooLarge(limit)(c);
    }
    return (json ? jsonLimit : uploadLimit)(c, next);
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
  const clock = () => deps.ctx.now().getTime();
  const perAccount = new RequestRate(deps.requestsPerMinute?.account ?? LIMITS.requestsPerMinute, clock);
  const perAddress = new RequestRate(
    deps.requestsPerMinute?.anonymous ?? LIMITS.anonymousRequestsPerMinute,
    clock,
  );
  app.use('/api/*', async function requestRate(c, next) {
    const user = c.get('user');
    const [rate, name] = user
      ? [perAccount, 'requestsPerMinute']
      : [perAddress, 'anonymousRequestsPerMinute'];
    const count = rate.hit(user ? user.id : remoteAddress(c));
    if (count > rate.limit) {
      c.header('Retry-After', '60');
      throw new LimitError(name, rate.limit, count, `more than ${rate.limit} requests a minute: slow down`);
    }
    await next();
  });

  app.use('/api/*', async function sameOriginWrites(c, next) {
    // Cookie-authenticated writes must come from our own pages (CSRF): a browser names where a request comes from
    // in Sec-Fetch-Site and Origin; anything but our own origin is refused. Clients that send neither (the CLI,
    // scripts) are not browsers carrying someone's cookie. After the rate limit, so refusals (audited) are counted.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      if (site && site !== 'same-origin' && site !== 'none')
        throw new ForbiddenError(`cross-site request refused (Sec-Fetch-Site: ${site.slice(0, 20)})`);
      const origin = c.req.header('origin');
      if (origin !== undefined && originHost(origin) !== c.req.header('host'))
        throw new ForbiddenError('cross-site request refused (Origin is not this server)');
    }
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
  registerReportRoutes(app, deps);
  registerPaperRoutes(app, deps);
  registerStationRoutes(app, deps);

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

/** The host of an Origin header, or undefined for `null` and anything unparseable (treated as foreign). */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}

/** The peer address of the connection (no proxy header is trusted for limits), or "local" under app.request. */
function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
