import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, useUser } from './auth/auth-context.tsx';
import { RequireAuth } from './auth/require-auth.tsx';
import { AppShell } from './components/app-shell.tsx';
import { CurrentIntakeProvider } from './components/current-intake.tsx';
import { OutboxProvider } from './offline/outbox-context.tsx';
import { registerServiceWorker } from './offline/register-sw.ts';
import { AllocationPage } from './pages/allocation/allocation-page.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { CataloguePage } from './pages/catalogue-page.tsx';
import { DepotsPage } from './pages/depots-page.tsx';
import { IntakesPage } from './pages/intakes-page.tsx';
import { PaperPage } from './pages/paper/paper-page.tsx';
import { ReviewPage as PaperReviewPage } from './pages/paper/review-page.tsx';
import { PersonPage } from './pages/person-page.tsx';
import {
  IntakeDashboardPage,
  ReconciliationPage,
  SizesReportPage,
  StockDashboardPage,
} from './pages/reports/index.ts';
import { RosterPage } from './pages/roster-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { NotAllowedPage, NotFoundPage } from './pages/simple-pages.tsx';
import { SizesPage } from './pages/sizes/sizes-page.tsx';
import { BoardPage } from './pages/stations/board-page.tsx';
import { CheckInPage } from './pages/stations/check-in-page.tsx';
import { StationPage } from './pages/stations/station-page.tsx';
import { StationSyncProvider } from './pages/stations/station-sync-context.tsx';
import { StationsPage } from './pages/stations/stations-page.tsx';
import { CountSheetPage, LedgerPage, PlanningPage, StockPage } from './pages/stock/index.ts';
import { FillPage } from './questionnaire/fill-page.tsx';
import { FormsPage } from './questionnaire/forms-page.tsx';
import { OutboxPage } from './questionnaire/outbox-page.tsx';
import { TranslatePage } from './questionnaire/translate-page.tsx';

registerServiceWorker();

function AdminOnly({ children }: { children: ReactNode }) {
  return useUser().roles.includes('admin') ? children : <NotAllowedPage />;
}

/** Every page and who may see it. */
export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <CurrentIntakeProvider>
          <OutboxProvider>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route
                path="/board"
                element={
                  <RequireAuth>
                    <BoardPage />
                  </RequireAuth>
                }
              />
              <Route
                element={
                  <RequireAuth>
                    <StationSyncProvider>
                      <AppShell />
                    </StationSyncProvider>
                  </RequireAuth>
                }
              >
                <Route index element={<Navigate to="/intakes" replace />} />
                <Route path="intakes" element={<IntakesPage />} />
                <Route path="intakes/:id/roster" element={<RosterPage />} />
                <Route path="intakes/:id/fill" element={<FillPage />} />
                <Route path="outbox" element={<OutboxPage />} />
                <Route path="forms" element={<FormsPage />} />
                <Route path="forms/:id/translate" element={<TranslatePage />} />
                <Route path="people/:id" element={<PersonPage />} />
                <Route path="intakes/:id/plan" element={<PlanningPage />} />
                <Route path="intakes/:id/allocation" element={<AllocationPage />} />
                <Route path="stock" element={<StockPage />} />
                <Route path="stock/ledger" element={<LedgerPage />} />
                <Route path="stock/count" element={<CountSheetPage />} />
                <Route path="depots" element={<DepotsPage />} />
                <Route path="catalogue" element={<CataloguePage />} />
                <Route path="sizes" element={<SizesPage />} />
                <Route path="paper" element={<PaperPage />} />
                <Route path="paper/review" element={<PaperReviewPage />} />
                <Route path="stations" element={<StationsPage />} />
                <Route path="stations/:id" element={<StationPage />} />
                <Route path="check-in" element={<CheckInPage />} />
                <Route path="reports" element={<Navigate to="/reports/intake" replace />} />
                <Route path="reports/intake" element={<IntakeDashboardPage />} />
                <Route path="reports/stock" element={<StockDashboardPage />} />
                <Route path="reports/sizes" element={<SizesReportPage />} />
                <Route path="reports/reconciliation" element={<ReconciliationPage />} />
                <Route
                  path="audit"
                  element={
                    <AdminOnly>
                      <AuditPage />
                    </AdminOnly>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </OutboxProvider>
        </CurrentIntakeProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}
