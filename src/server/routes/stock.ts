import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { tableToCsv, tableToXlsx } from '../../adapters/tabular/write-table.ts';
import { STOCK } from '../../domain/accounts/roles.ts';
import { InputError } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';
import { CONDITIONS, MOVEMENT_TYPES } from '../../domain/stock/movement.ts';
import { postBatch, postMovement, reverseMovement, StockRefusal } from '../../services/ledger.ts';
import { stockTable } from '../../services/stock-export.ts';
import { importStock } from '../../services/stock-import.ts';
import { listBalances, listMovements } from '../../services/stock-queries.ts';
import { type App, actorOf, type ServerDeps } from '../deps.ts';
import { kitoutRoute, requireIdempotencyKey } from '../route.ts';
import { ErrorSchema, errorResponses, IdempotencyHeader, json } from '../schemas.ts';

const StockKeyFields = {
  depot: z.string().min(1).max(64),
  item: z.string().min(1).max(64),
  size: z.string().min(1).max(32),
};

export const MovementRequestSchema = z
  .object({
    type: z.enum(MOVEMENT_TYPES),
    ...StockKeyFields,
    qty: z.number().int().min(0).max(1_000_000),
    direction: z.enum(['in', 'out']).optional(),
    otherDepot: z.string().min(1).max(64).optional(),
    person: z.string().min(1).max(100).optional(),
    fromReserved: z.boolean().optional(),
    condition: z.enum(CONDITIONS).optional(),
    reason: z.string().max(500).optional(),
    document: z.string().max(200).optional(),
  })
  .openapi('MovementRequest');

const EffectSchema = z.object({
  depot: z.string(),
  item: z.string(),
  size: z.string(),
  onHand: z.number(),
  reserved: z.number(),
  inTransit: z.number(),
  unserviceable: z.number(),
});

const PostedSchema = z
  .object({
    id: z.number(),
    key: z.string(),
    type: z.string(),
    depot: z.string(),
    item: z.string(),
    size: z.string(),
    qty: z.number(),
    effects: z.array(EffectSchema),
    at: z.string(),
    replayed: z.boolean(),
  })
  .openapi('PostedMovement');

const BalanceSchema = z
  .object({
    depot: z.string(),
    item: z.string(),
    size: z.string(),
    onHand: z.number(),
    reserved: z.number(),
    inTransit: z.number(),
    unserviceable: z.number(),
    available: z.number(),
  })
  .openapi('Balance');

const RefusalSchema = ErrorSchema.extend({ rule: z.string().optional() }).openapi('StockRefusal');

const balances = kitoutRoute({
  method: 'get',
  path: '/api/stock/balances',
  roles: [...STOCK, 'issuer'],
  summary: 'Stock per depot × item × size: on hand, reserved, available, in transit, unserviceable',
  request: { query: z.object({ depot: z.string().max(64).optional(), item: z.string().max(64).optional() }) },
  responses: { 200: json(z.object({ balances: z.array(BalanceSchema) }), 'Balances'), ...errorResponses },
});

const movements = kitoutRoute({
  method: 'get',
  path: '/api/stock/movements',
  roles: STOCK,
  summary: 'The ledger, newest first',
  request: {
    query: z.object({
      depot: z.string().max(64).optional(),
      item: z.string().max(64).optional(),
      person: z.string().max(100).optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(100),
    }),
  },
  responses: {
    200: json(z.object({ movements: z.array(z.record(z.string(), z.unknown())) }), 'Movements'),
    ...errorResponses,
  },
});

const post = kitoutRoute({
  method: 'post',
  path: '/api/stock/movements',
  roles: STOCK,
  summary: 'Post a movement (requires Idempotency-Key); refused with 409 when it would break stock rules',
  request: {
    headers: IdempotencyHeader,
    body: { content: { 'application/json': { schema: MovementRequestSchema } }, required: true },
  },
  responses: {
    201: json(PostedSchema, 'Posted'),
    200: json(PostedSchema, 'Already posted with this key (replayed)'),
    409: json(RefusalSchema, 'Refused by the stock rules, e.g. out of stock'),
    ...errorResponses,
  },
});

const reverse = kitoutRoute({
  method: 'post',
  path: '/api/stock/movements/{id}/reverse',
  roles: ['admin', 'storekeeper'],
  summary: 'Correct a movement by posting its reversal (requires Idempotency-Key)',
  request: {
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
    headers: IdempotencyHeader,
    body: {
      content: { 'application/json': { schema: z.object({ reason: z.string().min(1).max(500) }) } },
      required: true,
    },
  },
  responses: {
    201: json(PostedSchema, 'Reversed'),
    200: json(PostedSchema, 'Already reversed with this key (replayed)'),
    409: json(RefusalSchema, 'Refused'),
    404: json(ErrorSchema, 'No such movement'),
    ...errorResponses,
  },
});

