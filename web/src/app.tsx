import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, useUser } from './auth/auth-context.tsx';
import { RequireAuth } from './auth/require-auth.tsx';
import { AppShell } from './components/app-shell.tsx';
import { CurrentIntakeProvider } from './components/current-intake.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { CataloguePage } from './pages/catalogue-page.tsx';
import { DepotsPage } from './pages/depots-page.tsx';
import { IntakesPage } from './pages/intakes-page.tsx';
import { RosterPage } from './pages/roster-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { NotAllowedPage, NotFoundPage } from './pages/simple-pages.tsx';

function AdminOnly({ children }: { children: ReactNode }) {
  return useUser().roles.includes('admin') ? children : <NotAllowedPage />;
}

/** Every page and who may see it. */
export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <CurrentIntakeProvider>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route
              element={
                <RequireAuth>
                  <AppShell />
                </RequireAuth>
              }
            >
              <Route index element={<Navigate to="/intakes" replace />} />
              <Route path="intakes" element={<IntakesPage />} />
              <Route path="intakes/:id/roster" element={<RosterPage />} />
              <Route path="depots" element={<DepotsPage />} />
              <Route path="catalogue" element={<CataloguePage />} />
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
        </CurrentIntakeProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}
