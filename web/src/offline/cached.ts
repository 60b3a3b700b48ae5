import { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { request, transaction } from './idb.ts';
import { CACHE, deviceDb } from './outbox.ts';

/** A value read from the server, or — when the server cannot be reached — the copy saved on this device. */
export interface Cached<T> {
  value: T;
  /** True when the server could not be reached and this is the device's copy. */
  offline: boolean;
  savedAt: string;
}

interface Saved<T> {
  value: T;
  savedAt: string;
}

async function save<T>(key: string, value: T): Promise<string> {
  const savedAt = new Date().toISOString();
  const db = await deviceDb();
  await transaction(db, [CACHE], 'readwrite', (tx) =>
    request(tx.objectStore(CACHE).put({ value, savedAt } satisfies Saved<T>, key)),
  );
  return savedAt;
}

async function saved<T>(key: string): Promise<Saved<T> | undefined> {
  const db = await deviceDb();
  return transaction(db, [CACHE], 'readonly', (tx) =>
    request(tx.objectStore(CACHE).get(key) as IDBRequest<Saved<T> | undefined>),
  );
}

/**
 * Loads with `load` and keeps a copy on the device under `key`; when the network is down (not when the
 * server refuses), answers with the copy instead. What a form session needs offline — the form and the
 * roster — goes through here, so a tablet that was online once can work for hours without a network.
 */
export async function loadOrCached<T>(key: string, load: () => Promise<T>): Promise<Cached<T>> {
  try {
    const value = await load();
    const savedAt = await save(key, value).catch(() => new Date().toISOString());
    return { value, offline: false, savedAt };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 0) throw err;
    const copy = await saved<T>(key).catch(() => undefined);
    if (!copy) throw err;
    return { value: copy.value, offline: true, savedAt: copy.savedAt };
  }
}

/** A GET of the API through {@link loadOrCached}, keyed by its path. */
export function getOrCached<T>(path: string, query?: Record<string, string | number | undefined>) {
  const key = `GET ${path}${query ? `?${new URLSearchParams(query as Record<string, string>).toString()}` : ''}`;
  return loadOrCached<T>(key, () => api<T>(path, { query }));
}
