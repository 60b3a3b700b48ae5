import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { onOutboxChange, type QueuedSubmission, readOutbox, type SentSubmission } from './outbox.ts';
import { SyncLoop, type SyncStatus } from './sync.ts';

interface OutboxValue {
  queued: QueuedSubmission[];
  sent: SentSubmission[];
  /** False until the device's outbox has been read once. */
  ready: boolean;
  status: SyncStatus;
  syncNow(): void;
}

const OutboxContext = createContext<OutboxValue | null>(null);

/**
 * The device's outbox for every page: what is queued and sent (re-read whenever it changes, in any tab), and
 * the sync loop, which runs while someone is signed in. A session that ends pauses sending; the next sign-in
 * resumes it, so a tablet whose session expired overnight sends everything once the enumerator signs in.
 */
export function OutboxProvider({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const { i18n } = useTranslation();
  const [loop] = useState(() => new SyncLoop(() => i18n.language));
  const [status, setStatus] = useState<SyncStatus>(() => loop.current());
  const [lists, setLists] = useState<{ queued: QueuedSubmission[]; sent: SentSubmission[]; ready: boolean }>({
    queued: [],
    sent: [],
    ready: false,
  });

  useEffect(() => {
    let alive = true;
    const read = () =>
      readOutbox()
        .then((l) => alive && setLists({ ...l, ready: true }))
        .catch((err: unknown) => console.warn('kitout: cannot read the outbox', err));
    void read();
    const off = onOutboxChange(() => void read());
    return () => {
      alive = false;
      off();
    };
  }, []);

  useEffect(() => loop.subscribe(setStatus), [loop]);

  const signedIn = session.status === 'signed-in';
  useEffect(() => {
    if (!signedIn) return;
    loop.start();
    loop.resume();
    return () => loop.stop();
  }, [signedIn, loop]);

  const syncNow = useCallback(() => void loop.syncNow(), [loop]);
  const value = useMemo(() => ({ ...lists, status, syncNow }), [lists, status, syncNow]);
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): OutboxValue {
  const value = useContext(OutboxContext);
  if (!value) throw new Error('useOutbox outside OutboxProvider');
  return value;
}
