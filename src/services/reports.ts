/** Reports and dashboards (issue #10): each report in its own file under `reports/`, gathered here. */
export { intakeBasis, kitMovements } from './reports/common.ts';
export { type ExportQuery, REPORT_TABLES, type ReportTable, reportTable } from './reports/export-tables.ts';
export { type Bucket, FUNNEL, type IntakeDashboard, intakeDashboard } from './reports/intake-dashboard.ts';
export {
  DRILL_FIGURES,
  type DrillFigure,
  type DrillResult,
  drillDown,
  type Reconciliation,
  reconciliation,
  reconciliationPeople,
} from './reports/reconciliation.ts';
export { type SizeDistribution, sizeDistribution } from './reports/size-distribution.ts';
export { type StockDashboard, stockDashboard } from './reports/stock-dashboard.ts';
