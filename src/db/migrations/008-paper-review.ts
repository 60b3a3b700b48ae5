import { type Kysely, sql } from 'kysely';

/**
 * Paper forms read back in the product: the layout files scans are read with, each upload of scans (a batch),
 * each page read, and the review queue of fields a person must look at. A page whose fields are all settled
 * becomes part of a submission with source `paper`; decisions say who decided what and when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('paper_layouts')
    // The SHA-256 of the layout file's text: the same printed batch uploaded twice is stored once.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'text', (c) => c.notNull())
    .addColumn('layout', 'json', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addForeignKeyConstraint('paper_layouts_form', ['form_id', 'form_version'], 'forms', ['id', 'version'])
    .execute();
  // Which layout printed a person's page: what a page's QR (form, version, person, page) leads to.
  await db.schema
    .createTable('paper_layout_pages')
    .addColumn('layout_id', 'text', (c) => c.notNull().references('paper_layouts.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_layout_pages_pk', ['layout_id', 'person_id', 'page'])
    .execute();

  await db.schema
    .createTable('paper_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .addColumn('layout_id', 'text', (c) => c.notNull().references('paper_layouts.id'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('read')`))
    // [{name, bytes}] of the uploaded files, in upload order.
    .addColumn('files', 'jsonb', (c) => c.notNull())
    // [{file, pageInFile?, code, reason}]: pages that could not be read, each with its reason.
    .addColumn('failed', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('paper_pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('paper_batches.id'))
    .addColumn('layout_id', 'text', (c) => c.notNull().references('paper_layouts.id'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'text', (c) => c.notNull())
    .addColumn('intake_id', 'text', (c) => c.notNull().references('intakes.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('page_in_file', 'integer')
    // Settled answers (read with confidence, or decided in review); a field under review has none yet.
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('confidence', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('review', 'waiting', 'submitted')`))
    .addColumn('submission_id', 'text', (c) => c.references('submissions.instance_id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paper_pages_batch').on('paper_pages').columns(['batch_id']).execute();
  await db.schema
    .createIndex('paper_pages_person')
    .on('paper_pages')
    .columns(['form_id', 'form_version', 'person_id', 'page'])
    .execute();

  await db.schema
    .createTable('paper_review_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .addColumn('page_id', 'text', (c) => c.notNull().references('paper_pages.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull().references('paper_batches.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // The field's area of the scan, straightened, as PNG; null where the reason is found after reading.
    .addColumn('snippet', 'bytea')
    .addColumn('read_value', 'text')
    .addColumn('confidence', 'real')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'accepted', 'corrected')`))
    // '' when the decision is "no answer".
    .addColumn('decided_value', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('paper_review_items_queue')
    .on('paper_review_items')
    .columns(['status', 'seq'])
    .execute();
  await db.schema
    .createIndex('paper_review_items_page')
    .on('paper_review_items')
    .columns(['page_id'])
    .execute();
}
