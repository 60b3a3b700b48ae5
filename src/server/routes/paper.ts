import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { FILLERS } from '../../domain/accounts/roles.ts';
import { InputError } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';
import { isUiLanguage, type UiLanguage } from '../../i18n/languages.ts';
import { listBatches, type UploadedFile, uploadScans } from '../../services/paper-batches.ts';
import { decideReviewItem, reviewQueue, reviewSnippet } from '../../services/paper-review.ts';
import { type App, actorOf, type ServerDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { kitoutRoute, requireIdempotencyKey } from '../route.ts';
import { ErrorSchema, errorResponses, IdempotencyHeader, IdParam, json } from '../schemas.ts';

const LangQuery = {
  lang: z
    .enum(['en', 'ru', 'ko'])
    .optional()
    .openapi({ description: 'Language of labels and reasons (default: the account language)' }),
};

const FailedPageSchema = z.object({
  file: z.string(),
  pageInFile: z.number().int().optional(),
  code: z.string(),
  reason: z.string(),
});

const BatchReceiptSchema = z
  .object({
    batchId: z.string(),
    layoutId: z.string(),
    formId: z.string(),
    formVersion: z.string(),
    files: z.number().int(),
    pagesRead: z.number().int(),
    inReview: z.number().int(),
    reviewItems: z.number().int(),
    failed: z.array(FailedPageSchema),
    replayed: z.boolean(),
  })
  .openapi('PaperBatchReceipt');

const BatchSchema = z
  .object({
    id: z.string(),
    formId: z.string(),
    formVersion: z.string(),
    layoutId: z.string(),
    files: z.array(z.object({ name: z.string(), bytes: z.number().int() })),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    pagesRead: z.number().int(),
    inReview: z.number().int(),
    waiting: z.number().int(),
    submitted: z.number().int(),
    openItems: z.number().int(),
    failed: z.array(FailedPageSchema),
  })
  .openapi('PaperBatch');

const ReviewItemSchema = z
  .object({
    id: z.string(),
    batchId: z.string(),
    pageId: z.string(),
    personId: z.string(),
    personName: z.string(),
    page: z.number().int(),
    file: z.string(),
    pageInFile: z.number().int().nullable(),
    field: z.string(),
    reason: z.string(),
    readValue: z.string().nullable(),
    confidence: z.number().nullable(),
    hasSnippet: z.boolean(),
    status: z.enum(['open', 'accepted', 'corrected']),
    decidedValue: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    prompt: z.object({
      label: z.string(),
      type: z.string(),
      multiple: z.boolean(),
      choices: z.array(z.object({ value: z.string(), label: z.string() })),
    }),
  })
  .openapi('PaperReviewItem');

const DecisionSchema = z
  .object({
    action: z.enum(['accept', 'correct']),
    value: z.string().max(2000).optional().openapi({
      description: "The right answer for 'correct' ('' = no answer); choices separated by spaces",
    }),
  })
  .openapi('PaperReviewDecision');

const DecisionResultSchema = z
  .object({
    id: z.string(),
    field: z.string(),
    status: z.enum(['accepted', 'corrected']),
    decidedValue: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string(),
    settled: z.object({ person: z.string(), state: z.string() }).passthrough().optional(),
    replayed: z.boolean(),
  })
  .openapi('PaperReviewDecisionResult');

const upload = kitoutRoute({
  method: 'post',
  path: '/api/paper/batches',
  roles: FILLERS,
  summary:
    'Upload scans or photos of printed forms (PNG, JPEG, TIFF, WebP, PDF) with the layout file they were printed with (or layoutId of one uploaded before); requires Idempotency-Key. A bad file refuses the upload; a page that cannot be read is listed with its reason',
  request: {
    query: z.object(LangQuery),
    headers: IdempotencyHeader,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            files: z.any().openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
            layout: z.any().optional().openapi({ type: 'string', format: 'binary' }),
            layoutId: z.string().optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(BatchReceiptSchema, 'Read and stored'),
    409: json(ErrorSchema, 'The Idempotency-Key was used for another request'),
    ...errorResponses,
  },
});

const batches = kitoutRoute({
  method: 'get',
  path: '/api/paper/batches',
  roles: FILLERS,
  summary: 'Uploads of scans, newest first, with pages read, failed (with reasons), in review and submitted',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(20),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    }),
  },
  responses: {
    200: json(z.object({ total: z.number().int(), batches: z.array(BatchSchema) }), 'Batches'),
    ...errorResponses,
  },
});

