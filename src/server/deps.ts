import type { OpenAPIHono } from '@hono/zod-openapi';
import type { SignInThrottle } from '../services/auth.ts';
import type { Actor, ServiceContext } from '../services/context.ts';
import type { AppEnv } from './env.ts';
import type { SessionCache } from './session-cache.ts';

export interface ServerDeps {
  ctx: ServiceContext;
  throttle: SignInThrottle;
  /** Set cookies with `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** Who is behind recent session tokens; made by createApp when not given. */
  sessions?: SessionCache;
  /** API requests per minute per account and per anonymous address (default from LIMITS). */
  requestsPerMinute?: { account: number; anonymous: number };
}

export type App = OpenAPIHono<AppEnv>;

/** The acting account of a request that passed its role check. */
export function actorOf(c: { get(key: 'user'): AppEnv['Variables']['user'] }): Actor {
  const user = c.get('user');
  return { userId: user?.id ?? null, roles: user?.roles ?? [] };
}
