import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../api/types.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { Loading } from '../components/loading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useFormat } from '../hooks/use-format.ts';
import { useTitle } from '../hooks/use-title.ts';

const PAGE = 100;

/** The audit log, newest first, a hundred rows at a time; "older" continues below the last row shown. */
export function AuditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [before, setBefore] = useState<number>();
  const [rows, setRows] = useState<AuditRow[]>([]);
  const chunk = useApi<{ rows: AuditRow[] }>('/api/audit', { limit: PAGE, before });
  useTitle(t('audit.title'));

  useEffect(() => {
    if (!chunk.data) return;
    const fresh = chunk.data.rows;
    setRows((prev) =>
      before === undefined ? fresh : [...prev, ...fresh.filter((r) => !prev.some((p) => p.id === r.id))],
    );
  }, [chunk.data, before]);

  const last = rows.at(-1);
  const more = chunk.data?.rows.length === PAGE && last !== undefined;

  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="muted">{t('audit.intro')}</p>
        </div>
        <div className="actions">
          <a className="button-secondary" href="/api/audit/export" download data-testid="audit-export">
            {t('audit.export')}
          </a>
          <button
            type="button"
            className="button-secondary"
            onClick={() => (before === undefined ? chunk.reload() : setBefore(undefined))}
          >
            {t('audit.refresh')}
          </button>
        </div>
      </div>
      {chunk.error && <ErrorBox error={chunk.error} />}
      {rows.length === 0 && chunk.loading && <Loading />}
      {rows.length === 0 && chunk.data && <p className="empty">{t('audit.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={String(r.id)}>
                  <td className="nowrap">{f.dateTime(r.at)}</td>
                  <td>{r.actor ?? <span className="muted">{t('audit.system')}</span>}</td>
                  <td>
                    {t(`actions.${r.action}`, { defaultValue: r.action })}
                    <span className="sub mono">{r.action}</span>
                  </td>
                  <td>
                    {t(`entities.${r.entity}`, { defaultValue: r.entity })}
                    {r.entity_id && <span className="sub mono">{r.entity_id}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && (
        <p className="center">
          <button
            type="button"
            className="button-secondary"
            disabled={chunk.loading}
            onClick={() => setBefore(Number(last.id))}
          >
            {chunk.loading ? t('common.loading') : t('audit.older')}
          </button>
        </p>
      )}
    </section>
  );
}
