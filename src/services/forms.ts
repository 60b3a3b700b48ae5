import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { hashRequest } from '../db/repositories/idempotency.ts';
import { ConflictError, InputError, type Issue, NotFoundError } from '../domain/errors.ts';
import { buildDefaultSizingForm } from '../domain/forms/default-sizing-form.ts';
import type { Language, LocalText, NormalisedForm } from '../domain/forms/form-model.ts';
import { questionsOf } from '../domain/forms/form-model.ts';
import type { FormProblem } from '../domain/forms/form-problems.ts';
import { parseLanguagePlan } from '../domain/forms/language-plan.ts';
import { applyTranslations, type NewLanguage, type TextEdit } from '../domain/forms/translation-table.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/node.ts';
import type { Actor, ServiceContext } from './context.ts';

/** A stored form version as lists show it (no definition). */
export interface FormSummary {
  id: string;
  version: string;
  title: LocalText;
  languages: Language[];
  defaultLanguage: string;
  questions: number;
  defaultPlan: string | null;
  active: boolean;
  createdAt: string;
  createdBy: string | null;
}

export interface StoredForm {
  form: FormSummary;
  /** False when the same id and version with the same definition was stored before: nothing changed. */
  created: boolean;
}

/** The plan the seeded questionnaire opens with: Russian questions and headings, Korean choices. */
export const DEFAULT_FORM_PLAN = 'ru,choices=ko';

// Stored versions never change (a trigger refuses it), so a definition read once can be kept for good.
const definitions = new WeakMap<Db, Map<string, NormalisedForm>>();
const cacheKey = (id: string, version: string) => `${id}\u0000${version}`;

/**
 * Stores a form version and makes it the active one. A form without a version gets the next free number.
 * The same id, version and definition again changes nothing; the same id and version with other content is
 * refused (409), as ODK Central refuses to publish over a version — raise the version instead.
 */
export async function storeForm(
  ctx: ServiceContext,
  actor: Actor,
  input: NormalisedForm,
  opts: { defaultPlan?: string | null; action?: string } = {},
): Promise<StoredForm> {
  if (opts.defaultPlan) checkPlan(opts.defaultPlan);
  const id = input.settings.formId;
  return ctx.db.transaction().execute(async (trx) => {
    // Two uploads of one form at once would both pick the same next version; take turns per form id.
    await sql`select pg_advisory_xact_lock(hashtext(${`kitout.form:${id}`}))`.execute(trx);
    const taken = await trx
      .selectFrom('forms')
      .select(['version', 'definition_hash'])
      .where('id', '=', id)
      .orderBy('seq')
      .execute();
    const form = structuredClone(input);
    // The content without its version: a form uploaded again without a version is the same form.
    const hash = contentHash(form);
    if (form.settings.version === undefined) {
      const again = taken.findLast((t) => t.definition_hash === hash);
      if (again) return { form: await summaryOf(trx, id, again.version), created: false };
      form.settings.version = nextVersion(
        taken.map((t) => t.version),
        highestNumber(taken.map((t) => t.version)),
      );
    }
    const version = form.settings.version;
    const same = taken.find((t) => t.version === version);
    if (same) {
      if (same.definition_hash !== hash)
        throw new ConflictError(
          `form ${id} already has a version ${version} with other content; give the new one another version`,
        );
      return { form: await summaryOf(trx, id, version), created: false };
    }
    await trx
      .updateTable('forms')
      .set({ active: false })
      .where('id', '=', id)
      .where('active', '=', true)
      .execute();
    const now = ctx.now();
    await trx
      .insertInto('forms')
      .values({
        id,
        version,
        title: JSON.stringify(form.settings.title),
        definition: JSON.stringify(form),
        definition_hash: hash,
        default_plan: opts.defaultPlan ?? null,
        active: true,
        created_at: now,
        created_by: actor.userId,
      })
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      action: opts.action ?? 'form.stored',
      entity: 'form',
      entityId: id,
      after: { version, questions: [...questionsOf(form.survey)].length },
    });
    return { form: await summaryOf(trx, id, version), created: true };
  });
}

/** A hash of the form's content without its version, the same whatever order its keys come in. */
function contentHash(form: NormalisedForm): string {
  const { version: _version, ...settings } = form.settings;
  return hashRequest(sortedKeys({ ...form, settings }));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
  );
}

