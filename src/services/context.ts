import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/create-db.ts';

/**
 * What every service needs from the outside world, passed in so that tests can fix the clock and the ids.
 */
export interface ServiceContext {
  db: Db;
  /** `pglite` or `postgres`, for the few places that tune for one (never for SQL dialect). */
  dbKind: 'pglite' | 'postgres';
  now(): Date;
  newId(): string;
  /** A secret, unguessable token (sessions). */
  newToken(): string;
}

export function systemContext(db: Db, dbKind: 'pglite' | 'postgres'): ServiceContext {
  return {
    db,
    dbKind,
    now: () => new Date(),
    newId: () => randomUUID(),
    newToken: () => randomBytes(32).toString('base64url'),
  };
}

/** Who is acting: a signed-in account, or the system itself (seeding, migrations, CLI run by an operator). */
export interface Actor {
  userId: string | null;
  roles: readonly string[];
}

export const SYSTEM_ACTOR: Actor = { userId: null, roles: ['admin'] };
