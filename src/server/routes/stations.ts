import { z } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { ANY_ROLE, OFFICE, type Role } from '../../domain/accounts/roles.ts';
import { StationEventBatchSchema } from '../../domain/stations/index.ts';
import { callNext, checkIn, markServed, queueBoard, queueThroughput } from '../../services/queue.ts';
import { applyStationEvents } from '../../services/station-events.ts';
import { receiptPdf, slipPdf } from '../../services/station-pdf.ts';
import {
  kitRecord,
  listStations,
  pickList,
  setPersonLanguage,
  stationPack,
} from '../../services/stations.ts';
import { type App, actorOf, type ServerDeps } from '../deps.ts';
import { kitoutRoute, requireIdempotencyKey } from '../route.ts';
import {
  ErrorSchema,
  errorResponses,
  IdempotencyHeader,
  IdParam,
  json,
  PersonDetailSchema,
} from '../schemas.ts';

/** Who works at an issue station. */
const STATION: readonly Role[] = ['admin', 'issuer', 'storekeeper'];

const Local = z.object({ ru: z.string().optional(), ko: z.string().optional(), en: z.string().optional() });
const Names = z.object({ ru: z.string(), ko: z.string(), en: z.string() });

const TicketSchema = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    intakeId: z.string(),
    personId: z.string(),
    name: z.string(),
    latinName: z.string(),
    status: z.enum(['waiting', 'called', 'served', 'left']),
    checkedInAt: z.string(),
    calledAt: z.string().nullable(),
    servedAt: z.string().nullable(),
    stationId: z.string().nullable(),
  })
  .openapi('QueueTicket');

const IntakeQuery = z.object({ intakeId: z.string().min(1).max(100) });

const stations = kitoutRoute({
  method: 'get',
  path: '/api/stations',
  roles: ANY_ROLE,
  summary: 'The issue stations',
  responses: {
    200: json(
      z.object({
        stations: z.array(
          z.object({ id: z.string(), name: z.string(), depotId: z.string(), language: z.string() }),
        ),
      }),
      'Stations',
    ),
    ...errorResponses,
  },
});

const checkInRoute = kitoutRoute({
  method: 'post',
  path: '/api/queue/check-in',
  roles: STATION,
  summary:
    'Check a person into the queue by id or scanned code (requires Idempotency-Key); an open ticket is given back',
  request: {
    headers: IdempotencyHeader,
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              intakeId: z.string().min(1).max(100),
              personId: z.string().min(1).max(100).optional(),
              qr: z.string().min(1).max(200).optional(),
            })
            .refine((b) => (b.personId === undefined) !== (b.qr === undefined), {
              message: 'give either personId or qr',
              path: ['personId'],
            })
            .openapi('CheckIn'),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ ticket: TicketSchema }), 'The ticket'),
    404: json(ErrorSchema, 'No such person'),
    ...errorResponses,
  },
});

const callNextRoute = kitoutRoute({
  method: 'post',
  path: '/api/stations/{id}/call-next',
  roles: STATION,
  summary:
    "Call the next waiting person to this station (requires Idempotency-Key). The station's previous person becomes served if they got any kit since being called, else left",
  request: {
    params: IdParam,
    headers: IdempotencyHeader,
    body: {
      required: false,
      content: {
        'application/json': { schema: z.object({ intakeId: z.string().min(1).max(100).optional() }) },
      },
    },
  },
  responses: {
    200: json(z.object({ ticket: TicketSchema.nullable() }), 'The ticket called, or null when nobody waits'),
    404: json(ErrorSchema, 'No such station'),
    ...errorResponses,
  },
});

const servedRoute = kitoutRoute({
  method: 'post',
  path: '/api/queue/tickets/{ticketId}/served',
  roles: STATION,
  summary: 'Mark a ticket served (idempotent)',
  request: {
    params: z.object({
      ticketId: z.coerce
        .number()
        .int()
        .min(1)
        .openapi({ param: { name: 'ticketId', in: 'path' }, type: 'integer' }),
    }),
    headers: IdempotencyHeader,
  },
  responses: {
    200: json(z.object({ ticket: TicketSchema }), 'The ticket'),
    404: json(ErrorSchema, 'No such ticket'),
    ...errorResponses,
  },
});

const board = kitoutRoute({
  method: 'get',
  path: '/api/queue/board',
  roles: ANY_ROLE,
  summary: "The queue board of an intake: each station's current person, who waits, measured rate and ETA",
  request: {
    query: IntakeQuery.extend({
      tz: z.string().max(64).optional().openapi({
        description: 'Time zone for "served today" (IANA name, e.g. Asia/Seoul); UTC when left out',
      }),
    }),
  },
  responses: {
    200: json(
      z.object({
        stations: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            current: z
              .object({ number: z.number(), personId: z.string(), name: z.string(), latinName: z.string() })
              .nullable(),
            servedLastHour: z.number(),
          }),
        ),
        waiting: z.number(),
        next: z.array(z.object({ number: z.number() })),
        perStationPerHour: z.number().nullable(),
        etaMinutes: z.number().nullable(),
        medianWaitMinutes: z.number().nullable(),
        servedToday: z.number(),
      }),
      'The board',
    ),
    404: json(ErrorSchema, 'No such intake'),
    ...errorResponses,
  },
});

