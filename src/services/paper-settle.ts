import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../db/repositories/audit.ts';
import { validateAnswers } from '../domain/forms/answer-validation.ts';
import type { NormalisedForm } from '../domain/forms/form-model.ts';
import { reasonForIssue, submissionAnswers } from '../domain/paper/review-decision.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import type { Actor, ServiceContext } from './context.ts';
import { submitAnswers } from './submissions.ts';

/** Where one person's paper form stands after an attempt to settle it. */
export type SettleOutcome =
  | { person: string; state: 'incomplete' | 'in-review' | 'already' }
  | { person: string; state: 'submitted'; instanceId: string }
  | { person: string; state: 'reopened'; fields: string[] };

/** The submission id of a set of page reads: the same pages always give the same id, so a retry is a replay. */
export function paperInstanceId(formId: string, version: string, person: string, pageIds: string[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([formId, version, person, [...pageIds].sort()]))
    .digest('hex');
  return `paper-${digest.slice(0, 40)}`;
}

/**
 * Turns people's settled paper pages into submissions (source `paper`). A person's form is ready when the
 * latest read of every page the layout printed for them has nothing open in review; their answers are put
 * together and checked by the form as a whole. A problem only the whole form shows (a required answer on
 * another page left blank, an answer that no longer applies after a correction) goes back to the queue as a
 * new review item on the page that holds the field — never a silent guess. Otherwise the answers are stored
 * through the same `submitAnswers` as the tablets use, with an instance id made from the pages, so settling
 * twice stores one submission.
 */
export async function settlePeople(
  ctx: ServiceContext,
  actor: Actor,
  form: NormalisedForm,
  persons: readonly string[],
  language: UiLanguage = 'en',
): Promise<SettleOutcome[]> {
  const out: SettleOutcome[] = [];
  for (const person of persons) out.push(await settlePerson(ctx, actor, form, person, language));
  return out;
}

async function settlePerson(
  ctx: ServiceContext,
  actor: Actor,
  form: NormalisedForm,
  person: string,
  language: UiLanguage,
): Promise<SettleOutcome> {
  const formId = form.settings.formId;
  const version = form.settings.version ?? '';
  const pages = await latestPages(ctx, formId, version, person);
  if (pages.length === 0) return { person, state: 'incomplete' };
  const newest = pages.reduce((a, b) => (Number(b.seq) > Number(a.seq) ? b : a));
  const printed = await ctx.db
    .selectFrom('paper_layout_pages')
    .select('page')
    .where('layout_id', '=', newest.layout_id)
    .where('person_id', '=', person)
    .execute();
  const have = new Map(pages.map((p) => [p.page, p]));
  if (printed.some((p) => !have.has(p.page))) return { person, state: 'incomplete' };
  const used = printed.map((p) => have.get(p.page)!).sort((a, b) => a.page - b.page);
  if (used.some((p) => p.status === 'review')) return { person, state: 'in-review' };
  if (used.every((p) => p.status === 'submitted')) return { person, state: 'already' };

  const combined: Record<string, string> = {};
  for (const p of used) Object.assign(combined, p.answers);
  const issues = validateAnswers(form, combined);
  if (issues.length) {
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      for (const issue of issues) {
        const holder = [...used].reverse().find((p) => issue.field in p.confidence) ?? used[used.length - 1]!;
        await trx
          .insertInto('paper_review_items')
          .values({
            id: ctx.newId(),
            page_id: holder.id,
            batch_id: holder.batch_id,
            field: issue.field,
            reason: reasonForIssue(issue),
            snippet: null,
            read_value: combined[issue.field] ?? null,
            confidence: holder.confidence[issue.field] ?? null,
            status: 'open',
            created_at: now,
          })
          .execute();
        await trx
          .updateTable('paper_pages')
          .set({ status: 'review', answers: sql`answers - ${issue.field}::text` })
          .where('id', '=', holder.id)
          .execute();
      }
      await appendAudit(trx, {
        at: now,
        actorId: actor.userId,
        action: 'paper.review.reopened',
        entity: 'person',
        entityId: person,
        after: { form: formId, version, issues: issues.map((i) => ({ field: i.field, reason: i.reason })) },
      });
    });
    return { person, state: 'reopened', fields: issues.map((i) => i.field) };
  }

  const instanceId = paperInstanceId(
    formId,
    version,
    person,
    used.map((p) => p.id),
  );
  const takenAt = used.reduce((t, p) => Math.max(t, new Date(p.created_at).getTime()), 0);
  await submitAnswers(
    ctx,
    actor,
    {
      instanceId,
      formId,
      formVersion: version,
      intakeId: newest.intake_id,
      personId: person,
      answers: submissionAnswers(form, combined),
      source: 'paper',
      clientTime: new Date(takenAt).toISOString(),
    },
    { language },
  );
  await ctx.db
    .updateTable('paper_pages')
    .set({ status: 'submitted', submission_id: instanceId })
    .where(
      'id',
      'in',
      used.map((p) => p.id),
    )
    .execute();
  return { person, state: 'submitted', instanceId };
}

/** The latest read of each page of a person's form (a page scanned again replaces the earlier read). */
async function latestPages(ctx: ServiceContext, formId: string, version: string, person: string) {
  return ctx.db
    .selectFrom('paper_pages')
    .select([
      'id',
      'seq',
      'batch_id',
      'layout_id',
      'intake_id',
      'page',
      'answers',
      'confidence',
      'status',
      'created_at',
    ])
    .distinctOn('page')
    .where('form_id', '=', formId)
    .where('form_version', '=', version)
    .where('person_id', '=', person)
    .orderBy('page')
    .orderBy('seq', 'desc')
    .execute();
}
