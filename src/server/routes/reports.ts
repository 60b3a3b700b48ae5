import { z } from '@hono/zod-openapi';
import { tableToCsv, tableToXlsx } from '../../adapters/tabular/write-table.ts';
import { STOCK } from '../../domain/accounts/roles.ts';
import { isUiLanguage } from '../../i18n/languages.ts';
import { intakeSummaryPdf } from '../../services/reports/summary-pdf.ts';
import {
  DRILL_FIGURES,
  drillDown,
  FUNNEL,
  intakeDashboard,
  REPORT_TABLES,
  reconciliation,
  reconciliationPeople,
  reportTable,
  sizeDistribution,
  stockDashboard,
} from '../../services/reports.ts';
import type { App, ServerDeps } from '../deps.ts';
import { kitoutRoute } from '../route.ts';
import { errorResponses, IdParam, json } from '../schemas.ts';

const Key = z.string().min(1).max(64);
const TimeZone = z.string().min(1).max(64).default('UTC');
const Bucket = z.enum(['day', 'hour']).default('day');
const count = z.number().int();

const RunRef = z.object({ id: z.string(), status: z.string(), createdAt: z.string() }).nullable();
const IntakeRef = z.object({
  id: z.string(),
  name: z.string(),
  siteId: z.string(),
  startDate: z.string(),
  tariff: z.string(),
  status: z.string(),
});

const IntakeDashboardSchema = z
  .object({
    intake: IntakeRef,
    people: count,
    run: RunRef,
    acceptedRun: z.string().nullable(),
    funnel: z.object(
      Object.fromEntries(FUNNEL.map((s) => [s, count])) as Record<(typeof FUNNEL)[number], typeof count>,
    ),
    units: z.object({ entitled: count, issued: count, returned: count, lost: count, held: count }),
    series: z.object({
      bucket: z.enum(['day', 'hour']),
      timeZone: z.string(),
      points: z.array(
        z.object({ at: z.string(), answered: count, resolved: count, issued: count, fullyKitted: count }),
      ),
    }),
    waiting: count.nullable(),
    stations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        served: count,
        servedLastHour: count,
        unitsIssued: count,
      }),
    ),
    shortages: z.array(z.object({ item: z.string(), size: z.string(), unmet: count })),
  })
  .openapi('IntakeDashboard');

const StockRowSchema = z.object({
  item: z.string(),
  size: z.string(),
  onHand: count,
  reserved: count,
  available: count,
  inTransit: count,
  demand: count,
  issued: count,
  toIssue: count,
  shortfall: count,
  cover: z.number().nullable(),
});
const StockDashboardSchema = z
  .object({
    openIntakes: z.array(z.string()),
    depots: z.array(
      z.object({
        depot: z.string(),
        item: z.string(),
        size: z.string(),
        onHand: count,
        reserved: count,
        available: count,
        inTransit: count,
      }),
    ),
    sizes: z.array(StockRowSchema),
    runOutFirst: z.array(StockRowSchema),
  })
  .openapi('StockDashboard');

const SizeDistributionSchema = z
  .object({
    intake: z.string(),
    item: z.string(),
    people: count,
    answered: count,
    measurements: z.array(
      z.object({
        dimension: z.string(),
        field: z.string(),
        unit: z.enum(['cm', 'mm']),
        width: z.number(),
        n: count,
        bins: z.array(z.object({ from: z.number(), count })),
      }),
    ),
    sizes: z.array(
      z.object({
        size: z.string(),
        resolved: count,
        tariffShare: z.number(),
        tariffExpected: z.number(),
        past: z.record(z.string(), z.number()),
      }),
    ),
    resolved: count,
    tariff: z.string(),
    pastIntakes: z.array(z.string()),
  })
  .openapi('SizeDistribution');

const ReconRow = {
  entitled: count,
  allocated: count,
  issued: count,
  returned: count,
  lost: count,
  held: count,
  outstanding: count,
  overIssued: count,
  onHand: count,
  reserved: count,
  available: count,
};
const ReconciliationSchema = z
  .object({
    intake: z.string(),
    people: count,
    acceptedRun: z.string().nullable(),
    byItem: z.array(z.object({ item: z.string(), ...ReconRow })),
    byDepot: z.array(
      z.object({
        depot: z.string(),
        item: z.string(),
        issued: count,
        returned: count,
        lost: count,
        held: count,
        onHand: count,
        reserved: count,
        available: count,
      }),
    ),
    totals: z.object(ReconRow),
  })
  .openapi('Reconciliation');

const PeopleReconSchema = z
  .object({
    total: count,
    rows: z.array(
      z.object({
        person: z.string(),
        name: z.string(),
        nameLatin: z.string().nullable(),
        entitled: count,
        lost: count,
        held: count,
        outstanding: count,
        items: z.record(z.string(), z.number()),
      }),
    ),
  })
  .openapi('PeopleReconciliation');

const DrillSchema = z
  .object({
    figure: z.enum(DRILL_FIGURES),
    kind: z.enum(['people', 'movements', 'kitEvents']).openapi({
      description:
        'What the rows are: people, ledger movements, or kit events (lostUnits: a loss moves no stock)',
    }),
    total: count.openapi({ description: 'Rows behind the figure (all pages)' }),
    sum: count.openapi({ description: 'The figure: the sum of qty over all rows' }),
    rows: z.array(
      z.object({
        person: z.string(),
        name: z.string().optional(),
        nameLatin: z.string().nullable().optional(),
        qty: count,
        id: count.optional(),
        at: z.string().optional(),
        type: z.string().optional(),
        depot: z.string().optional(),
        item: z.string().optional(),
        size: z.string().optional(),
        station: z.string().nullable().optional(),
      }),
    ),
  })
  .openapi('DrillDown');

