import { sql } from 'kysely';
import { hashRequest } from '../db/repositories/idempotency.ts';
import { ConflictError, InputError, type Issue } from '../domain/errors.ts';
import { type Answers, validateAnswers } from '../domain/forms/answer-validation.ts';
import { checkedTimeZone } from '../domain/time-zone.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/node.ts';
import type { Actor, ServiceContext } from './context.ts';
import { findFormDefinition } from './forms.ts';
import { writerFor } from './submissions-writer.ts';

/** One filled questionnaire as a client sends it; `instanceId` is made by the client and is its identity. */
export interface SubmissionInput {
  instanceId: string;
  formId: string;
  formVersion: string;
  intakeId: string;
  personId: string;
  answers: Record<string, string | number | boolean | string[] | null>;
  source: 'web' | 'paper';
  /** When the answers were taken, by the client's clock (ISO 8601). */
  clientTime: string;
}

/** What the server answers for a stored submission — the same again for every replay of its instance id. */
export interface SubmissionReceipt {
  instanceId: string;
  formId: string;
  formVersion: string;
  intakeId: string;
  personId: string;
  source: 'web' | 'paper';
  clientTime: string;
  serverTime: string;
  /** True when this instance id was stored before and this is the earlier answer. */
  replayed: boolean;
}

/**
 * Stores one submission, once per instance id. A replay with the same content answers with the stored receipt;
 * the same id with other content is refused (409). The answers are checked by the same pure validation the
 * tablet runs, and a refusal names each field (`answers.<question>`) with the reason. The row and its audit row
 * go in one statement, so a crash leaves both or neither.
 */
export async function submitAnswers(
  ctx: ServiceContext,
  actor: Actor,
  input: SubmissionInput,
  opts: { language?: UiLanguage } = {},
): Promise<SubmissionReceipt> {
  const clientTime = new Date(input.clientTime);
  if (Number.isNaN(clientTime.getTime()))
    throw new InputError([{ field: 'clientTime', reason: `"${input.clientTime}" is not a time` }]);
  const requestHash = hashRequest(canonical(input));
  const form = await findFormDefinition(ctx, input.formId, input.formVersion);
  if (!form) {
    throw new InputError([
      {
        field: 'formVersion',
        reason: `form ${input.formId} has no version ${input.formVersion}`,
      },
    ]);
  }
  const answers = withoutEmpty(input.answers);
  const problems = validateAnswers(form, answers as Answers, { language: opts.language });
  if (problems.length) {
    // An instance id already stored is taken, whatever the new body holds: that is the clearer answer.
    await refuseIfTaken(ctx, input.instanceId, requestHash);
    const t = await translatorFor(opts.language ?? 'en', 'forms');
    throw new InputError(
      problems.map((p): Issue => {
        // The form's own constraint message is already in the language asked for; other reasons are keys.
        const issue: Issue = { field: `answers.${p.field}`, reason: p.message ?? t(p.reason, p.params) };
        if (p.message === undefined) {
          issue.code = `forms:${p.reason}`;
          issue.params = p.params;
        }
        return issue;
      }),
    );
  }

  const stored = await writerFor(ctx).write({
    instanceId: input.instanceId,
    formId: input.formId,
    formVersion: input.formVersion,
    intakeId: input.intakeId,
    personId: input.personId,
    answers: JSON.stringify(answers),
    source: input.source,
    actorId: actor.userId,
    clientTime,
    requestHash,
  });
  if (stored) return receipt(input, clientTime, stored, false);

  const earlier = await refuseIfTaken(ctx, input.instanceId, requestHash);
  if (earlier) {
    return {
      instanceId: input.instanceId,
      formId: earlier.form_id,
      formVersion: earlier.form_version,
      intakeId: earlier.intake_id,
      personId: earlier.person_id,
      source: earlier.source,
      clientTime: new Date(earlier.client_time).toISOString(),
      serverTime: new Date(earlier.server_time).toISOString(),
      replayed: true,
    };
  }
  const intake = await ctx.db
    .selectFrom('intakes')
    .select('id')
    .where('id', '=', input.intakeId)
    .executeTakeFirst();
  throw new InputError([
    intake
      ? { field: 'personId', reason: `${input.personId} is not on the roster of intake ${input.intakeId}` }
      : { field: 'intakeId', reason: `no intake ${input.intakeId}` },
  ]);
}

/** The stored row of an instance id, or undefined; refuses (409) when it holds other content than `hash`. */
async function refuseIfTaken(ctx: ServiceContext, instanceId: string, hash: string) {
  const earlier = await ctx.db
    .selectFrom('submissions')
    .select([
      'request_hash',
      'client_time',
      'server_time',
      'form_id',
      'form_version',
      'intake_id',
      'person_id',
      'source',
    ])
    .where('instance_id', '=', instanceId)
    .executeTakeFirst();
  if (earlier && earlier.request_hash !== hash)
    throw new ConflictError(
      `instance ${instanceId} was already stored with other content; a changed answer needs a new instance id`,
    );
  return earlier;
}

