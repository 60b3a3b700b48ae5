import type { Table } from '../../adapters/tabular/write-table.ts';
import { InputError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { FUNNEL, intakeDashboard } from './intake-dashboard.ts';
import { type DrillFigure, drillDown, reconciliation, reconciliationPeople } from './reconciliation.ts';
import { sizeDistribution } from './size-distribution.ts';
import { stockDashboard } from './stock-dashboard.ts';

export const REPORT_TABLES = [
  'funnel',
  'series',
  'shortages',
  'stations',
  'stock-depots',
  'stock-sizes',
  'sizes',
  'measurements',
  'reconciliation-items',
  'reconciliation-depots',
  'reconciliation-people',
  'drill',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export interface ExportQuery {
  table: ReportTable;
  intake?: string;
  item?: string;
  figure?: DrillFigure;
  size?: string;
  depot?: string;
  bucket?: 'day' | 'hour';
  timeZone?: string;
}

const need = (value: string | undefined, field: string): string => {
  if (!value) throw new InputError([{ field, reason: `this table needs ${field}` }]);
  return value;
};

/** Every table the report pages show, whole (not paged), for CSV and XLSX export. */
export async function reportTable(ctx: ServiceContext, q: ExportQuery): Promise<Table> {
  switch (q.table) {
    case 'funnel':
    case 'series':
    case 'shortages':
    case 'stations': {
      const d = await intakeDashboard(ctx, need(q.intake, 'intake'), {
        bucket: q.bucket,
        timeZone: q.timeZone,
      });
      if (q.table === 'funnel')
        return { name: 'funnel', columns: ['step', 'people'], rows: FUNNEL.map((s) => [s, d.funnel[s]]) };
      if (q.table === 'series')
        return {
          name: 'series',
          columns: [
            `${d.series.bucket} (${d.series.timeZone})`,
            'answered',
            'resolved',
            'issued',
            'fully_kitted',
          ],
          rows: d.series.points.map((p) => [p.at, p.answered, p.resolved, p.issued, p.fullyKitted]),
        };
      if (q.table === 'shortages')
        return {
          name: 'shortages',
          columns: ['item', 'size', 'unmet'],
          rows: d.shortages.map((s) => [s.item, s.size, s.unmet]),
        };
      return {
        name: 'stations',
        columns: ['station', 'name', 'served', 'served_last_hour', 'units_issued'],
        rows: d.stations.map((s) => [s.id, s.name, s.served, s.servedLastHour, s.unitsIssued]),
      };
    }
    case 'stock-depots':
    case 'stock-sizes': {
      const s = await stockDashboard(ctx);
      if (q.table === 'stock-depots')
        return {
          name: 'stock by depot',
          columns: ['depot', 'item', 'size', 'on_hand', 'reserved', 'available', 'in_transit'],
          rows: s.depots.map((r) => [
            r.depot,
            r.item,
            r.size,
            r.onHand,
            r.reserved,
            r.available,
            r.inTransit,
          ]),
        };
      return {
        name: 'stock and demand',
        columns: [
          'item',
          'size',
          'on_hand',
          'reserved',
          'available',
          'in_transit',
          'demand',
          'issued',
          'to_issue',
          'shortfall',
          'cover',
        ],
        rows: s.sizes.map((r) => [
          r.item,
          r.size,
          r.onHand,
          r.reserved,
          r.available,
          r.inTransit,
          r.demand,
          r.issued,
          r.toIssue,
          r.shortfall,
          r.cover,
        ]),
      };
    }
    case 'sizes':
    case 'measurements': {
      const d = await sizeDistribution(ctx, need(q.intake, 'intake'), need(q.item, 'item'));
      if (q.table === 'measurements')
        return {
          name: 'measurements',
          columns: ['dimension', 'unit', 'from', 'to', 'people'],
          rows: d.measurements.flatMap((m) =>
            m.bins.map((b) => [m.dimension, m.unit, b.from, b.from + m.width, b.count]),
          ),
        };
      return {
        name: 'sizes',
        columns: [
          'size',
          'resolved',
          'tariff_share',
          'tariff_expected',
          ...d.pastIntakes.map((i) => `share_${i}`),
        ],
        rows: d.sizes.map((s) => [
          s.size,
          s.resolved,
          s.tariffShare,
          s.tariffExpected,
          ...d.pastIntakes.map((i) => s.past[i] ?? 0),
        ]),
      };
    }
    case 'reconciliation-items':
    case 'reconciliation-depots': {
      const r = await reconciliation(ctx, need(q.intake, 'intake'));
      if (q.table === 'reconciliation-items')
        return {
          name: 'reconciliation',
          columns: [
            'item',
            'entitled',
            'allocated',
            'issued',
            'returned',
            'lost',
            'held',
            'outstanding',
            'over_issued',
            'on_hand',
            'reserved',
            'available',
          ],
          rows: r.byItem.map((x) => [
            x.item,
            x.entitled,
            x.allocated,
            x.issued,
            x.returned,
            x.lost,
            x.held,
            x.outstanding,
            x.overIssued,
            x.onHand,
            x.reserved,
            x.available,
          ]),
        };
      return {
        name: 'reconciliation by depot',
        columns: ['depot', 'item', 'issued', 'returned', 'lost', 'held', 'on_hand', 'reserved', 'available'],
        rows: r.byDepot.map((x) => [
          x.depot,
          x.item,
          x.issued,
          x.returned,
          x.lost,
          x.held,
          x.onHand,
          x.reserved,
          x.available,
        ]),
      };
    }
    case 'reconciliation-people': {
      const page = await reconciliationPeople(ctx, need(q.intake, 'intake'), { limit: 1_000_000, offset: 0 });
      const items = [...new Set(page.rows.flatMap((r) => Object.keys(r.items)))];
      return {
        name: 'people',
        columns: ['person', 'name', 'name_latin', 'entitled', 'lost', 'held', 'outstanding', ...items],
        rows: page.rows.map((r) => [
          r.person,
          r.name,
          r.nameLatin,
          r.entitled,
          r.lost,
          r.held,
          r.outstanding,
          ...items.map((i) => r.items[i] ?? 0),
        ]),
      };
    }
    case 'drill': {
      const d = await drillDown(ctx, need(q.intake, 'intake'), {
        figure: need(q.figure, 'figure') as DrillFigure,
        item: q.item,
        size: q.size,
        depot: q.depot,
        limit: 1_000_000,
        offset: 0,
      });
      if (d.kind === 'kitEvents')
        return {
          name: q.figure!,
          columns: ['kit_event', 'at', 'kind', 'station', 'depot', 'item', 'size', 'qty', 'person'],
          rows: d.rows.map((k) => [
            k.id,
            new Date(k.at),
            k.type,
            k.station,
            k.depot,
            k.item,
            k.size,
            k.qty,
            k.person,
          ]),
        };
      if (d.kind === 'movements')
        return {
          name: q.figure!,
          columns: ['movement', 'at', 'type', 'depot', 'item', 'size', 'qty', 'person'],
          rows: d.rows.map((m) => [m.id, new Date(m.at), m.type, m.depot, m.item, m.size, m.qty, m.person]),
        };
      return {
        name: q.figure!,
        columns: ['person', 'name', 'name_latin', 'qty'],
        rows: d.rows.map((p) => [p.person, p.name, p.nameLatin, p.qty]),
      };
    }
  }
}
