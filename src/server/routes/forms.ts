import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ANY_ROLE, FILLERS, OFFICE } from '../../domain/accounts/roles.ts';
import { InputError } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';
import { isUiLanguage, type UiLanguage } from '../../i18n/languages.ts';
import {
  activateForm,
  exportForm,
  getForm,
  listForms,
  saveTranslations,
  uploadForm,
} from '../../services/forms.ts';
import { getIntake } from '../../services/records.ts';
import { intakeProgress, listSubmissions, submitAnswers } from '../../services/submissions.ts';
import { type App, actorOf, type ServerDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { kitoutRoute } from '../route.ts';
import { ErrorSchema, errorResponses, IdParam, json } from '../schemas.ts';

const LocalTextSchema = z.record(z.string(), z.string());

export const FormSummarySchema = z
  .object({
    id: z.string(),
    version: z.string(),
    title: LocalTextSchema,
    languages: z.array(
      z.object({ key: z.string(), name: z.string().optional(), code: z.string().optional() }),
    ),
    defaultLanguage: z.string(),
    questions: z.number().int(),
    defaultPlan: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .openapi('FormSummary');

const IssueSchema = ErrorSchema.shape.issues.unwrap().element;

const StoredFormSchema = z
  .object({ form: FormSummarySchema, created: z.boolean(), warnings: z.array(IssueSchema).optional() })
  .openapi('StoredForm');

const DefinitionSchema = z.object({}).passthrough().openapi({
  description: 'The normalised form (format "kitout-form"), as `kitout form import --json` prints it',
});

const FormVersionQuery = z.object({ version: z.string().min(1).max(32).optional() });

/** A question's answer: text, a number, a boolean, or the chosen names of a multiple choice. */
const AnswerValue = z.union([
  z.string().max(2000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(200),
  z.null(),
]);

const InstanceId = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only (a UUID fits)');

export const SubmissionRequestSchema = z
  .object({
    instanceId: InstanceId.optional().openapi({ description: 'If given, must equal the Idempotency-Key' }),
    formId: z.string().min(1).max(64),
    formVersion: z.string().min(1).max(32),
    intakeId: z.string().min(1).max(64),
    personId: z.string().min(1).max(100),
    answers: z
      .record(z.string().min(1).max(100), AnswerValue)
      .refine((a) => Object.keys(a).length <= 1000, 'at most 1000 answers'),
    source: z.enum(['web', 'paper']).default('web'),
    clientTime: z.iso.datetime({ offset: true }),
  })
  .openapi('SubmissionRequest');

export const SubmissionReceiptSchema = z
  .object({
    instanceId: z.string(),
    formId: z.string(),
    formVersion: z.string(),
    intakeId: z.string(),
    personId: z.string(),
    source: z.enum(['web', 'paper']),
    clientTime: z.string(),
    serverTime: z.string(),
    replayed: z.boolean(),
  })
  .openapi('SubmissionReceipt');

export const SubmissionSchema = z
  .object({
    instanceId: z.string(),
    formId: z.string(),
    formVersion: z.string(),
    intakeId: z.string(),
    personId: z.string(),
    answers: z.record(z.string(), z.unknown()),
    source: z.enum(['web', 'paper']),
    actor: z.string().nullable(),
    clientTime: z.string(),
    serverTime: z.string(),
  })
  .openapi('Submission');

export const ProgressSchema = z
  .object({
    intakeId: z.string(),
    total: z.number().int(),
    answered: z.number().int(),
    timeZone: z.string(),
    perDay: z.array(z.object({ day: z.string(), people: z.number().int() })),
  })
  .openapi('IntakeProgress');

const LangQuery = {
  lang: z
    .enum(['en', 'ru', 'ko'])
    .optional()
    .openapi({ description: 'Language of the reasons in an error answer (default: the account language)' }),
};

const list = kitoutRoute({
  method: 'get',
  path: '/api/forms',
  roles: ANY_ROLE,
  summary: 'Questionnaires: the active version of each, and how many versions it has',
  responses: {
    200: json(
      z.object({ forms: z.array(FormSummarySchema.extend({ versions: z.number().int() })) }),
      'Forms',
    ),
    ...errorResponses,
  },
});

const upload = kitoutRoute({
  method: 'post',
  path: '/api/forms',
  roles: OFFICE,
  summary:
    'Upload an XLSForm (.xlsx) or a normalised form (.json); it becomes the active version. All or nothing: every problem is listed by sheet, row and column',
  request: {
    query: z.object(LangQuery),
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
    },
  },
  responses: {
    201: json(StoredFormSchema, 'Stored as a new version'),
    200: json(StoredFormSchema, 'This version was stored before with the same content: nothing changed'),
    409: json(ErrorSchema, 'This version exists with other content'),
    ...errorResponses,
  },
});

const get = kitoutRoute({
  method: 'get',
  path: '/api/forms/{id}',
  roles: ANY_ROLE,
  summary: 'One form version with its definition (the active one unless ?version=), and the list of versions',
  request: { params: IdParam, query: FormVersionQuery },
  responses: {
    200: json(
      z.object({
        form: FormSummarySchema,
        definition: DefinitionSchema,
        versions: z.array(FormSummarySchema),
      }),
      'The form',
    ),
    404: json(ErrorSchema, 'No such form or version'),
    ...errorResponses,
  },
});

const exportXlsx = kitoutRoute({
  method: 'get',
  path: '/api/forms/{id}/export.xlsx',
  roles: ANY_ROLE,
  summary: 'The form as an XLSForm workbook (the active version unless ?version=)',
  request: { params: IdParam, query: FormVersionQuery },
  responses: {
    200: {
      description: 'The workbook',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
    },
    404: json(ErrorSchema, 'No such form or version'),
    ...errorResponses,
  },
});

const activate = kitoutRoute({
  method: 'post',
  path: '/api/forms/{id}/activate',
  roles: OFFICE,
  summary: 'Make one stored version the one new form sessions open',
  request: {
    params: IdParam,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ version: z.string().min(1).max(32) }) } },
    },
  },
  responses: {
    200: json(z.object({ form: FormSummarySchema }), 'Activated'),
    404: json(ErrorSchema, 'No such form or version'),
    ...errorResponses,
  },
});

