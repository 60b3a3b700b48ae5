import { z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ANY_ROLE } from '../../domain/accounts/roles.ts';
import { signIn, signOut } from '../../services/auth.ts';
import type { App, ServerDeps } from '../deps.ts';
import { kitoutRoute } from '../route.ts';
import { ErrorSchema, errorResponses, json, LoginSchema, UserSchema } from '../schemas.ts';

export const SESSION_COOKIE = 'kitout_session';

const login = kitoutRoute({
  method: 'post',
  path: '/api/auth/login',
  roles: 'public',
  summary: 'Sign in; sets an httpOnly session cookie',
  request: { body: { content: { 'application/json': { schema: LoginSchema } }, required: true } },
  responses: {
    200: json(z.object({ user: UserSchema, expiresAt: z.string() }), 'Signed in'),
    400: errorResponses[400],
    401: json(ErrorSchema, 'Wrong username or password'),
    429: json(ErrorSchema, 'Too many failed sign-ins'),
  },
});

const logout = kitoutRoute({
  method: 'post',
  path: '/api/auth/logout',
  roles: ANY_ROLE,
  summary: 'Sign out and end the session',
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Signed out'), 401: errorResponses[401] },
});

const me = kitoutRoute({
  method: 'get',
  path: '/api/auth/me',
  roles: ANY_ROLE,
  summary: 'The signed-in account',
  responses: { 200: json(z.object({ user: UserSchema }), 'The account'), 401: errorResponses[401] },
});

export function registerAuthRoutes(app: App, deps: ServerDeps): void {
  app.openapi(login, async (c) => {
    const body = c.req.valid('json');
    const address = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    const result = await signIn(deps.ctx, deps.throttle, { ...body, address });
    const old = c.get('sessionToken');
    if (old) {
      deps.sessions?.drop(old);
      await signOut(deps.ctx, old);
    }
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: deps.secureCookies,
      path: '/',
      expires: result.expiresAt,
    });
    return c.json({ user: result.user, expiresAt: result.expiresAt.toISOString() }, 200);
  });

  app.openapi(logout, async (c) => {
    deps.sessions?.drop(c.get('sessionToken'));
    await signOut(deps.ctx, c.get('sessionToken'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(me, (c) => c.json({ user: c.get('user')! }, 200));
}
