import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { mayCall, type Role } from '../../../src/domain/accounts/roles.ts';
import { ApiError } from '../api/api-error.ts';
import { api, setUnauthorizedHandler } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { applyAccountLanguage } from '../i18n/setup.ts';

type Session = { status: 'checking' } | { status: 'signed-out' } | { status: 'signed-in'; user: User };

interface AuthValue {
  session: Session;
  signIn(username: string, password: string): Promise<User>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Holds who is signed in. Any 401 from the API ends the session here, which sends the app back to sign-in. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'checking' });

  useEffect(() => {
    setUnauthorizedHandler(() => setSession({ status: 'signed-out' }));
    const controller = new AbortController();
    api<{ user: User }>('/api/auth/me', { signal: controller.signal })
      .then(({ user }) => {
        applyAccountLanguage(user.language);
        setSession({ status: 'signed-in', user });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        // Not signed in, or the server is away: either way the sign-in page is where to start.
        if (!(err instanceof ApiError) || err.status !== 401)
          console.warn('kitout: session check failed', err);
        setSession({ status: 'signed-out' });
      });
    return () => {
      controller.abort();
      setUnauthorizedHandler(undefined);
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { user } = await api<{ user: User }>('/api/auth/login', {
      method: 'POST',
      body: { username, password },
    });
    applyAccountLanguage(user.language);
    setSession({ status: 'signed-in', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } finally {
      setSession({ status: 'signed-out' });
    }
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in account; only for pages inside RequireAuth. */
export function useUser(): User {
  const { session } = useAuth();
  if (session.status !== 'signed-in') throw new Error('useUser on a page that does not require sign-in');
  return session.user;
}

/** Whether the signed-in account holds one of `roles` (the server checks again; this only hides what would fail). */
export function useMay(roles: readonly Role[]): boolean {
  return mayCall(useUser().roles, roles);
}