export const TranslationRequestSchema = z
  .object({
    baseVersion: z.string().min(1).max(32),
    edits: z
      .array(
        z.object({
          key: z.string().min(1).max(300),
          language: z.string().min(1).max(40),
          text: z.string().max(10_000),
        }),
      )
      .max(20_000),
    addLanguages: z
      .array(z.object({ code: z.string().min(1).max(20), name: z.string().max(100) }))
      .max(20)
      .default([]),
  })
  .openapi('TranslationRequest');

const translations = kitoutRoute({
  method: 'post',
  path: '/api/forms/{id}/translations',
  roles: OFFICE,
  summary:
    'Save edited labels, hints, messages and choice labels (and new language columns) as a new version',
  request: {
    params: IdParam,
    query: z.object(LangQuery),
    body: { required: true, content: { 'application/json': { schema: TranslationRequestSchema } } },
  },
  responses: {
    201: json(StoredFormSchema, 'Stored as a new version, now active'),
    404: json(ErrorSchema, 'No such form or version'),
    ...errorResponses,
  },
});

const submit = kitoutRoute({
  method: 'post',
  path: '/api/submissions',
  roles: FILLERS,
  summary:
    "Store one filled questionnaire. The Idempotency-Key is the client's instance id: a replay answers with the stored receipt, other content under the same id is 409",
  request: {
    query: z.object(LangQuery),
    headers: z.object({
      'idempotency-key': InstanceId.openapi({
        param: { name: 'idempotency-key', in: 'header' },
        description: 'The instance id of the submission (a UUID made by the client)',
      }),
    }),
    body: { required: true, content: { 'application/json': { schema: SubmissionRequestSchema } } },
  },
  responses: {
    201: json(SubmissionReceiptSchema, 'Stored'),
    200: json(SubmissionReceiptSchema, 'Stored before (replayed)'),
    409: json(ErrorSchema, 'This instance id was stored with other content'),
    ...errorResponses,
  },
});

