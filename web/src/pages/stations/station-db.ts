import { openDatabase, request, transaction } from '../../offline/idb.ts';
import type { EventResult, Pack, StationEventBody } from './types.ts';

/**
 * The station's own IndexedDB database (`kitout-station`, apart from the questionnaire's `kitout`): every action
 * as an event with its client-made id, written BEFORE any request, and the pack of the intake the station works
 * on, so pick lists and local stock work for hours without a network.
 */

export type EventState = 'queued' | 'sent' | 'refused';

/** An event on this device: what is posted, plus where it stands. */
export interface StoredEvent extends StationEventBody {
  stationId: string;
  intakeId: string;
  /** Order of making on this device (several events can share a clientTime). */
  seq: number;
  state: EventState;
  attempts: number;
  /** When the server answered applied or duplicate (client clock). */
  sentAt?: string;
  /** The server had it already: an earlier attempt got through but its answer was lost. */
  duplicate?: boolean;
  refusal?: Pick<EventResult, 'code' | 'message' | 'suggestion'>;
  /** The issuer has seen the refusal and put it aside. */
  dismissed?: boolean;
}

export interface StoredPack {
  key: string;
  pack: Pack;
  /** When the request for it started (client clock): events sent before this are in it. */
  fetchedAt: string;
}

const DB_NAME = 'kitout-station';
const EVENTS = 'events';
const PACKS = 'packs';

export function stationDb(): Promise<IDBDatabase> {
  return openDatabase(DB_NAME, 1, (db, oldVersion) => {
    if (oldVersion < 1) {
      db.createObjectStore(EVENTS, { keyPath: 'id' });
      db.createObjectStore(PACKS, { keyPath: 'key' });
    }
  });
}

/** New events were stored, or stored ones changed (answered, tried, dismissed). */
export type StationChange = 'added' | 'changed';
type Listener = (change: StationChange) => void;
const listeners = new Set<Listener>();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('kitout-station') : undefined;
channel?.addEventListener('message', (e: MessageEvent<StationChange>) => notify(e.data, false));

function notify(change: StationChange, broadcast = true): void {
  for (const l of listeners) l(change);
  if (broadcast) channel?.postMessage(change);
}

/** Calls `listener` whenever events change (here or in another tab). */
export function onStationChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let lastSeq = 0;
/** A number larger than any this tab made before, also across reloads (it starts from the clock). */
export function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

/** Stores new events (queued). They are on the device once this resolves; only then may anything be sent. */
export async function addEvents(events: Omit<StoredEvent, 'state' | 'attempts'>[]): Promise<void> {
  void navigator.storage?.persist?.().catch(() => false);
  const db = await stationDb();
  await transaction(db, [EVENTS], 'readwrite', async (tx) => {
    const store = tx.objectStore(EVENTS);
    for (const e of events) await request(store.add({ ...e, state: 'queued', attempts: 0 }));
  });
  notify('added');
}

/** Every event on the device, oldest first. */
export async function readEvents(): Promise<StoredEvent[]> {
  const db = await stationDb();
  const all = await transaction(db, [EVENTS], 'readonly', (tx) =>
    request(tx.objectStore(EVENTS).getAll() as IDBRequest<StoredEvent[]>),
  );
  return all.sort((a, b) => a.seq - b.seq || a.id.localeCompare(b.id));
}

/** Records the server's answers to one batch, in one transaction. */
export async function recordResults(results: EventResult[], at: string): Promise<void> {
  const db = await stationDb();
  await transaction(db, [EVENTS], 'readwrite', async (tx) => {
    const store = tx.objectStore(EVENTS);
    for (const r of results) {
      const e = (await request(store.get(r.id))) as StoredEvent | undefined;
      if (!e) continue;
      const next: StoredEvent = { ...e, attempts: e.attempts + 1 };
      if (r.status === 'refused') {
        next.state = 'refused';
        next.refusal = { code: r.code, message: r.message, suggestion: r.suggestion };
      } else {
        next.state = 'sent';
        next.sentAt = at;
        next.duplicate = r.status === 'duplicate';
        delete next.refusal;
      }
      await request(store.put(next));
    }
  });
  notify('changed');
}

/** Counts a failed attempt (no network, server error) on each of `ids`. */
export async function recordAttempt(ids: string[]): Promise<void> {
  const db = await stationDb();
  await transaction(db, [EVENTS], 'readwrite', async (tx) => {
    const store = tx.objectStore(EVENTS);
    for (const id of ids) {
      const e = (await request(store.get(id))) as StoredEvent | undefined;
      if (e) await request(store.put({ ...e, attempts: e.attempts + 1 }));
    }
  });
}

/** The issuer has read a refusal: it leaves the list on screen (it stays on the device). */
export async function dismissRefusal(id: string): Promise<void> {
  const db = await stationDb();
  await transaction(db, [EVENTS], 'readwrite', async (tx) => {
    const store = tx.objectStore(EVENTS);
    const e = (await request(store.get(id))) as StoredEvent | undefined;
    if (e) await request(store.put({ ...e, dismissed: true }));
  });
  notify('changed');
}

export const packKey = (stationId: string, intakeId: string) => `${stationId}|${intakeId}`;

export async function savePack(stored: StoredPack): Promise<void> {
  const db = await stationDb();
  await transaction(db, [PACKS], 'readwrite', (tx) => request(tx.objectStore(PACKS).put(stored)));
}

export async function readPack(key: string): Promise<StoredPack | undefined> {
  const db = await stationDb();
  return transaction(db, [PACKS], 'readonly', (tx) =>
    request(tx.objectStore(PACKS).get(key) as IDBRequest<StoredPack | undefined>),
  );
}
