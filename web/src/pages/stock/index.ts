/** The stock pages: the grid of one item, the ledger, the count sheet and an intake's plan. */
export { CountSheetPage } from './count-sheet-page.tsx';
export { LedgerPage } from './ledger-page.tsx';
export { PlanningPage } from './planning-page.tsx';
export { StockPage } from './stock-page.tsx';