const queue = kitoutRoute({
  method: 'get',
  path: '/api/paper/review',
  roles: FILLERS,
  summary: 'The review queue: fields read with doubt, each with its question, the value read and its choices',
  request: {
    query: z.object({
      batch: z.string().max(100).optional(),
      status: z.enum(['open', 'decided', 'all']).default('open'),
      limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
      ...LangQuery,
    }),
  },
  responses: {
    200: json(
      z.object({ total: z.number().int(), open: z.number().int(), items: z.array(ReviewItemSchema) }),
      'Review items',
    ),
    ...errorResponses,
  },
});

const snippet = kitoutRoute({
  method: 'get',
  path: '/api/paper/review/{id}/snippet',
  roles: FILLERS,
  summary: "The picture of a review item's field, straightened out of the scan (PNG)",
  request: { params: IdParam },
  responses: {
    200: { description: 'PNG', content: { 'image/png': { schema: z.any() } } },
    404: json(ErrorSchema, 'No such item, or no picture'),
    ...errorResponses,
  },
});

const decide = kitoutRoute({
  method: 'post',
  path: '/api/paper/review/{id}/decision',
  roles: FILLERS,
  summary:
    'Accept the value read or correct it (checked against the question); requires Idempotency-Key. The last decision of a page makes the person’s answers a submission with source paper',
  request: {
    params: IdParam,
    query: z.object(LangQuery),
    headers: IdempotencyHeader,
    body: { required: true, content: { 'application/json': { schema: DecisionSchema } } },
  },
  responses: {
    200: json(DecisionResultSchema, 'Decided'),
    404: json(ErrorSchema, 'No such item'),
    409: json(ErrorSchema, 'Decided before by someone else'),
    ...errorResponses,
  },
});

function language(c: Context<AppEnv>, asked: UiLanguage | undefined): UiLanguage {
  const account = c.get('user')?.language;
  return asked ?? (isUiLanguage(account) ? account : 'en');
}

async function asUploaded(value: unknown): Promise<UploadedFile | undefined> {
  if (!(value instanceof File)) return undefined;
  return { name: value.name || 'scan', bytes: Buffer.from(await value.arrayBuffer()) };
}

export function registerPaperRoutes(app: App, deps: ServerDeps): void {
  app.openapi(upload, async (c) => {
    const key = requireIdempotencyKey(c.req.valid('header')['idempotency-key'], 'an upload of scans needs');
    const form = c.req.valid('form') as { files?: unknown; layout?: unknown; layoutId?: unknown };
    const given = form.files === undefined ? [] : Array.isArray(form.files) ? form.files : [form.files];
    const files: UploadedFile[] = [];
    for (const f of given) {
      const file = await asUploaded(f);
      if (!file) throw new InputError([{ field: 'files', reason: 'each scan must be sent as a file' }]);
      files.push(file);
    }
    const layout = await asUploaded(form.layout);
    if (form.layout !== undefined && !layout)
      throw new InputError([{ field: 'layout', reason: 'send the layout as a file (layout.json)' }]);
    const result = await uploadScans(deps.ctx, actorOf(c), {
      files,
      ...(layout ? { layout } : {}),
      ...(typeof form.layoutId === 'string' && form.layoutId ? { layoutId: form.layoutId } : {}),
      idempotencyKey: key,
      language: language(c, c.req.valid('query').lang),
    });
    return c.json(result, 201);
  });

  app.openapi(batches, async (c) => c.json(await listBatches(deps.ctx, c.req.valid('query')), 200));

  app.openapi(queue, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await reviewQueue(deps.ctx, {
        ...(q.batch ? { batchId: q.batch } : {}),
        status: q.status,
        limit: q.limit,
        offset: q.offset,
        language: language(c, q.lang),
      }),
      200,
    );
  });

  app.openapi(snippet, async (c) => {
    const png = await reviewSnippet(deps.ctx, c.req.valid('param').id);
    return c.body(new Uint8Array(png), 200, {
      'content-type': 'image/png',
      'cache-control': 'private, max-age=86400, immutable',
    });
  });

  app.openapi(decide, async (c) => {
    const key = requireIdempotencyKey(c.req.valid('header')['idempotency-key'], 'a review decision needs');
    const body = c.req.valid('json');
    const result = await decideReviewItem(deps.ctx, actorOf(c), c.req.valid('param').id, {
      action: body.action,
      ...(body.value !== undefined ? { value: body.value } : {}),
      idempotencyKey: key,
      language: language(c, c.req.valid('query').lang),
    });
    return c.json(result, 200);
  });
}