const listSubs = kitoutRoute({
  method: 'get',
  path: '/api/submissions',
  roles: ANY_ROLE,
  summary: 'Submissions of an intake, newest first; ?latest=true gives the one that counts per person',
  request: {
    query: z.object({
      intake: z.string().min(1).max(64),
      person: z.string().max(100).optional(),
      form: z.string().max(64).optional(),
      latest: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    }),
  },
  responses: {
    200: json(
      z.object({
        total: z.number().int(),
        offset: z.number().int(),
        limit: z.number().int(),
        submissions: z.array(SubmissionSchema),
      }),
      'Submissions',
    ),
    ...errorResponses,
  },
});

const progress = kitoutRoute({
  method: 'get',
  path: '/api/intakes/{id}/progress',
  roles: ANY_ROLE,
  summary: 'People answered out of the roster, and first answers per day (in ?tz=, an IANA time zone)',
  request: {
    params: IdParam,
    query: z.object({ form: z.string().max(64).optional(), tz: z.string().max(64).optional() }),
  },
  responses: { 200: json(ProgressSchema, 'Progress'), ...errorResponses },
});

/** The language for reasons in an answer: `?lang=`, else the account's. */
function answerLanguage(c: Context<AppEnv>, asked: UiLanguage | undefined): UiLanguage {
  const account = c.get('user')?.language;
  return asked ?? (isUiLanguage(account) ? account : 'en');
}

export function registerFormRoutes(app: App, deps: ServerDeps): void {
  app.openapi(list, async (c) => c.json({ forms: await listForms(deps.ctx) }, 200));

  app.openapi(upload, async (c) => {
    const file = (c.req.valid('form') as { file?: unknown }).file;
    if (!(file instanceof File))
      throw new InputError([{ field: 'file', reason: 'attach the form as a file field (.xlsx or .json)' }]);
    const stored = await uploadForm(
      deps.ctx,
      actorOf(c),
      { name: file.name || 'form.xlsx', bytes: Buffer.from(await file.arrayBuffer()) },
      { language: answerLanguage(c, c.req.valid('query').lang) },
    );
    return c.json(stored, stored.created ? 201 : 200);
  });

  app.openapi(get, async (c) => {
    const { form, definition, versions } = await getForm(
      deps.ctx,
      c.req.valid('param').id,
      c.req.valid('query').version,
    );
    return c.json({ form, definition: definition as unknown as Record<string, unknown>, versions }, 200);
  });

  app.openapi(exportXlsx, async (c) => {
    const { form, bytes } = await exportForm(deps.ctx, c.req.valid('param').id, c.req.valid('query').version);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${form.id}-v${form.version}.xlsx"`,
    });
  });

  app.openapi(activate, async (c) => {
    const form = await activateForm(
      deps.ctx,
      actorOf(c),
      c.req.valid('param').id,
      c.req.valid('json').version,
    );
    return c.json({ form }, 200);
  });

  app.openapi(translations, async (c) => {
    const stored = await saveTranslations(
      deps.ctx,
      actorOf(c),
      c.req.valid('param').id,
      c.req.valid('json'),
      {
        language: answerLanguage(c, c.req.valid('query').lang),
      },
    );
    return c.json(stored, 201);
  });

  app.openapi(submit, async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const body = c.req.valid('json');
    if (body.instanceId !== undefined && body.instanceId !== key)
      throw new InputError([
        { field: 'instanceId', reason: 'the instance id must equal the Idempotency-Key header' },
      ]);
    const stored = await submitAnswers(
      deps.ctx,
      actorOf(c),
      { ...body, instanceId: key },
      { language: answerLanguage(c, c.req.valid('query').lang) },
    );
    return c.json(stored, stored.replayed ? 200 : 201);
  });

  app.openapi(listSubs, async (c) => {
    const q = c.req.valid('query');
    const page = await listSubmissions(deps.ctx, {
      intakeId: q.intake,
      personId: q.person,
      formId: q.form,
      latest: q.latest === 'true',
      limit: q.limit,
      offset: q.offset,
    });
    return c.json(page, 200);
  });

  app.openapi(progress, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    await getIntake(deps.ctx, id);
    return c.json(await intakeProgress(deps.ctx, id, { formId: q.form, timeZone: q.tz }), 200);
  });
}
