import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { appendAudit } from '../db/repositories/audit.ts';
import { hashRequest, onceForKey } from '../db/repositories/idempotency.ts';
import { ConflictError, InputError, type Issue, NotFoundError } from '../domain/errors.ts';
import type { NormalisedForm } from '../domain/forms/form-model.ts';
import { type LayoutFile, parseLayoutFile } from '../domain/paper/layout-file.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/node.ts';
import type { Actor, ServiceContext } from './context.ts';
import { findFormDefinition } from './forms.ts';
import { readScans } from './paper-read.ts';
import { settlePeople } from './paper-settle.ts';

/** Most files in one upload of scans; a bigger pile goes in several batches. */
export const MAX_SCAN_FILES = 500;

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

export interface ScanUploadInput {
  files: UploadedFile[];
  /** The layout file written when the forms were printed; or `layoutId` of one uploaded before. */
  layout?: UploadedFile;
  layoutId?: string;
  idempotencyKey: string;
  language?: UiLanguage;
}

export interface FailedPage {
  file: string;
  pageInFile?: number;
  code: string;
  reason: string;
}

/** What an upload answers (and answers again, unchanged, to a replay of its Idempotency-Key). */
export interface BatchReceipt {
  batchId: string;
  layoutId: string;
  formId: string;
  formVersion: string;
  files: number;
  pagesRead: number;
  inReview: number;
  reviewItems: number;
  failed: FailedPage[];
}

type Kind = 'png' | 'jpeg' | 'tiff' | 'webp' | 'pdf';

