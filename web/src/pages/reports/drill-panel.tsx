import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DrillFigure, DrillResult } from '../../../../src/services/reports.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Pager } from '../../components/pager.tsx';
import { PersonName } from '../../components/person-name.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { ExportLinks } from './report-frame.tsx';

export interface DrillTarget {
  figure: DrillFigure;
  label: string;
  item?: string;
  size?: string;
  depot?: string;
}

const PAGE = 50;

/**
 * The people, ledger movements or kit events (losses, which move no stock) behind one figure, paged; the rows of
 * all pages add up to the figure.
 */
export function DrillPanel({
  intake,
  target,
  itemLabel,
  onClose,
}: {
  intake: string;
  target: DrillTarget;
  itemLabel: (id: string) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation('reports');
  const f = useFormat();
  const [page, setPage] = useState(0);
  const panel = useRef<HTMLElement>(null);
  // A figure may be clicked far down the page: bring what is behind it into view.
  useEffect(() => {
    if (target) panel.current?.scrollIntoView?.({ block: 'start' });
  }, [target]);
  const res = useApi<DrillResult>(`/api/reports/intakes/${encodeURIComponent(intake)}/drill`, {
    figure: target.figure,
    item: target.item,
    size: target.size,
    depot: target.depot,
    limit: PAGE,
    offset: page * PAGE,
  });
  const d = res.data;
  return (
    <section ref={panel} className="panel drill" data-testid="drill-panel" aria-live="polite">
      <div className="panel-title">
        <h2>{t('recon.drill', { figure: target.label })}</h2>
        <div className="reports-actions">
          <ExportLinks
            table="drill"
            query={{
              intake,
              figure: target.figure,
              item: target.item,
              size: target.size,
              depot: target.depot,
            }}
          />
          <button type="button" onClick={onClose}>
            {t('recon.close')}
          </button>
        </div>
      </div>
      {res.error && <ErrorBox error={res.error} />}
      {d && (
        <>
          <p className="muted" data-testid="drill-sum">
            {t('recon.drillSum', { rows: f.number(d.total), sum: f.number(d.sum) })}
          </p>
          <div className="table-wrap">
            <table className={`table${res.loading ? ' is-busy' : ''}`}>
              <thead>
                {d.kind === 'people' ? (
                  <tr>
                    <th scope="col">{t('col.person')}</th>
                    <th scope="col">{t('col.name')}</th>
                    <th scope="col" className="num">
                      {t('col.qty')}
                    </th>
                  </tr>
                ) : (
                  <tr>
                    <th scope="col">{t(d.kind === 'kitEvents' ? 'col.kitEvent' : 'col.movement')}</th>
                    <th scope="col">{t('col.at')}</th>
                    {d.kind === 'kitEvents' && <th scope="col">{t('col.station')}</th>}
                    <th scope="col">{t('col.depot')}</th>
                    <th scope="col">{t('col.item')}</th>
                    <th scope="col">{t('col.size')}</th>
                    <th scope="col">{t('col.person')}</th>
                    <th scope="col" className="num">
                      {t('col.qty')}
                    </th>
                  </tr>
                )}
              </thead>
              <tbody>
                {d.kind === 'people'
                  ? d.rows.map((r) => (
                      <tr key={r.person}>
                        <td className="mono">
                          <Link to={`/people/${encodeURIComponent(r.person)}`}>{r.person}</Link>
                        </td>
                        <td>
                          <PersonName person={{ name: r.name, name_latin: r.nameLatin }} layout="inline" />
                        </td>
                        <td className="num">{f.number(r.qty)}</td>
                      </tr>
                    ))
                  : d.rows.map((m) => (
                      <tr key={m.id}>
                        <td className="mono">{m.id}</td>
                        <td>{f.dateTime(m.at)}</td>
                        {'station' in m && <td>{m.station ?? '—'}</td>}
                        <td>{m.depot}</td>
                        <td>{itemLabel(m.item)}</td>
                        <td>{m.size}</td>
                        <td className="mono">
                          <Link to={`/people/${encodeURIComponent(m.person)}`}>{m.person}</Link>
                        </td>
                        <td className="num">{f.number(m.qty)}</td>
                      </tr>
                    ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            shown={{ offset: page * PAGE, count: d.rows.length }}
            pageSize={PAGE}
            total={d.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