/** The next free version after `base`: its trailing number plus one (`1` → `2`, `2026.3` → `2026.4`). */
export function nextVersion(taken: Iterable<string>, base = '0'): string {
  const used = new Set(taken);
  const m = /^(.*?)(\d+)$/.exec(base);
  const prefix = m ? m[1]! : `${base}.`;
  let n = m ? BigInt(m[2]!) : 1n;
  for (;;) {
    n += 1n;
    const version = `${prefix}${n}`;
    if (!used.has(version)) return version;
  }
}

function highestNumber(versions: string[]): string {
  const numbers = versions.filter((v) => /^\d{1,15}$/.test(v)).map(Number);
  return String(numbers.length ? Math.max(...numbers) : 0);
}

function checkPlan(plan: string): void {
  const parsed = parseLanguagePlan(plan);
  if (!parsed.ok)
    throw new InputError(
      parsed.errors.map((e) => ({
        field: 'defaultPlan',
        reason: e.key,
        code: `forms:${e.key}`,
        params: e.params,
      })),
    );
}

type Executor = Pick<Db, 'selectFrom'>;

async function summaryOf(db: Executor, id: string, version: string): Promise<FormSummary> {
  const row = await db
    .selectFrom('forms')
    .select(['id', 'version', 'title', 'definition', 'default_plan', 'active', 'created_at', 'created_by'])
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('form', `${id} version ${version}`);
  return summary(row);
}

function summary(row: {
  id: string;
  version: string;
  title: LocalText;
  definition: unknown;
  default_plan: string | null;
  active: boolean;
  created_at: Date;
  created_by: string | null;
}): FormSummary {
  const form = row.definition as NormalisedForm;
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    languages: form.languages,
    defaultLanguage: form.settings.defaultLanguage,
    questions: [...questionsOf(form.survey)].filter((q) => q.question.type !== 'note').length,
    defaultPlan: row.default_plan,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
  };
}

/** Every form: its active version (or its newest, when none is active) and how many versions it has. */
export async function listForms(ctx: ServiceContext): Promise<(FormSummary & { versions: number })[]> {
  const rows = await ctx.db
    .selectFrom('forms')
    .select(['id', 'version', 'title', 'definition', 'default_plan', 'active', 'created_at', 'created_by'])
    .select(sql<number>`count(*) over (partition by id)::int`.as('versions'))
    .orderBy('id')
    .orderBy('active', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: (FormSummary & { versions: number })[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    out.push({ ...summary(row), versions: Number(row.versions) });
  }
  return out;
}

/** One form version with its definition (the active version unless `version` is given), and all its versions. */
export async function getForm(ctx: ServiceContext, id: string, version?: string) {
  const rows = await ctx.db
    .selectFrom('forms')
    .select(['id', 'version', 'title', 'default_plan', 'active', 'created_at', 'created_by', 'seq'])
    .where('id', '=', id)
    .orderBy('seq', 'desc')
    .execute();
  if (rows.length === 0) throw new NotFoundError('form', id);
  const chosen = version ? rows.find((r) => r.version === version) : (rows.find((r) => r.active) ?? rows[0]);
  if (!chosen) throw new NotFoundError('form', `${id} version ${version}`);
  const definition = await formDefinition(ctx, id, chosen.version);
  const versions = await Promise.all(
    rows.map(async (r) => summary({ ...r, definition: await formDefinition(ctx, id, r.version) })),
  );
  return {
    form: versions.find((v) => v.version === chosen.version)!,
    definition,
    versions,
  };
}

/** The definition of one stored version, or undefined; read from the database once per process. */
export async function findFormDefinition(
  ctx: ServiceContext,
  id: string,
  version: string,
): Promise<NormalisedForm | undefined> {
  let cache = definitions.get(ctx.db);
  if (!cache) {
    cache = new Map();
    definitions.set(ctx.db, cache);
  }
  const key = cacheKey(id, version);
  const hit = cache.get(key);
  if (hit) return hit;
  const row = await ctx.db
    .selectFrom('forms')
    .select('definition')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const form = row.definition as NormalisedForm;
  cache.set(key, form);
  return form;
}

async function formDefinition(ctx: ServiceContext, id: string, version: string): Promise<NormalisedForm> {
  const form = await findFormDefinition(ctx, id, version);
  if (!form) throw new NotFoundError('form', `${id} version ${version}`);
  return form;
}

/** Makes one stored version the one new sessions open. */
export async function activateForm(ctx: ServiceContext, actor: Actor, id: string, version: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('forms')
      .select(['version', 'active'])
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('form', `${id} version ${version}`);
    if (row.active) return;
    await trx
      .updateTable('forms')
      .set({ active: false })
      .where('id', '=', id)
      .where('active', '=', true)
      .execute();
    await trx
      .updateTable('forms')
      .set({ active: true })
      .where('id', '=', id)
      .where('version', '=', version)
      .execute();
    await appendAudit(trx, {
      at: ctx.now(),
      actorId: actor.userId,
      action: 'form.activated',
      entity: 'form',
      entityId: id,
      after: { version },
    });
  });
  return summaryOf(ctx.db, id, version);
}

