import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { ServiceContext } from './context.ts';

/** One checked submission, ready to be written. */
export interface SubmissionRow {
  instanceId: string;
  formId: string;
  formVersion: string;
  intakeId: string;
  personId: string;
  /** The answers as JSON text. */
  answers: string;
  source: 'web' | 'paper';
  actorId: string | null;
  clientTime: Date;
  requestHash: string;
}

interface Waiting {
  row: SubmissionRow;
  done: (stored: Date | undefined) => void;
  fail: (err: unknown) => void;
}

/** Most rows in one statement; a room of tablets syncing at once gives a few dozen. */
const MAX_BATCH = 500;

/**
 * Group commit for submissions. Every statement costs a fixed round trip (a quarter of a millisecond on
 * embedded PGlite, where the database shares the server's thread), so submissions that arrive while one
 * statement runs, or within the same turn of the event loop, are written together by the next: one
 * `insert … select from unnest(…)` with its audit rows, atomic as any single statement. Nothing waits on a
 * timer: a lone submission is written in the next turn.
 *
 * `write` resolves with the server time when the row was stored, or undefined when it was not — its instance
 * id exists already, or the person is not on the intake's roster — which the caller then looks into.
 */
export class SubmissionWriter {
  private queue: Waiting[] = [];
  private running = false;

  constructor(private readonly ctx: ServiceContext) {}

  write(row: SubmissionRow): Promise<Date | undefined> {
    return new Promise((done, fail) => {
      this.queue.push({ row, done, fail });
      if (!this.running) {
        this.running = true;
        // Embedded PGlite runs each statement synchronously in this thread, so requests that arrived
        // together are handled one after another within one turn of the event loop; waiting until that turn
        // ends (setImmediate, not a timer) lets them share one statement.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        // The batch is taken only once the connection is ours: submissions that arrive while this writer
        // waits behind other queries (sessions, reads) join it. No timer, so a lone submission is not delayed.
        await this.ctx.db.connection().execute(async (db) => {
          const batch = this.queue.splice(0, MAX_BATCH);
          await this.writeBatch(db, batch);
        });
      }
    } finally {
      this.running = false;
    }
  }

  private async writeBatch(db: Executor, batch: Waiting[]): Promise<void> {
    // One instance id twice in a batch: the first is written; the others learn the outcome afterwards.
    const first = new Map<string, Waiting>();
    const later: Waiting[] = [];
    for (const w of batch) {
      if (first.has(w.row.instanceId)) later.push(w);
      else first.set(w.row.instanceId, w);
    }
    const rows = [...first.values()];
    try {
      const stored = await insertRows(
        db,
        rows.map((w) => w.row),
        this.ctx.now(),
      );
      for (const w of rows) w.done(stored.get(w.row.instanceId));
    } catch {
      // A statement fails as a whole; write the rows one by one so one bad row cannot sink the rest.
      for (const w of rows) {
        try {
          w.done((await insertRows(db, [w.row], this.ctx.now())).get(w.row.instanceId));
        } catch (err) {
          w.fail(err);
        }
      }
    }
    for (const w of later) w.done(undefined);
  }
}

type Executor = Db;

async function insertRows(db: Executor, rows: SubmissionRow[], now: Date): Promise<Map<string, Date>> {
  // One JSON document for the batch (each row's answers inlined as JSON, already checked): one parameter to send
  // instead of ten arrays, which the embedded database's driver serialises element by element.
  const doc = `[${rows
    .map(
      (r) =>
        `{"i":${JSON.stringify(r.instanceId)},"f":${JSON.stringify(r.formId)},"v":${JSON.stringify(r.formVersion)},` +
        `"n":${JSON.stringify(r.intakeId)},"p":${JSON.stringify(r.personId)},"a":${r.answers},` +
        `"s":${JSON.stringify(r.source)},"u":${JSON.stringify(r.actorId)},"t":"${r.clientTime.toISOString()}",` +
        `"h":${JSON.stringify(r.requestHash)}}`,
    )
    .join(',')}]`;
  const result = await sql<{ instance_id: string; server_time: Date }>`
    with input as (
      select t.i as instance_id, t.f as form_id, t.v as form_version, t.n as intake_id, t.p as person_id,
        t.a as answers, t.s as source, t.u as actor_id, t.t as client_time, t.h as request_hash
      from jsonb_to_recordset(${doc}::jsonb)
        as t(i text, f text, v text, n text, p text, a jsonb, s text, u text, t timestamptz, h text)
    ), stored as (
      insert into submissions (instance_id, form_id, form_version, intake_id, person_id, answers, source,
        actor_id, client_time, server_time, request_hash)
      select i.instance_id, i.form_id, i.form_version, p.intake_id, p.id, i.answers, i.source, i.actor_id,
        i.client_time, ${now}, i.request_hash
      -- One index probe per row (a LIMIT keeps the planner from hashing the whole roster for a few rows).
      from input i cross join lateral (
        select p.id, p.intake_id from people p where p.id = i.person_id and p.intake_id = i.intake_id limit 1) p
      on conflict (instance_id) do nothing
      returning instance_id, person_id, form_id, form_version, intake_id, source, actor_id, server_time
    ), audited as (
      insert into audit_log (at, actor_id, action, entity, entity_id, after)
      select ${now}, actor_id, 'submission.received', 'person', person_id,
        jsonb_build_object('instanceId', instance_id, 'form', form_id, 'version', form_version,
          'intake', intake_id, 'source', source)
      from stored
    )
    select instance_id, server_time from stored`.execute(db);
  return new Map(result.rows.map((r) => [r.instance_id, new Date(r.server_time)]));
}

const writers = new WeakMap<Db, SubmissionWriter>();

/** The one writer per database, so concurrent requests share its batches. */
export function writerFor(ctx: ServiceContext): SubmissionWriter {
  let writer = writers.get(ctx.db);
  if (!writer) {
    writer = new SubmissionWriter(ctx);
    writers.set(ctx.db, writer);
  }
  return writer;
}
