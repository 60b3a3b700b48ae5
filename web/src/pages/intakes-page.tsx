import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OFFICE } from '../../../src/domain/accounts/roles.ts';
import type { Intake, Site } from '../api/types.ts';
import { useMay } from '../auth/auth-context.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { Loading } from '../components/loading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useFormat } from '../hooks/use-format.ts';
import { useTitle } from '../hooks/use-title.ts';
import { NewIntakeForm } from './new-intake-form.tsx';

export function IntakesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const mayCreate = useMay(OFFICE);
  const intakes = useApi<{ intakes: Intake[] }>('/api/intakes');
  const sites = useApi<{ sites: Site[] }>('/api/sites');
  const [creating, setCreating] = useState(false);
  const siteName = useMemo(() => new Map(sites.data?.sites.map((s) => [s.id, s.name])), [sites.data]);
  useTitle(t('intakes.title'));

  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('intakes.title')}</h1>
          <p className="muted">{t('intakes.intro')}</p>
        </div>
        {mayCreate && !creating && (
          <button
            type="button"
            className="button-primary"
            onClick={() => setCreating(true)}
            data-testid="new-intake"
          >
            {t('intakes.new')}
          </button>
        )}
      </div>
      {creating && sites.data && (
        <NewIntakeForm sites={sites.data.sites} onCancel={() => setCreating(false)} />
      )}
      {intakes.error && <ErrorBox error={intakes.error} />}
      {!intakes.data && !intakes.error && <Loading />}
      {intakes.data && intakes.data.intakes.length === 0 && <p className="empty">{t('intakes.empty')}</p>}
      {intakes.data && intakes.data.intakes.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="intakes-table">
            <thead>
              <tr>
                <th scope="col">{t('intakes.name')}</th>
                <th scope="col">{t('intakes.site')}</th>
                <th scope="col">{t('intakes.startDate')}</th>
                <th scope="col" className="num">
                  {t('intakes.people')}
                </th>
              </tr>
            </thead>
            <tbody>
              {intakes.data.intakes.map((intake) => (
                <tr key={intake.id}>
                  <td>
                    <Link className="row-link" to={`/intakes/${encodeURIComponent(intake.id)}/roster`}>
                      {intake.name}
                    </Link>
                    <span className="sub mono">{intake.id}</span>
                  </td>
                  <td>{siteName.get(intake.site_id) ?? intake.site_id}</td>
                  <td>{f.date(intake.start_date)}</td>
                  <td className="num">{f.number(intake.people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