const Paging = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

const dashboard = kitoutRoute({
  method: 'get',
  path: '/api/reports/intakes/{id}/dashboard',
  roles: STOCK,
  summary:
    'Intake dashboard: answered, resolved, allocated, issued, fully kitted (counts and per day or hour), people waiting, stations, shortages',
  request: { params: IdParam, query: z.object({ bucket: Bucket, tz: TimeZone }) },
  responses: { 200: json(IntakeDashboardSchema, 'The dashboard'), ...errorResponses },
});

const stock = kitoutRoute({
  method: 'get',
  path: '/api/reports/stock',
  roles: STOCK,
  summary:
    'Stock dashboard: per depot and size on hand, reserved, available, in transit, against open intakes’ demand',
  responses: { 200: json(StockDashboardSchema, 'The dashboard'), ...errorResponses },
});

const sizes = kitoutRoute({
  method: 'get',
  path: '/api/reports/intakes/{id}/sizes',
  roles: STOCK,
  summary:
    'Size distribution of an item: measurement and resolved-size histograms, against the tariff and past intakes',
  request: { params: IdParam, query: z.object({ item: Key }) },
  responses: { 200: json(SizeDistributionSchema, 'The distribution'), ...errorResponses },
});

const recon = kitoutRoute({
  method: 'get',
  path: '/api/reports/intakes/{id}/reconciliation',
  roles: STOCK,
  summary: 'Issued vs entitled vs in stock, per item and per depot',
  request: { params: IdParam },
  responses: { 200: json(ReconciliationSchema, 'The reconciliation'), ...errorResponses },
});

const reconPeople = kitoutRoute({
  method: 'get',
  path: '/api/reports/intakes/{id}/reconciliation/people',
  roles: STOCK,
  summary: 'Issued vs entitled per person, paged',
  request: {
    params: IdParam,
    query: z.object({
      ...Paging,
      only: z.enum(['outstanding', 'complete']).optional(),
      search: z.string().max(64).optional(),
    }),
  },
  responses: { 200: json(PeopleReconSchema, 'People'), ...errorResponses },
});

const drill = kitoutRoute({
  method: 'get',
  path: '/api/reports/intakes/{id}/drill',
  roles: STOCK,
  summary:
    'The people, ledger movements or kit events behind a figure; the qty of all rows adds up to the figure',
  request: {
    params: IdParam,
    query: z.object({
      figure: z.enum(DRILL_FIGURES),
      item: Key.optional(),
      size: z.string().max(32).optional(),
      depot: Key.optional(),
      ...Paging,
    }),
  },
  responses: { 200: json(DrillSchema, 'Rows behind the figure'), ...errorResponses },
});

const exportReport = kitoutRoute({
  method: 'get',
  path: '/api/reports/export',
  roles: STOCK,
  summary: 'Any report table, whole, as CSV or XLSX',
  request: {
    query: z.object({
      table: z.enum(REPORT_TABLES),
      format: z.enum(['csv', 'xlsx']).default('csv'),
      intake: Key.optional(),
      item: Key.optional(),
      figure: z.enum(DRILL_FIGURES).optional(),
      size: z.string().max(32).optional(),
      depot: Key.optional(),
      bucket: Bucket,
      tz: TimeZone,
    }),
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

const summaryPdf = kitoutRoute({
  method: 'get',
  path: '/api/reports/intakes/{id}/summary.pdf',
  roles: STOCK,
  summary: 'A printable summary of the intake in the reader’s language',
  request: {
    params: IdParam,
    query: z.object({ lang: z.enum(['en', 'ru', 'ko']).optional(), tz: TimeZone }),
  },
  responses: {
    200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } },
    ...errorResponses,
  },
});

export function registerReportRoutes(app: App, deps: ServerDeps): void {
  app.openapi(dashboard, async (c) => {
    const { bucket, tz } = c.req.valid('query');
    return c.json(await intakeDashboard(deps.ctx, c.req.valid('param').id, { bucket, timeZone: tz }), 200);
  });
  app.openapi(stock, async (c) => c.json(await stockDashboard(deps.ctx), 200));
  app.openapi(sizes, async (c) =>
    c.json(await sizeDistribution(deps.ctx, c.req.valid('param').id, c.req.valid('query').item), 200),
  );
  app.openapi(recon, async (c) => c.json(await reconciliation(deps.ctx, c.req.valid('param').id), 200));
  app.openapi(reconPeople, async (c) =>
    c.json(await reconciliationPeople(deps.ctx, c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(drill, async (c) =>
    c.json(await drillDown(deps.ctx, c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(exportReport, async (c) => {
    const { format, tz, ...q } = c.req.valid('query');
    const table = await reportTable(deps.ctx, { ...q, timeZone: tz });
    const stamp = deps.ctx.now().toISOString().slice(0, 10);
    const name = [q.table, q.intake, q.item, q.figure].filter(Boolean).join('-');
    if (format === 'xlsx') {
      return c.body(new Uint8Array(await tableToXlsx(table)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${name}-${stamp}.xlsx"`,
      });
    }
    return c.body(new Uint8Array(tableToCsv(table)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${stamp}.csv"`,
    });
  });
  app.openapi(summaryPdf, async (c) => {
    const { id } = c.req.valid('param');
    const { lang, tz } = c.req.valid('query');
    const user = c.get('user');
    const language = lang ?? (isUiLanguage(user?.language) ? user.language : 'en');
    const pdf = await intakeSummaryPdf(deps.ctx, id, { language, timeZone: tz });
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="summary-${id}-${language}.pdf"`,
    });
  });
}