/**
 * Saves edited translations as a new version of the form (the next number after the newest), which becomes
 * active. Every refused cell is reported with its row key and the reason.
 */
export async function saveTranslations(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  change: { baseVersion: string; edits: TextEdit[]; addLanguages: NewLanguage[] },
  opts: { language?: UiLanguage } = {},
): Promise<StoredForm> {
  const base = await getForm(ctx, id, change.baseVersion);
  const version = nextVersion(
    base.versions.map((v) => v.version),
    newest(
      base.versions.map((v) => v.version),
      change.baseVersion,
    ),
  );
  const result = applyTranslations(base.definition, { ...change, version });
  if (!result.ok) {
    const t = await translatorFor(opts.language ?? 'en', 'forms');
    throw new InputError(
      result.errors.map((e) => ({
        field: e.where,
        reason: t(e.key, e.params),
        code: `forms:${e.key}`,
        params: e.params,
      })),
    );
  }
  return storeForm(ctx, actor, result.value, {
    defaultPlan: base.form.defaultPlan,
    action: 'form.translated',
  });
}

// Numbered versions continue from the highest number; otherwise from the version being edited.
function newest(versions: string[], base: string): string {
  const numbers = versions.filter((v) => /^\d{1,15}$/.test(v));
  return numbers.length ? highestNumber(numbers) : base;
}

/** Reads an uploaded XLSForm (or normalised JSON) and stores it; every problem is listed by sheet, row and column. */
export async function uploadForm(
  ctx: ServiceContext,
  actor: Actor,
  file: { name: string; bytes: Buffer },
  opts: { language?: UiLanguage } = {},
): Promise<StoredForm & { warnings: Issue[] }> {
  const { readFormBytes } = await import('../adapters/xlsx/form-file.ts');
  const result = await readFormBytes(file.bytes, file.name);
  const t = await translatorFor(opts.language ?? 'en', 'forms');
  const toIssue = (p: FormProblem): Issue => {
    const issue: Issue = {
      file: file.name,
      reason: t(p.key, p.params),
      code: `forms:${p.key}`,
      params: p.params,
    };
    if (p.sheet !== undefined) issue.sheet = p.sheet;
    if (p.row !== undefined) issue.row = p.row;
    if (p.column !== undefined) issue.field = p.column;
    return issue;
  };
  if (!result.ok) throw new InputError(result.errors.map(toIssue));
  const stored = await storeForm(ctx, actor, result.value, { action: 'form.uploaded' });
  return { ...stored, warnings: result.warnings.map(toIssue) };
}

/** The XLSForm workbook of one stored version (the active one unless `version` is given). */
export async function exportForm(ctx: ServiceContext, id: string, version?: string) {
  const { formBytes } = await import('../adapters/xlsx/form-file.ts');
  const { form, definition } = await getForm(ctx, id, version);
  return { form, bytes: await formBytes(definition, 'xlsx') };
}

/** Stores Kitout's default sizing questionnaire unless a form with its id exists (first start). */
export async function storeDefaultForm(ctx: ServiceContext, actor: Actor): Promise<StoredForm | undefined> {
  const form = buildDefaultSizingForm();
  const exists = await ctx.db
    .selectFrom('forms')
    .select('id')
    .where('id', '=', form.settings.formId)
    .executeTakeFirst();
  if (exists) return undefined;
  return storeForm(ctx, actor, form, { defaultPlan: DEFAULT_FORM_PLAN, action: 'form.seeded' });
}