/** What a file is by its first bytes (a name can lie): the pictures and PDFs the reader takes. */
export function scanKind(bytes: Buffer): Kind | undefined {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return undefined;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * Reads an upload of scans into the review queue. The files are checked first — each must be a PNG, JPEG,
 * TIFF, WebP or PDF that opens, and the layout must be a valid layout file of a stored form version — and a
 * bad one refuses the whole upload, naming the file and the reason, with nothing stored. Then every page is
 * read (in worker threads); a page that cannot be read is kept in the batch with its reason and never stops
 * the others. Pages, review items and the batch are stored in one transaction with the Idempotency-Key, so
 * a retried upload is read and stored once. Pages with nothing to review become submissions at once when
 * the person's other pages are settled too.
 */
export async function uploadScans(
  ctx: ServiceContext,
  actor: Actor,
  input: ScanUploadInput,
): Promise<BatchReceipt & { replayed: boolean }> {
  const language = input.language ?? 'en';
  if (input.files.length === 0)
    throw new InputError([{ field: 'files', reason: 'attach at least one scan (PNG, JPEG, TIFF or PDF)' }]);
  if (input.files.length > MAX_SCAN_FILES)
    throw new InputError([
      { field: 'files', reason: `at most ${MAX_SCAN_FILES} files in one upload; send the rest in another` },
    ]);
  const fileHashes = input.files.map((f) => [f.name, sha256(f.bytes)]);
  const request = {
    files: fileHashes,
    layout: input.layout ? sha256(input.layout.bytes) : (input.layoutId ?? null),
  };
  const scope = 'paper.upload';
  const earlier = await ctx.db
    .selectFrom('idempotency_keys')
    .select(['scope', 'request_hash', 'response'])
    .where('key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (earlier) {
    if (earlier.scope !== scope || earlier.request_hash !== hashRequest(request))
      throw new ConflictError(
        `idempotency key "${input.idempotencyKey}" was already used for a different request`,
      );
    return { ...(earlier.response as BatchReceipt), replayed: true };
  }

  const { layout, layoutId, layoutText, form } = await loadLayout(ctx, input);
  const kinds = await checkFiles(input.files);

  const dir = await mkdtemp(join(tmpdir(), 'kitout-scans-'));
  let report: Awaited<ReturnType<typeof readScans>>;
  const t = await translatorFor(language, 'paper');
  try {
    const paths = await Promise.all(
      input.files.map(async (f, i) => {
        const path = join(dir, `${String(i).padStart(4, '0')}.${kinds[i] === 'jpeg' ? 'jpg' : kinds[i]}`);
        await writeFile(path, f.bytes);
        return path;
      }),
    );
    report = await readScans({
      files: paths,
      form,
      layout,
      explain: (code, params) => t(`failed.${code}`, params),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // The scans were saved as 0000.png, 0001.jpg…: the number leads back to the uploaded name.
  const fileName = (path: string) => input.files[Number(basename(path).slice(0, 4))]?.name ?? basename(path);

  const failed: FailedPage[] = report.failed.map((f) => ({
    file: fileName(f.file),
    ...(f.pageInFile !== undefined ? { pageInFile: f.pageInFile } : {}),
    code: f.code,
    reason: f.reason,
  }));
  // A page must belong to someone on a roster: a submission is a person's in an intake.
  const persons = [...new Set(report.pages.map((p) => p.person))];
  const intakes = new Map<string, string>();
  if (persons.length) {
    const rows = await ctx.db
      .selectFrom('people')
      .select(['id', 'intake_id'])
      .where('id', 'in', persons)
      .execute();
    for (const r of rows) intakes.set(r.id, r.intake_id);
  }
  const pages = report.pages.filter((p) => {
    if (intakes.has(p.person)) return true;
    failed.push({
      file: fileName(p.file),
      ...(p.pageInFile !== undefined ? { pageInFile: p.pageInFile } : {}),
      code: 'unknownPerson',
      reason: t('failed.unknownPerson', { person: p.person }),
    });
    return false;
  });

  const now = ctx.now();
  const batchId = ctx.newId();
  const stored = await onceForKey(ctx.db, { key: input.idempotencyKey, scope, request, now }, async (trx) => {
    const known = await trx
      .selectFrom('paper_layouts')
      .select('id')
      .where('id', '=', layoutId)
      .executeTakeFirst();
    if (!known) {
      await trx
        .insertInto('paper_layouts')
        .values({
          id: layoutId,
          form_id: form.settings.formId,
          form_version: form.settings.version ?? '',
          layout: layoutText,
          created_at: now,
          created_by: actor.userId,
        })
        .execute();
      const rows = layout.pages.map((p) => ({ layout_id: layoutId, person_id: p.person, page: p.page }));
      for (let i = 0; i < rows.length; i += 2000)
        await trx
          .insertInto('paper_layout_pages')
          .values(rows.slice(i, i + 2000))
          .execute();
    }
    await trx
      .insertInto('paper_batches')
      .values({
        id: batchId,
        layout_id: layoutId,
        form_id: form.settings.formId,
        form_version: form.settings.version ?? '',
        status: 'read',
        files: JSON.stringify(input.files.map((f) => ({ name: f.name, bytes: f.bytes.length }))),
        failed: JSON.stringify(failed),
        created_by: actor.userId,
        created_at: now,
        finished_at: ctx.now(),
      })
      .execute();
    let reviewItems = 0;
    let inReview = 0;
    for (const p of pages) {
      const pageId = ctx.newId();
      await trx
        .insertInto('paper_pages')
        .values({
          id: pageId,
          batch_id: batchId,
          layout_id: layoutId,
          form_id: form.settings.formId,
          form_version: form.settings.version ?? '',
          intake_id: intakes.get(p.person)!,
          person_id: p.person,
          page: p.page,
          file: fileName(p.file),
          page_in_file: p.pageInFile ?? null,
          answers: JSON.stringify(p.answers),
          confidence: JSON.stringify(p.confidence),
          status: p.review.length ? 'review' : 'waiting',
          created_at: now,
        })
        .execute();
      if (p.review.length) inReview++;
      for (const r of p.review) {
        reviewItems++;
        await trx
          .insertInto('paper_review_items')
          .values({
            id: ctx.newId(),
            page_id: pageId,
            batch_id: batchId,
            field: r.field,
            reason: r.reason,
            snippet: r.snippet?.startsWith('data:image/png;base64,')
              ? Buffer.from(r.snippet.slice('data:image/png;base64,'.length), 'base64')
              : null,
            read_value: r.suggestion ?? null,
            confidence: p.confidence[r.field] ?? null,
            status: 'open',
            created_at: now,
          })
          .execute();
      }
    }
    const body: BatchReceipt = {
      batchId,
      layoutId,
      formId: form.settings.formId,
      formVersion: form.settings.version ?? '',
      files: input.files.length,
      pagesRead: pages.length,
      inReview,
      reviewItems,
      failed,
    };
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      action: 'paper.batch.read',
      entity: 'paper_batch',
      entityId: batchId,
      after: { ...body, failed: failed.length },
    });
    return { status: 201, body };
  });
  if (!stored.replayed) {
    const ready = [...new Set(pages.filter((p) => p.review.length === 0).map((p) => p.person))];
    await settlePeople(ctx, actor, form, ready, language);
  }
  return { ...stored.body, replayed: stored.replayed };
}

/** The layout the scans are read with, from the upload or stored, and the form version it names. */
async function loadLayout(
  ctx: ServiceContext,
  input: ScanUploadInput,
): Promise<{ layout: LayoutFile; layoutId: string; layoutText: string; form: NormalisedForm }> {
  let layoutText: string;
  let file: string;
  if (input.layout) {
    file = input.layout.name;
    layoutText = input.layout.bytes.toString('utf8');
  } else if (input.layoutId) {
    file = input.layoutId;
    const row = await ctx.db
      .selectFrom('paper_layouts')
      .select(sql<string>`layout::text`.as('text'))
      .where('id', '=', input.layoutId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('paper layout', input.layoutId);
    layoutText = row.text;
  } else {
    throw new InputError([
      { field: 'layout', reason: 'attach the layout file written when the forms were printed (layout.json)' },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(layoutText);
  } catch (err) {
    throw new InputError([{ file, field: 'layout', reason: `not JSON: ${(err as Error).message}` }]);
  }
  const parsed = parseLayoutFile(json);
  if (!parsed.ok) throw new InputError(parsed.errors.map((reason) => ({ file, field: 'layout', reason })));
  const layout = parsed.value;
  if (!layout.form)
    throw new InputError([
      { file, field: 'layout.form', reason: 'the layout does not say which form it was printed from' },
    ]);
  if (layout.pages.length === 0) throw new InputError([{ file, field: 'layout.pages', reason: 'no pages' }]);
  const form = await findFormDefinition(ctx, layout.form.id, layout.form.version);
  if (!form)
    throw new InputError([
      {
        file,
        field: 'layout.form',
        reason: `form ${layout.form.id} version ${layout.form.version || '-'} is not stored here; upload the form first`,
      },
    ]);
  return { layout, layoutId: sha256(layoutText), layoutText, form };
}

/** Every file must be a picture or PDF that opens; the first bad ones refuse the upload by name. */
async function checkFiles(files: UploadedFile[]): Promise<Kind[]> {
  const issues: Issue[] = [];
  const kinds: Kind[] = [];
  for (const f of files) {
    const kind = f.bytes.length ? scanKind(f.bytes) : undefined;
    if (!kind) {
      const code = f.bytes.length ? 'notScan' : 'empty';
      issues.push({
        file: f.name,
        reason: f.bytes.length
          ? `${f.name}: not a PNG, JPEG, TIFF, WebP or PDF file (by its content)`
          : `${f.name}: the file is empty`,
        code: `paper:upload.${code}`,
        params: { file: f.name },
      });
      continue;
    }
    kinds.push(kind);
    if (kind === 'pdf') continue;
    try {
      const meta = await sharp(f.bytes).metadata();
      if (!meta.width || !meta.height) throw new Error('no picture size');
      // Decoding the pixels finds a truncated or damaged picture before anything is stored.
      await sharp(f.bytes, { limitInputPixels: false }).resize(16, 16, { fit: 'fill' }).raw().toBuffer();
    } catch (err) {
      const detail = (err as Error).message.split('\n')[0] ?? '';
      issues.push({
        file: f.name,
        reason: `${f.name}: the ${kind.toUpperCase()} picture cannot be opened: ${detail}`,
        code: 'paper:upload.cannotOpen',
        params: { file: f.name, kind: kind.toUpperCase(), detail },
      });
    }
  }
  if (issues.length) throw new InputError(issues.slice(0, 100));
  return kinds;
}

export interface BatchSummary {
  id: string;
  formId: string;
  formVersion: string;
  layoutId: string;
  files: { name: string; bytes: number }[];
  createdAt: string;
  createdBy: string | null;
  pagesRead: number;
  inReview: number;
  waiting: number;
  submitted: number;
  openItems: number;
  failed: FailedPage[];
}

/** Uploads of scans, newest first, with where their pages stand now. */
export async function listBatches(
  ctx: ServiceContext,
  q: { limit: number; offset: number },
): Promise<{ total: number; batches: BatchSummary[] }> {
  const rows = await ctx.db
    .selectFrom('paper_batches as b')
    .leftJoin('users as u', 'u.id', 'b.created_by')
    .select([
      'b.id',
      'b.form_id',
      'b.form_version',
      'b.layout_id',
      'b.files',
      'b.failed',
      'b.created_at',
      'u.username',
      sql<number>`(select count(*)::int from paper_pages p where p.batch_id = b.id)`.as('pages'),
      sql<number>`(select count(*)::int from paper_pages p where p.batch_id = b.id and p.status = 'review')`.as(
        'review',
      ),
      sql<number>`(select count(*)::int from paper_pages p where p.batch_id = b.id and p.status = 'waiting')`.as(
        'waiting',
      ),
      sql<number>`(select count(*)::int from paper_pages p where p.batch_id = b.id and p.status = 'submitted')`.as(
        'submitted',
      ),
      sql<number>`(select count(*)::int from paper_review_items i where i.batch_id = b.id and i.status = 'open')`.as(
        'open',
      ),
    ])
    .orderBy('b.seq', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const total = await ctx.db
    .selectFrom('paper_batches')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return {
    total: Number(total.n),
    batches: rows.map((r) => ({
      id: r.id,
      formId: r.form_id,
      formVersion: r.form_version,
      layoutId: r.layout_id,
      files: r.files,
      createdAt: new Date(r.created_at).toISOString(),
      createdBy: r.username,
      pagesRead: Number(r.pages),
      inReview: Number(r.review),
      waiting: Number(r.waiting),
      submitted: Number(r.submitted),
      openItems: Number(r.open),
      failed: r.failed,
    })),
  };
}
