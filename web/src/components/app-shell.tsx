import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { FILLERS, mayCall, STOCK } from '../../../src/domain/accounts/roles.ts';
import { useAuth, useUser } from '../auth/auth-context.tsx';
import { useCurrentIntake } from './current-intake.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

/**
 * The frame of every signed-in page: who is signed in, the language, and the pages in the order the data flows
 * (an intake, its roster, the depots and catalogue that will kit it out). Only pages that work are listed.
 */
export function AppShell() {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useAuth();
  const { intakeId } = useCurrentIntake();
  const navigate = useNavigate();
  const isAdmin = user.roles.includes('admin');
  const mayStock = mayCall(user.roles, [...STOCK, 'issuer']);
  const mayFill = mayCall(user.roles, FILLERS);
  const ts = useTranslation('stations').t;
  const tp = useTranslation('paper').t;
  const mayIssue = mayCall(user.roles, ['admin', 'issuer', 'storekeeper']);
  const tr = useTranslation('reports').t;
  const mayReport = mayCall(user.roles, STOCK);

  const links = [
    { to: '/intakes', label: t('nav.intakes'), end: true },
    ...(intakeId
      ? [{ to: `/intakes/${encodeURIComponent(intakeId)}/roster`, label: t('nav.roster'), end: false }]
      : []),
    ...(intakeId && mayFill
      ? [{ to: `/intakes/${encodeURIComponent(intakeId)}/fill`, label: t('nav.questionnaire'), end: false }]
      : []),
    ...(mayFill ? [{ to: '/outbox', label: t('nav.outbox'), end: false }] : []),
    ...(mayFill ? [{ to: '/paper', label: tp('web.nav'), end: false }] : []),
    { to: '/forms', label: t('nav.forms'), end: false },
    ...(mayStock ? [{ to: '/stock', label: t('nav.stock'), end: false }] : []),
    { to: '/depots', label: t('nav.depots'), end: false },
    { to: '/catalogue', label: t('nav.catalogue'), end: false },
    { to: '/sizes', label: t('nav.sizes'), end: false },
    ...(mayIssue ? [{ to: '/stations', label: ts('nav.stations'), end: false }] : []),
    ...(intakeId
      ? [{ to: `/board?intake=${encodeURIComponent(intakeId)}`, label: ts('nav.board'), end: false }]
      : []),
    ...(mayReport ? [{ to: '/reports/intake', label: tr('title'), end: false }] : []),
    ...(isAdmin ? [{ to: '/audit', label: t('nav.audit'), end: false }] : []),
  ];

  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to="/intakes" className="brand">
            <span className="brand-mark" aria-hidden="true">
              K
            </span>
            <span className="brand-name">{t('app.name')}</span>
          </NavLink>
          <div className="topbar-tools">
            <LanguageSwitcher />
            <div className="whoami" data-testid="whoami">
              <span className="whoami-name">{user.displayName}</span>
              <span className="whoami-role">
                {user.username} · {user.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ')}
              </span>
            </div>
            <button
              type="button"
              className="button-quiet"
              data-testid="sign-out"
              onClick={() => {
                void signOut().finally(() => navigate('/sign-in', { replace: true }));
              }}
            >
              {t('user.signOut')}
            </button>
          </div>
        </div>
        <nav className="mainnav" aria-label={t('nav.label')}>
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} end={l.end} className="mainnav-link">
              {l.label}
            </NavLink>
          ))}
        </nav>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