const batch = kitoutRoute({
  method: 'post',
  path: '/api/stock/batch',
  roles: STOCK,
  summary:
    'Post several movements at once, all or none (a receipt grid, a count sheet); requires Idempotency-Key',
  request: {
    headers: IdempotencyHeader,
    body: {
      content: {
        'application/json': {
          schema: z.object({ movements: z.array(MovementRequestSchema).min(1).max(5000) }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: json(z.object({ movements: z.array(PostedSchema) }), 'Posted'),
    200: json(z.object({ movements: z.array(PostedSchema) }), 'Already posted with this key (replayed)'),
    409: json(RefusalSchema, 'Refused by the stock rules'),
    ...errorResponses,
  },
});

const importFile = kitoutRoute({
  method: 'post',
  path: '/api/stock/import',
  roles: STOCK,
  summary: 'Post opening stock or a delivery from a CSV/XLSX file, all or nothing (requires Idempotency-Key)',
  request: {
    headers: IdempotencyHeader,
    query: z.object({ mode: z.enum(['receipt', 'count']).default('receipt') }),
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
    200: json(z.object({ fileName: z.string(), rows: z.number(), units: z.number() }), 'Posted'),
    ...errorResponses,
  },
});

const exportTable = kitoutRoute({
  method: 'get',
  path: '/api/stock/export',
  roles: STOCK,
  summary: 'Balances or the ledger as CSV or XLSX',
  request: {
    query: z.object({ what: z.enum(['balances', 'ledger']), format: z.enum(['csv', 'xlsx']).default('csv') }),
  },
  responses: {
    200: {
      description: 'The file',
      content: {
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
      },
    },
    ...errorResponses,
  },
});

export function registerStockRoutes(app: App, deps: ServerDeps): void {
  app.openapi(balances, async (c) =>
    c.json({ balances: await listBalances(deps.ctx, c.req.valid('query')) }, 200),
  );

  app.openapi(movements, async (c) => {
    const rows = await listMovements(deps.ctx, c.req.valid('query'));
    return c.json({ movements: rows as unknown as Record<string, unknown>[] }, 200);
  });

  app.openapi(post, async (c) => {
    const key = requireIdempotencyKey(c.req.valid('header')['idempotency-key'], 'stock movements need');
    try {
      const posted = await postMovement(deps.ctx, actorOf(c), { ...c.req.valid('json'), key });
      return c.json(posted, posted.replayed ? 200 : 201);
    } catch (err) {
      if (err instanceof StockRefusal)
        return c.json({ error: 'refused', rule: err.rule, message: err.message }, 409);
      throw err;
    }
  });

  app.openapi(batch, async (c) => {
    const key = requireIdempotencyKey(c.req.valid('header')['idempotency-key'], 'stock movements need');
    try {
      const posted = await postBatch(deps.ctx, actorOf(c), { key, movements: c.req.valid('json').movements });
      return c.json({ movements: posted }, posted.every((p) => p.replayed) ? 200 : 201);
    } catch (err) {
      if (err instanceof StockRefusal)
        return c.json({ error: 'refused', rule: err.rule, message: err.message }, 409);
      throw err;
    }
  });

  app.openapi(importFile, async (c) => {
    const key = requireIdempotencyKey(c.req.valid('header')['idempotency-key'], 'stock movements need');
    const file = (c.req.valid('form') as { file?: unknown }).file;
    if (!(file instanceof File))
      throw new InputError([{ field: 'file', reason: 'attach the stock file as a file field' }]);
    const result = await importStock(deps.ctx, actorOf(c), {
      fileName: file.name || 'stock',
      stream: Readable.from(Buffer.from(await file.arrayBuffer())),
      size: file.size,
      key,
      mode: c.req.valid('query').mode,
    });
    return c.json(result, 200);
  });

  app.openapi(exportTable, async (c) => {
    const { what, format } = c.req.valid('query');
    const table = await stockTable(deps.ctx, what);
    const stamp = deps.ctx.now().toISOString().slice(0, 10);
    if (format === 'xlsx') {
      return c.body(new Uint8Array(await tableToXlsx(table)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${what}-${stamp}.xlsx"`,
      });
    }
    return c.body(new Uint8Array(tableToCsv(table)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${what}-${stamp}.csv"`,
    });
  });

  app.openapi(reverse, async (c) => {
    const key = requireIdempotencyKey(c.req.valid('header')['idempotency-key'], 'stock movements need');
    try {
      const posted = await reverseMovement(deps.ctx, actorOf(c), {
        key,
        movementId: c.req.valid('param').id,
        reason: c.req.valid('json').reason,
      });
      return c.json(posted, posted.replayed ? 200 : 201);
    } catch (err) {
      if (err instanceof StockRefusal)
        return c.json({ error: 'refused', rule: err.rule, message: err.message }, 409);
      throw err;
    }
  });
}
