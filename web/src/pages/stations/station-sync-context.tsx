import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../../../../src/domain/accounts/roles.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { onStationChange, readEvents, type StoredEvent } from './station-db.ts';
import { StationSync, type StationSyncStatus } from './station-sync.ts';

/** Who works at a station. */
export const STATION_ROLES = ['admin', 'issuer', 'storekeeper'] as const;

interface StationOutbox {
  events: StoredEvent[];
  ready: boolean;
  status: StationSyncStatus;
  syncNow(): void;
  /** Calls `listener` after each pass that got answers from the server. */
  onPass(listener: () => void): () => void;
}

const Context = createContext<StationOutbox | null>(null);

/**
 * The station outbox for the whole app: events on this device (re-read whenever they change, in any tab) and the
 * loop that sends them, running while someone who may issue is signed in — so events keep going out while the
 * issuer looks at another page.
 */
export function StationSyncProvider({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const { i18n } = useTranslation();
  const [loop] = useState(() => new StationSync(() => i18n.language));
  const [status, setStatus] = useState<StationSyncStatus>(() => loop.current());
  const [lists, setLists] = useState<{ events: StoredEvent[]; ready: boolean }>({ events: [], ready: false });
  const roles = session.status === 'signed-in' ? session.user.roles : [];
  const mayIssue = mayCall(roles, STATION_ROLES);

  useEffect(() => {
    if (!mayIssue) return;
    let alive = true;
    const read = () =>
      readEvents()
        .then((events) => alive && setLists({ events, ready: true }))
        .catch((err: unknown) => console.warn('kitout: cannot read the station outbox', err));
    void read();
    const off = onStationChange(() => void read());
    return () => {
      alive = false;
      off();
    };
  }, [mayIssue]);

  useEffect(() => loop.subscribe(setStatus), [loop]);
  useEffect(() => {
    if (!mayIssue) return;
    loop.start();
    loop.resume();
    return () => loop.stop();
  }, [mayIssue, loop]);

  const syncNow = useCallback(() => void loop.syncNow(), [loop]);
  const onPass = useCallback((l: () => void) => loop.onPass(l), [loop]);
  const value = useMemo(() => ({ ...lists, status, syncNow, onPass }), [lists, status, syncNow, onPass]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useStationOutbox(): StationOutbox {
  const value = useContext(Context);
  if (!value) throw new Error('useStationOutbox outside StationSyncProvider');
  return value;
}
