import { useTranslation } from 'react-i18next';
import type { Depot } from '../api/types.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { Loading } from '../components/loading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useTitle } from '../hooks/use-title.ts';

export function DepotsPage() {
  const { t } = useTranslation();
  const depots = useApi<{ depots: Depot[] }>('/api/depots');
  useTitle(t('depots.title'));
  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('depots.title')}</h1>
          <p className="muted">{t('depots.intro')}</p>
        </div>
      </div>
      {depots.error && <ErrorBox error={depots.error} />}
      {!depots.data && !depots.error && <Loading />}
      {depots.data && depots.data.depots.length === 0 && <p className="empty">{t('depots.empty')}</p>}
      {depots.data && depots.data.depots.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="depots-table">
            <thead>
              <tr>
                <th scope="col">{t('depots.id')}</th>
                <th scope="col">{t('depots.name')}</th>
                <th scope="col">{t('depots.site')}</th>
              </tr>
            </thead>
            <tbody>
              {depots.data.depots.map((d) => (
                <tr key={d.id}>
                  <td className="mono">{d.id}</td>
                  <td>{d.name}</td>
                  <td>
                    {d.site_id ? (
                      (d.site_name ?? d.site_id)
                    ) : (
                      <span className="muted">{t('depots.central')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
