import { sql } from 'kysely';
import { appendAudit } from '../db/repositories/audit.ts';
import { onceForKey } from '../db/repositories/idempotency.ts';
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import type { NormalisedForm } from '../domain/forms/form-model.ts';
import { checkDecision, type FieldPrompt, fieldPrompt } from '../domain/paper/review-decision.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/node.ts';
import type { Actor, ServiceContext } from './context.ts';
import { findFormDefinition } from './forms.ts';
import { type SettleOutcome, settlePeople } from './paper-settle.ts';

export type ReviewStatus = 'open' | 'accepted' | 'corrected';

export interface ReviewQueueItem {
  id: string;
  batchId: string;
  pageId: string;
  personId: string;
  personName: string;
  page: number;
  file: string;
  pageInFile: number | null;
  field: string;
  reason: string;
  readValue: string | null;
  confidence: number | null;
  hasSnippet: boolean;
  status: ReviewStatus;
  decidedValue: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  prompt: FieldPrompt;
}

export interface ReviewQuery {
  batchId?: string;
  /** `open` (default), `decided`, or `all`. */
  status: 'open' | 'decided' | 'all';
  limit: number;
  offset: number;
  language: UiLanguage;
}

async function formOf(ctx: ServiceContext, id: string, version: string): Promise<NormalisedForm> {
  const form = await findFormDefinition(ctx, id, version);
  if (!form) throw new NotFoundError('form version', `${id} ${version}`);
  return form;
}