const throughput = kitoutRoute({
  method: 'get',
  path: '/api/queue/throughput',
  roles: ANY_ROLE,
  summary:
    'Throughput of an intake: people per station per hour, waiting time, issued against entitled units',
  request: { query: IntakeQuery },
  responses: {
    200: json(
      z.object({
        stations: z.array(z.object({ id: z.string(), served: z.number(), perHour: z.number() })),
        waitMinutes: z.object({ p50: z.number(), p90: z.number() }).nullable(),
        issued: z.number(),
        entitled: z.number(),
      }),
      'Figures',
    ),
    404: json(ErrorSchema, 'No such intake'),
    ...errorResponses,
  },
});

const Alternative = z.object({
  size: z.string(),
  available: z.number(),
  reason: z.string(),
  cost: z.number(),
});
const PickListSchema = z
  .object({
    person: z.object({
      id: z.string(),
      intakeId: z.string(),
      name: z.string(),
      latinName: z.string(),
      language: z.string().nullable(),
    }),
    stationDepot: z.string(),
    stationLanguage: z.string(),
    answers: z.array(z.object({ field: z.string(), question: Local, value: z.string(), label: Local })),
    lines: z.array(
      z.object({
        item: z.string(),
        itemName: Names,
        unit: z.number(),
        entitled: z.number(),
        preferred: z.string().nullable(),
        allocated: z.object({ size: z.string(), depot: z.string() }).nullable(),
        issued: z.object({ size: z.string() }).nullable(),
        bin: z.string().nullable(),
        available: z.number(),
        alternatives: z.array(Alternative),
      }),
    ),
  })
  .openapi('PickList');

const pickListRoute = kitoutRoute({
  method: 'get',
  path: '/api/stations/{id}/pick-list',
  roles: STATION,
  summary:
    "A person's pick list at this station: answers in the form's languages, sizes, bins, stock, alternatives",
  request: { params: IdParam, query: z.object({ person: z.string().min(1).max(100) }) },
  responses: {
    200: json(PickListSchema, 'The pick list'),
    404: json(ErrorSchema, 'No such station or person'),
    ...errorResponses,
  },
});

const pack = kitoutRoute({
  method: 'get',
  path: '/api/stations/{id}/pack',
  roles: STATION,
  summary: 'Everything this station needs to work offline for an intake (gzip when the client accepts it)',
  request: { params: IdParam, query: IntakeQuery },
  responses: {
    200: json(
      z.object({
        stationDepot: z.string(),
        generatedAt: z.string(),
        entitlements: z.array(z.object({ item: z.string(), qty: z.number() })),
        roleEntitlements: z.record(z.string(), z.array(z.object({ item: z.string(), qty: z.number() }))),
        items: z.array(z.object({ id: z.string(), name: Names, sizes: z.array(z.string()) })),
        stock: z.array(
          z.object({ item: z.string(), size: z.string(), onHand: z.number(), reserved: z.number() }),
        ),
        bins: z.array(z.object({ item: z.string(), size: z.string(), bin: z.string() })),
        people: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            latinName: z.string(),
            language: z.string().nullable(),
            role: z.string().nullable(),
            lines: z.array(
              z.object({
                item: z.string(),
                unit: z.number(),
                entitled: z.number(),
                allocated: z.string().nullable(),
                issued: z.string().nullable(),
                /** The unit is reserved at this station's depot, so it can be issued here from the reservation. */
                reservedHere: z.boolean(),
              }),
            ),
          }),
        ),
      }),
      'The pack',
    ),
    404: json(ErrorSchema, 'No such station or intake'),
    ...errorResponses,
  },
});

const events = kitoutRoute({
  method: 'post',
  path: '/api/stations/{id}/events',
  roles: STATION,
  summary:
    "A station's events (issue, exchange, return, loss), each applied once by its client-made id in its own transaction",
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: StationEventBatchSchema } } },
  },
  responses: {
    200: json(
      z.object({
        results: z.array(
          z.object({
            id: z.string(),
            status: z.enum(['applied', 'duplicate', 'refused']),
            code: z.string().optional(),
            message: z.string().optional(),
            suggestion: z.object({ size: z.string(), available: z.number() }).optional(),
          }),
        ),
      }),
      'One result per event, in order',
    ),
    404: json(ErrorSchema, 'No such station'),
    ...errorResponses,
  },
});

