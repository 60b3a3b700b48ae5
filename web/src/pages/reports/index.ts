export { IntakeDashboardPage } from './intake-dashboard-page.tsx';
export { ReconciliationPage } from './reconciliation-page.tsx';
export { SizesReportPage } from './sizes-page.tsx';
export { StockDashboardPage } from './stock-dashboard-page.tsx';