/** The review queue, oldest first (decided items newest first), with each field's question and choices. */
export async function reviewQueue(
  ctx: ServiceContext,
  q: ReviewQuery,
): Promise<{ total: number; open: number; items: ReviewQueueItem[] }> {
  let base = ctx.db
    .selectFrom('paper_review_items as i')
    .innerJoin('paper_pages as p', 'p.id', 'i.page_id')
    .innerJoin('people as pe', 'pe.id', 'p.person_id')
    .leftJoin('users as u', 'u.id', 'i.decided_by');
  if (q.batchId) base = base.where('i.batch_id', '=', q.batchId);
  const filtered =
    q.status === 'open'
      ? base.where('i.status', '=', 'open')
      : q.status === 'decided'
        ? base.where('i.status', '<>', 'open')
        : base;
  const rows = await filtered
    .select([
      'i.id',
      'i.batch_id',
      'i.page_id',
      'p.person_id',
      'pe.name',
      'p.page',
      'p.file',
      'p.page_in_file',
      'p.form_id',
      'p.form_version',
      'i.field',
      'i.reason',
      'i.read_value',
      'i.confidence',
      sql<boolean>`i.snippet is not null`.as('has_snippet'),
      'i.status',
      'i.decided_value',
      'u.username',
      'i.decided_at',
    ])
    .orderBy('i.seq', q.status === 'decided' ? 'desc' : 'asc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const [total, open] = await Promise.all([
    filtered.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    base.where('i.status', '=', 'open').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: ReviewQueueItem[] = [];
  for (const r of rows) {
    const form = await formOf(ctx, r.form_id, r.form_version);
    items.push({
      id: r.id,
      batchId: r.batch_id,
      pageId: r.page_id,
      personId: r.person_id,
      personName: r.name,
      page: r.page,
      file: r.file,
      pageInFile: r.page_in_file,
      field: r.field,
      reason: r.reason,
      readValue: r.read_value,
      confidence: r.confidence === null ? null : Number(r.confidence),
      hasSnippet: Boolean(r.has_snippet),
      status: r.status,
      decidedValue: r.decided_value,
      decidedBy: r.username,
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      prompt: fieldPrompt(form, r.field, q.language),
    });
  }
  return { total: Number(total.n), open: Number(open.n), items };
}

/** The PNG picture of a review item's field, straightened out of the scan. */
export async function reviewSnippet(ctx: ServiceContext, id: string): Promise<Buffer> {
  const row = await ctx.db
    .selectFrom('paper_review_items')
    .select('snippet')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('review item', id);
  if (!row.snippet) throw new NotFoundError('picture of review item', id);
  return Buffer.from(row.snippet);
}

export interface DecisionInput {
  action: 'accept' | 'correct';
  /** The right answer for `correct` ('' for "no answer"); for a multiple choice, names separated by spaces. */
  value?: string;
  idempotencyKey: string;
  language?: UiLanguage;
}

export interface DecisionResult {
  id: string;
  field: string;
  status: 'accepted' | 'corrected';
  decidedValue: string;
  decidedBy: string | null;
  decidedAt: string;
  /** What became of the person's form: submitted, still in review, waiting for pages… */
  settled?: SettleOutcome;
}

/**
 * Decides one review item: accept the value read (or "no answer" where nothing was read), or correct it. The
 * value is checked against the field's question — type, choices and constraint, against the person's other
 * answers — and refused with the form's reason. Decision, page answers and audit row go in one transaction
 * with the Idempotency-Key; an item decided before answers 409 naming who decided it. When the page's last
 * open item is decided, the person's pages are settled into a submission.
 */
export async function decideReviewItem(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: DecisionInput,
): Promise<DecisionResult & { replayed: boolean }> {
  const language = input.language ?? 'en';
  const item = await ctx.db
    .selectFrom('paper_review_items as i')
    .innerJoin('paper_pages as p', 'p.id', 'i.page_id')
    .select([
      'i.id',
      'i.field',
      'i.reason',
      'i.read_value',
      'i.status',
      'i.page_id',
      'p.form_id',
      'p.form_version',
      'p.person_id',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!item) throw new NotFoundError('review item', id);
  const form = await formOf(ctx, item.form_id, item.form_version);
  const request = { id, action: input.action, value: input.value ?? null };

  const run = () =>
    onceForKey<DecisionResult>(
      ctx.db,
      { key: input.idempotencyKey, scope: 'paper.review', request, now: ctx.now() },
      async (trx) => {
        const current = await trx
          .selectFrom('paper_review_items as i')
          .leftJoin('users as u', 'u.id', 'i.decided_by')
          .select(['i.status', 'u.username', 'i.decided_at'])
          .where('i.id', '=', id)
          .forUpdate('i')
          .executeTakeFirstOrThrow();
        if (current.status !== 'open')
          throw new ConflictError(
            `the field was already decided by ${current.username ?? 'someone'} at ${new Date(current.decided_at!).toISOString()}`,
          );
        let value: string;
        if (input.action === 'accept') value = item.read_value ?? '';
        else {
          if (input.value === undefined)
            throw new InputError([{ field: 'value', reason: 'a correction needs the right value' }]);
          value = input.value.normalize('NFC').trim().replace(/\s+/g, ' ');
        }
        // The person's other settled answers, to check the value as the whole form would.
        const pages = await trx
          .selectFrom('paper_pages')
          .select(['id', 'answers', 'status'])
          .distinctOn('page')
          .where('form_id', '=', item.form_id)
          .where('form_version', '=', item.form_version)
          .where('person_id', '=', item.person_id)
          .orderBy('page')
          .orderBy('seq', 'desc')
          .execute();
        const others: Record<string, string> = {};
        for (const p of pages) Object.assign(others, p.answers);
        const otherOpen = await trx
          .selectFrom('paper_review_items')
          .select(sql<number>`count(*)::int`.as('n'))
          .where(
            'page_id',
            'in',
            pages.map((p) => p.id),
          )
          .where('status', '=', 'open')
          .where('id', '<>', id)
          .executeTakeFirstOrThrow();
        const printed = await trx
          .selectFrom('paper_layout_pages as l')
          .innerJoin('paper_pages as p', 'p.layout_id', 'l.layout_id')
          .select(sql<number>`count(distinct l.page)::int`.as('n'))
          .where('p.id', '=', item.page_id)
          .where('l.person_id', '=', item.person_id)
          .executeTakeFirstOrThrow();
        const complete = Number(otherOpen.n) === 0 && Number(printed.n) === pages.length;
        const problems = checkDecision(form, item.field, value, others, complete, language);
        if (problems.length) {
          const t = await translatorFor(language, 'forms');
          throw new InputError(
            problems.map((p) => ({
              field: 'value',
              reason: p.message ?? t(p.reason, p.params),
              ...(p.message === undefined ? { code: `forms:${p.reason}`, params: p.params } : {}),
            })),
          );
        }
        const status =
          input.action === 'accept' || value === (item.read_value ?? '') ? 'accepted' : 'corrected';
        const now = ctx.now();
        await trx
          .updateTable('paper_review_items')
          .set({ status, decided_value: value, decided_by: actor.userId, decided_at: now })
          .where('id', '=', id)
          .execute();
        const left = await trx
          .selectFrom('paper_review_items')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('page_id', '=', item.page_id)
          .where('status', '=', 'open')
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('paper_pages')
          .set({
            answers:
              value === ''
                ? sql`answers - ${item.field}::text`
                : sql`answers || jsonb_build_object(${item.field}::text, ${value}::text)`,
            ...(Number(left.n) === 0 ? { status: 'waiting' as const } : {}),
          })
          .where('id', '=', item.page_id)
          .execute();
        await appendAudit(trx, {
          at: now,
          actorId: actor.userId,
          action: 'paper.review.decided',
          entity: 'paper_review_item',
          entityId: id,
          before: { person: item.person_id, field: item.field, reason: item.reason, read: item.read_value },
          after: { status, value },
        });
        const who = actor.userId
          ? await trx.selectFrom('users').select('username').where('id', '=', actor.userId).executeTakeFirst()
          : undefined;
        return {
          status: 200,
          body: {
            id,
            field: item.field,
            status,
            decidedValue: value,
            decidedBy: who?.username ?? null,
            decidedAt: now.toISOString(),
          },
        };
      },
    );
  const stored = await run();
  if (stored.replayed) return { ...stored.body, replayed: true };
  const [settled] = await settlePeople(ctx, actor, form, [item.person_id], language);
  return { ...stored.body, ...(settled ? { settled } : {}), replayed: false };
}
