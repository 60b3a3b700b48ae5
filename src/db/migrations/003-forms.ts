import { type Kysely, sql } from 'kysely';

/**
 * Questionnaires and their answers. A form version is immutable once stored (a trigger refuses changes to its
 * id, version or definition; only `active` moves), so submissions and printed QR codes that name a version
 * always find the same questions. Submissions are append-only like the ledger: a new answer for a person is a
 * new row, and the latest counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('forms')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('title', 'jsonb', (c) => c.notNull())
    // json, not jsonb: the definition keeps its key order, so it reads back exactly as the importer wrote it.
    .addColumn('definition', 'json', (c) => c.notNull())
    .addColumn('definition_hash', 'text', (c) => c.notNull())
    .addColumn('default_plan', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .addPrimaryKeyConstraint('forms_pk', ['id', 'version'])
    .execute();
  // At most one active version per form: the one a new session opens.
  await sql`create unique index forms_one_active on forms (id) where active`.execute(db);
  await sql`
    create function kitout_form_frozen() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' or new.id <> old.id or new.version <> old.version
         or new.definition::text <> old.definition::text or new.created_at <> old.created_at then
        raise exception 'a stored form version cannot be changed or deleted; store a new version'
          using errcode = '55000';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger forms_frozen before update or delete on forms
    for each row execute function kitout_form_frozen()`.execute(db);

  await db.schema
    .createTable('submissions')
    .addColumn('instance_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'text', (c) => c.notNull())
    .addColumn('intake_id', 'text', (c) => c.notNull().references('intakes.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('web', 'paper')`))
    .addColumn('actor_id', 'text')
    .addColumn('client_time', 'timestamptz', (c) => c.notNull())
    .addColumn('server_time', 'timestamptz', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('submissions_form', ['form_id', 'form_version'], 'forms', ['id', 'version'])
    .execute();
  await db.schema
    .createIndex('submissions_person')
    .on('submissions')
    .columns(['intake_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('submissions_intake_seq')
    .on('submissions')
    .columns(['intake_id', 'seq'])
    .execute();
  await sql`create trigger submissions_append_only before update or delete on submissions
    for each row execute function kitout_refuse_change()`.execute(db);
}