function receipt(
  input: SubmissionInput,
  clientTime: Date,
  serverTime: Date,
  replayed: boolean,
): SubmissionReceipt {
  return {
    instanceId: input.instanceId,
    formId: input.formId,
    formVersion: input.formVersion,
    intakeId: input.intakeId,
    personId: input.personId,
    source: input.source,
    clientTime: clientTime.toISOString(),
    serverTime: serverTime.toISOString(),
    replayed,
  };
}

/** Empty answers (blank, null, an empty choice list) are no answers; they are not stored. */
function withoutEmpty(answers: SubmissionInput['answers']): SubmissionInput['answers'] {
  const out: SubmissionInput['answers'] = {};
  for (const [k, v] of Object.entries(answers)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** The request as content, independent of key order, so a replayed body hashes the same however it is laid out. */
function canonical(input: SubmissionInput) {
  const { instanceId: _id, answers, ...rest } = input;
  const sorted = Object.fromEntries(
    Object.entries(withoutEmpty(answers)).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return {
    ...rest,
    clientTime: new Date(input.clientTime).toISOString(),
    answers: sorted,
  };
}

/** When a submission was taken: the client's time, but never later than the server received it. */
const TAKEN_AT = sql`least(client_time, server_time)`;

export interface SubmissionQuery {
  intakeId: string;
  personId?: string;
  formId?: string;
  /** Only the latest submission of each person (the one that counts). */
  latest?: boolean;
  limit: number;
  offset: number;
}

/**
 * Submissions of an intake, newest first. With `latest`, one per person: the one taken last (by the
 * tablet's clock, capped at the server's receipt time, so a clock set in the future cannot win forever).
 */
export async function listSubmissions(ctx: ServiceContext, q: SubmissionQuery) {
  let base = ctx.db
    .selectFrom('submissions')
    .leftJoin('users', 'users.id', 'submissions.actor_id')
    .where('submissions.intake_id', '=', q.intakeId);
  if (q.personId) base = base.where('submissions.person_id', '=', q.personId);
  if (q.formId) base = base.where('submissions.form_id', '=', q.formId);
  const columns = [
    'submissions.instance_id as instanceId',
    'submissions.form_id as formId',
    'submissions.form_version as formVersion',
    'submissions.intake_id as intakeId',
    'submissions.person_id as personId',
    'submissions.answers',
    'submissions.source',
    'users.username as actor',
    'submissions.client_time as clientTime',
    'submissions.server_time as serverTime',
  ] as const;
  let rows: {
    instanceId: string;
    formId: string;
    formVersion: string;
    intakeId: string;
    personId: string;
    answers: Record<string, unknown>;
    source: 'web' | 'paper';
    actor: string | null;
    clientTime: Date;
    serverTime: Date;
  }[];
  let total: number;
  if (q.latest) {
    const latest = base
      .select(columns)
      .select(sql<number>`submissions.seq`.as('seq'))
      .distinctOn('submissions.person_id')
      .orderBy('submissions.person_id')
      .orderBy(sql`least(submissions.client_time, submissions.server_time)`, 'desc')
      .orderBy('submissions.seq', 'desc');
    const page = await ctx.db
      .selectFrom(latest.as('l'))
      .selectAll()
      .orderBy('l.personId')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    rows = page;
    total = Number(
      (
        await base
          .select(sql<number>`count(distinct submissions.person_id)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  } else {
    rows = await base
      .select(columns)
      .orderBy('submissions.seq', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    total = Number((await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
  }
  return {
    total,
    offset: q.offset,
    limit: q.limit,
    submissions: rows.map((r) => ({
      instanceId: r.instanceId,
      formId: r.formId,
      formVersion: r.formVersion,
      intakeId: r.intakeId,
      personId: r.personId,
      answers: r.answers,
      source: r.source,
      actor: r.actor,
      clientTime: new Date(r.clientTime).toISOString(),
      serverTime: new Date(r.serverTime).toISOString(),
    })),
  };
}

/**
 * How far an intake has got: people on the roster, people with at least one submission, and per day (in the
 * caller's time zone) how many people answered for the first time.
 */
export async function intakeProgress(
  ctx: ServiceContext,
  intakeId: string,
  opts: { formId?: string; timeZone?: string } = {},
) {
  const tz = checkedTimeZone(opts.timeZone ?? 'UTC');
  const people = await ctx.db
    .selectFrom('people')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('intake_id', '=', intakeId)
    .executeTakeFirstOrThrow();
  const formFilter = opts.formId ? sql`and form_id = ${opts.formId}` : sql``;
  try {
    const days = await sql<{ day: string; people: number }>`
      select first_day::text as day, count(*)::int as people from (
        select person_id, min((${TAKEN_AT} at time zone ${tz})::date) as first_day
        from submissions where intake_id = ${intakeId} ${formFilter}
        group by person_id
      ) f group by first_day order by first_day`.execute(ctx.db);
    const perDay = days.rows.map((d) => ({ day: d.day, people: Number(d.people) }));
    return {
      intakeId,
      total: Number(people.n),
      answered: perDay.reduce((s, d) => s + d.people, 0),
      timeZone: tz,
      perDay,
    };
  } catch (err) {
    if ((err as { code?: string }).code === '22023')
      throw new InputError([{ field: 'tz', reason: `unknown time zone "${tz}"` }]);
    throw err;
  }
}
