/**
 * A tiny promise wrapper over IndexedDB — just what the outbox and the offline caches need: open with an
 * upgrade step, and run one transaction over some stores. (The `idb` package does more; this is 60 lines
 * and nothing to install.) Every write goes through a transaction that resolves only once it has committed,
 * so "saved" on screen means saved on the device.
 */

export type Upgrade = (db: IDBDatabase, oldVersion: number) => void;

const opened = new Map<string, Promise<IDBDatabase>>();

/** Opens (once per page) the database `name` at `version`, running `upgrade` when it is new or older. */
export function openDatabase(name: string, version: number, upgrade: Upgrade): Promise<IDBDatabase> {
  let db = opened.get(name);
  if (!db) {
    db = new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, version);
      req.onupgradeneeded = (e) => upgrade(req.result, e.oldVersion);
      req.onsuccess = () => {
        const handle = req.result;
        // Another tab opened a newer version: let it upgrade, and open again next time.
        handle.onversionchange = () => {
          handle.close();
          opened.delete(name);
        };
        resolve(handle);
      };
      req.onerror = () => reject(req.error ?? new Error(`cannot open IndexedDB ${name}`));
      req.onblocked = () => reject(new Error(`IndexedDB ${name} is held open by an older tab; close it`));
    });
    opened.set(name, db);
    db.catch(() => opened.delete(name));
  }
  return db;
}

/** The result of one request, as a promise. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Runs `work` in one transaction over `stores` and resolves with its result once the transaction has
 * committed (or rejects when it aborts): all of its writes land, or none.
 */
export async function transaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  const tx = db.transaction(stores, mode, { durability: 'strict' });
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
  let result: T;
  try {
    result = await work(tx);
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // Already finished: the error below is the one to report.
    }
    await done.catch(() => undefined);
    throw err;
  }
  await done;
  return result;
}
