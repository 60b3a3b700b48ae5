import type { SessionUser } from '../services/auth.ts';

/** What middleware puts on the request context for handlers. */
export interface AppEnv {
  Variables: {
    user: SessionUser | undefined;
    sessionToken: string | undefined;
  };
}
