import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Intake } from '../../api/types.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useTitle } from '../../hooks/use-title.ts';
import './reports.css';

export const REPORT_TABS = ['intake', 'stock', 'sizes', 'reconciliation'] as const;

/** The frame of every report page: the tabs, the intake being looked at, and the page's exports. */
export function ReportFrame({
  tab,
  intakeId,
  onIntake,
  actions,
  children,
}: {
  tab: (typeof REPORT_TABS)[number];
  intakeId?: string;
  onIntake?: (id: string) => void;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('reports');
  const intakes = useApi<{ intakes: Intake[] }>(onIntake ? '/api/intakes' : undefined);
  useTitle(`${t('title')} — ${t(`tabs.${tab}`)}`);
  const query = intakeId ? `?intake=${encodeURIComponent(intakeId)}` : '';
  return (
    <section className="page reports-page" data-testid={`reports-${tab}`}>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <nav className="reports-tabs" aria-label={t('title')}>
            {REPORT_TABS.map((k) => (
              <NavLink key={k} to={`/reports/${k}${query}`} className="reports-tab">
                {t(`tabs.${k}`)}
              </NavLink>
            ))}
          </nav>
        </div>
        <div className="reports-head-side">
          {onIntake && (
            <label className="reports-intake">
              <span>{t('page.intake')}</span>
              <select
                value={intakeId ?? ''}
                onChange={(e) => onIntake(e.target.value)}
                data-testid="report-intake-select"
              >
                {!intakeId && <option value="" />}
                {intakes.data?.intakes.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.id} — {i.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {actions && <div className="reports-actions">{actions}</div>}
        </div>
      </div>
      {children}
    </section>
  );
}

/** CSV and XLSX links for one report table (the server builds the file; the browser downloads it). */
export function ExportLinks({
  table,
  query = {},
}: {
  table: string;
  query?: Record<string, string | undefined>;
}) {
  const { t } = useTranslation('reports');
  const params = new URLSearchParams({ table });
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  return (
    <span className="export-links">
      <a href={`/api/reports/export?${params}&format=csv`} download>
        {t('export.csv')}
      </a>
      <a href={`/api/reports/export?${params}&format=xlsx`} download>
        {t('export.xlsx')}
      </a>
    </span>
  );
}

/** A figure that opens what is behind it. */
export function Figure({ value, onOpen, testId }: { value: string; onOpen?: () => void; testId?: string }) {
  if (!onOpen) return <span data-testid={testId}>{value}</span>;
  return (
    <button type="button" className="figure-button" onClick={onOpen} data-testid={testId}>
      {value}
    </button>
  );
}
