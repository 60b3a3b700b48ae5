import { openDatabase, request, transaction } from './idb.ts';

/** One filled questionnaire waiting on this device, exactly as it will be posted. */
export interface QueuedSubmission {
  instanceId: string;
  formId: string;
  formVersion: string;
  intakeId: string;
  personId: string;
  /** How the person is shown in the lists (the name at the time of filling). */
  personName: string;
  answers: Record<string, string | string[]>;
  source: 'web';
  /** When the answers were saved on this device (ISO). */
  clientTime: string;
  attempts: number;
  lastAttemptAt?: string;
  /** Set when the server refused it (kept on the device for a person to look at, never dropped). */
  refused?: { status: number; code: string; message: string; reasons: string[] };
}

/** A submission the server has stored (answered 2xx); what is left of it on the device. */
export interface SentSubmission {
  instanceId: string;
  formId: string;
  formVersion: string;
  intakeId: string;
  personId: string;
  personName: string;
  clientTime: string;
  sentAt: string;
  serverTime: string;
  /** The server had it already (an earlier attempt got through but its answer was lost). */
  replayed: boolean;
}

const DB_NAME = 'kitout';
const OUTBOX = 'outbox';
const SENT = 'sent';
export const CACHE = 'cache';

/** The device's database: the outbox, the sent log, and cached reference data (forms, rosters). */
export function deviceDb(): Promise<IDBDatabase> {
  return openDatabase(DB_NAME, 1, (db, oldVersion) => {
    if (oldVersion < 1) {
      db.createObjectStore(OUTBOX, { keyPath: 'instanceId' });
      db.createObjectStore(SENT, { keyPath: 'instanceId' });
      db.createObjectStore(CACHE);
    }
  });
}

/** What changed: a submission was added to the outbox, or entries moved or were tried. */
export type OutboxChange = 'added' | 'changed';
type Listener = (change: OutboxChange) => void;
const listeners = new Set<Listener>();
// Other tabs of the app on this device hear about changes too, so every open outbox list stays true.
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('kitout-outbox') : undefined;
channel?.addEventListener('message', (e: MessageEvent<OutboxChange>) => notify(e.data, false));

function notify(change: OutboxChange, broadcast = true): void {
  for (const l of listeners) l(change);
  if (broadcast) channel?.postMessage(change);
}

/** Calls `listener` whenever the outbox or the sent log changes (in this tab or another). */
export function onOutboxChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Puts a submission in the outbox. It is on the device once this resolves: the sync loop sends it later, and
 * only a 2xx answer from the server moves it to the sent log.
 */
export async function enqueue(entry: Omit<QueuedSubmission, 'attempts'>): Promise<void> {
  // Ask the browser not to evict this site's storage under pressure (where it decides so, e.g. an installed
  // app): cleared storage is how offline web forms lose unsent answers.
  void navigator.storage?.persist?.().catch(() => false);
  const db = await deviceDb();
  await transaction(db, [OUTBOX], 'readwrite', (tx) =>
    request(tx.objectStore(OUTBOX).add({ ...entry, attempts: 0 })),
  );
  notify('added');
}

/** Everything waiting, oldest first, and everything sent, newest first. */
export async function readOutbox(): Promise<{ queued: QueuedSubmission[]; sent: SentSubmission[] }> {
  const db = await deviceDb();
  return transaction(db, [OUTBOX, SENT], 'readonly', async (tx) => {
    const queued = (await request(tx.objectStore(OUTBOX).getAll())) as QueuedSubmission[];
    const sent = (await request(tx.objectStore(SENT).getAll())) as SentSubmission[];
    queued.sort(
      (a, b) => a.clientTime.localeCompare(b.clientTime) || a.instanceId.localeCompare(b.instanceId),
    );
    sent.sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.instanceId.localeCompare(b.instanceId));
    return { queued, sent };
  });
}

/** The server stored it: in one transaction, out of the outbox and into the sent log. */
export async function markSent(
  instanceId: string,
  receipt: { serverTime: string; replayed: boolean },
  sentAt: string,
): Promise<void> {
  const db = await deviceDb();
  await transaction(db, [OUTBOX, SENT], 'readwrite', async (tx) => {
    const entry = (await request(tx.objectStore(OUTBOX).get(instanceId))) as QueuedSubmission | undefined;
    if (!entry) return;
    const sent: SentSubmission = {
      instanceId,
      formId: entry.formId,
      formVersion: entry.formVersion,
      intakeId: entry.intakeId,
      personId: entry.personId,
      personName: entry.personName,
      clientTime: entry.clientTime,
      sentAt,
      serverTime: receipt.serverTime,
      replayed: receipt.replayed,
    };
    await request(tx.objectStore(SENT).put(sent));
    await request(tx.objectStore(OUTBOX).delete(instanceId));
  });
  notify('changed');
}

/** Records an attempt that did not get a 2xx; a refusal (4xx) is kept with its reasons for a person to see. */
export async function markAttempt(
  instanceId: string,
  at: string,
  refused?: QueuedSubmission['refused'],
): Promise<void> {
  const db = await deviceDb();
  await transaction(db, [OUTBOX], 'readwrite', async (tx) => {
    const store = tx.objectStore(OUTBOX);
    const entry = (await request(store.get(instanceId))) as QueuedSubmission | undefined;
    if (!entry) return;
    const next: QueuedSubmission = { ...entry, attempts: entry.attempts + 1, lastAttemptAt: at };
    if (refused) next.refused = refused;
    else delete next.refused;
    await request(store.put(next));
  });
  notify('changed');
}

/** A person asks to try a refused submission again (e.g. after the roster was corrected). */
export async function clearRefusal(instanceId: string): Promise<void> {
  const db = await deviceDb();
  await transaction(db, [OUTBOX], 'readwrite', async (tx) => {
    const store = tx.objectStore(OUTBOX);
    const entry = (await request(store.get(instanceId))) as QueuedSubmission | undefined;
    if (!entry?.refused) return;
    const { refused: _refused, ...rest } = entry;
    await request(store.put(rest));
  });
  notify('added');
}
