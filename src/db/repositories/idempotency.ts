import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { ConflictError } from '../../domain/errors.ts';
import type { Db } from '../create-db.ts';
import type { Database } from '../schema.ts';

export interface StoredResponse<T> {
  status: number;
  body: T;
  /** True when this answer was stored by an earlier identical request and is being replayed. */
  replayed: boolean;
}

export function hashRequest(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex');
}

/**
 * Runs `work` in a transaction at most once per idempotency key. The key and the answer are written in the same
 * transaction as the work, so a retry after a crash either finds both or neither. A key reused for a different
 * request is refused rather than answered with the first request's result.
 */
export async function onceForKey<T>(
  db: Db,
  opts: { key: string | undefined; scope: string; request: unknown; now: Date },
  work: (trx: Transaction<Database>) => Promise<{ status: number; body: T }>,
): Promise<StoredResponse<T>> {
  if (!opts.key) {
    const out = await db.transaction().execute(work);
    return { ...out, replayed: false };
  }
  const key = opts.key;
  const requestHash = hashRequest(opts.request);
  const replay = async (trx: Db | Transaction<Database>): Promise<StoredResponse<T> | undefined> => {
    const row = await trx
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.scope !== opts.scope || row.request_hash !== requestHash) {
      throw new ConflictError(`idempotency key "${key}" was already used for a different request`);
    }
    return { status: row.status, body: row.response as T, replayed: true };
  };
  const earlier = await replay(db);
  if (earlier) return earlier;
  try {
    return await db.transaction().execute(async (trx) => {
      const out = await work(trx);
      await trx
        .insertInto('idempotency_keys')
        .values({
          key,
          scope: opts.scope,
          request_hash: requestHash,
          status: out.status,
          response: JSON.stringify(out.body),
          created_at: opts.now,
        })
        .execute();
      return { ...out, replayed: false };
    });
  } catch (err) {
    // Two identical requests raced: the loser's transaction failed on the key; answer with the winner's result.
    if ((err as { code?: string }).code === '23505') {
      const winner = await replay(db);
      if (winner) return winner;
    }
    throw err;
  }
}
