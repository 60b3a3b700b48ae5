import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Appends one audit row; call it inside the transaction of the change it records. */
export async function appendAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditQuery {
  entity?: string;
  actorId?: string;
  action?: string;
  limit: number;
  /** Rows with an id below this one (keyset paging, newest first). */
  before?: number;
}

export async function listAudit(db: Executor, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'users.username as actor',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.before',
      'audit_log.after',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(q.limit);
  if (q.entity) query = query.where('audit_log.entity', '=', q.entity);
  if (q.actorId) query = query.where('audit_log.actor_id', '=', q.actorId);
  if (q.action) query = query.where('audit_log.action', '=', q.action);
  if (q.before !== undefined) query = query.where('audit_log.id', '<', String(q.before));
  return query.execute();
}
