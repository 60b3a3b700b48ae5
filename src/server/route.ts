import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { mayCall, type Role } from '../domain/accounts/roles.ts';
import { ForbiddenError, InputError, UnauthenticatedError } from '../domain/errors.ts';
import type { AppEnv } from './env.ts';

/**
 * A route's declaration: its OpenAPI shape plus the roles that may call it. `roles: 'public'` opens it to anyone.
 * The role check is route middleware, so it runs before the body is parsed: an unauthorised caller learns
 * nothing about what a valid body would be.
 */
export type KitoutRouteConfig = Omit<RouteConfig, 'security' | 'middleware'> & {
  roles: readonly Role[] | 'public';
};

export function kitoutRoute<R extends KitoutRouteConfig>(config: R) {
  const { roles, ...route } = config;
  const declared = {
    ...route,
    security: roles === 'public' ? [] : [{ session: [] }],
    'x-roles': roles === 'public' ? [] : [...roles],
    middleware: roles === 'public' ? [] : [requireRoles(roles)],
  };
  return createRoute(declared as unknown as Omit<R, 'roles'> & { middleware: MiddlewareHandler<AppEnv>[] });
}

export function requireRoles(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async function requireRolesMiddleware(c, next) {
    const user = c.get('user');
    if (!user) throw new UnauthenticatedError('sign in first');
    if (!mayCall(user.roles, roles)) {
      throw new ForbiddenError(`this needs one of the roles: ${roles.join(', ')}`);
    }
    await next();
  };
}

/** The Idempotency-Key of a write that must carry one, or a 400 naming the header and what needs it. */
export function requireIdempotencyKey(header: string | undefined, what: string): string {
  if (!header)
    throw new InputError([{ field: 'Idempotency-Key', reason: `${what} an Idempotency-Key header` }]);
  return header;
}