const kit = kitoutRoute({
  method: 'get',
  path: '/api/people/{id}/kit',
  roles: ANY_ROLE,
  summary: "A person's kit record: holdings and every issue, return, exchange and loss",
  request: { params: IdParam },
  responses: {
    200: json(
      z.object({
        holdings: z.array(z.object({ item: z.string(), size: z.string(), qty: z.number() })),
        events: z.array(
          z.object({
            id: z.number(),
            at: z.string(),
            kind: z.string(),
            item: z.string(),
            size: z.string(),
            fromSize: z.string().nullable(),
            qty: z.number(),
            condition: z.string().nullable(),
            stationId: z.string().nullable(),
            depotId: z.string(),
            eventId: z.string().nullable(),
            actorName: z.string().nullable(),
          }),
        ),
      }),
      'The kit record',
    ),
    404: json(ErrorSchema, 'No such person'),
    ...errorResponses,
  },
});

const LangQuery = z.object({ lang: z.enum(['en', 'ru', 'ko']).optional() });
const pdf = (description: string) => ({
  description,
  content: { 'application/pdf': { schema: z.string() } },
});

const receipt = kitoutRoute({
  method: 'get',
  path: '/api/people/{id}/receipt.pdf',
  roles: ANY_ROLE,
  summary:
    "A printable receipt of the person's kit with a signature line, in their language unless lang is given",
  request: { params: IdParam, query: LangQuery },
  responses: { 200: pdf('PDF'), 404: json(ErrorSchema, 'No such person'), ...errorResponses },
});

const slip = kitoutRoute({
  method: 'get',
  path: '/api/people/{id}/slip.pdf',
  roles: ANY_ROLE,
  summary: "The person's check-in slip with the QR code kitout:1:<form>:<version>:<person>:0",
  request: { params: IdParam, query: LangQuery },
  responses: { 200: pdf('PDF'), 404: json(ErrorSchema, 'No such person'), ...errorResponses },
});

const patchPerson = kitoutRoute({
  method: 'patch',
  path: '/api/people/{id}',
  roles: OFFICE,
  summary: "Set a person's own language (receipts, answers)",
  request: {
    params: IdParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({ language: z.string().min(2).max(20).nullable() }).openapi('PersonPatch'),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ person: PersonDetailSchema }), 'The person'),
    404: json(ErrorSchema, 'No such person'),
    ...errorResponses,
  },
});

export function registerStationRoutes(app: App, deps: ServerDeps): void {
  const ctx = deps.ctx;
  app.openapi(stations, async (c) => c.json({ stations: await listStations(ctx) }, 200));

  app.openapi(checkInRoute, async (c) => {
    const key = requireIdempotencyKey(c.req.valid('header')['idempotency-key'], 'a check-in needs');
    return c.json({ ticket: await checkIn(ctx, actorOf(c), { ...c.req.valid('json'), key }) }, 200);
  });

  app.openapi(callNextRoute, async (c) => {
    const key = requireIdempotencyKey(
      c.req.valid('header')['idempotency-key'],
      'calling the next person needs',
    );
    const body = (c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined) ?? {};
    const ticket = await callNext(ctx, actorOf(c), c.req.valid('param').id, { key, intakeId: body.intakeId });
    return c.json({ ticket }, 200);
  });

  app.openapi(servedRoute, async (c) =>
    c.json({ ticket: await markServed(ctx, actorOf(c), c.req.valid('param').ticketId) }, 200),
  );

  app.openapi(board, async (c) => {
    const q = c.req.valid('query');
    return c.json(await queueBoard(ctx, q.intakeId, { timeZone: q.tz }), 200);
  });
  app.openapi(throughput, async (c) =>
    c.json(await queueThroughput(ctx, c.req.valid('query').intakeId), 200),
  );

  app.openapi(pickListRoute, async (c) =>
    c.json(await pickList(ctx, c.req.valid('param').id, c.req.valid('query').person), 200),
  );

  app.use('/api/stations/:id/pack', compress());
  app.openapi(pack, async (c) =>
    c.json(await stationPack(ctx, c.req.valid('param').id, c.req.valid('query').intakeId), 200),
  );

  app.openapi(events, async (c) =>
    c.json(
      {
        results: await applyStationEvents(
          ctx,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json').events,
        ),
      },
      200,
    ),
  );

  app.openapi(kit, async (c) => c.json(await kitRecord(ctx, c.req.valid('param').id), 200));

  app.openapi(receipt, async (c) => {
    const { id } = c.req.valid('param');
    const bytes = await receiptPdf(ctx, id, c.req.valid('query').lang);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="receipt-${encodeURIComponent(id)}.pdf"`,
    });
  });

  app.openapi(slip, async (c) => {
    const { id } = c.req.valid('param');
    const bytes = await slipPdf(ctx, id, c.req.valid('query').lang);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="slip-${encodeURIComponent(id)}.pdf"`,
    });
  });

  app.openapi(patchPerson, async (c) =>
    c.json(
      {
        person: await setPersonLanguage(
          ctx,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json').language,
        ),
      },
      200,
    ),
  );
}
