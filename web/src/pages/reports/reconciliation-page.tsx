import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonReconciliation } from '../../../../src/services/reports/reconciliation.ts';
import type { Reconciliation } from '../../../../src/services/reports.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { Pager } from '../../components/pager.tsx';
import { PersonName } from '../../components/person-name.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useStockCatalogue } from '../stock/use-stock-catalogue.ts';
import { DrillPanel, type DrillTarget } from './drill-panel.tsx';
import { ExportLinks, Figure, ReportFrame } from './report-frame.tsx';
import { useReportIntake } from './use-report-intake.ts';

const ITEM_COLUMNS = [
  'entitled',
  'allocated',
  'issued',
  'returned',
  'lost',
  'held',
  'outstanding',
  'onHand',
  'reserved',
  'available',
] as const;
const DEPOT_COLUMNS = ['issued', 'returned', 'lost', 'held', 'onHand', 'reserved', 'available'] as const;
/** Which figures open the people, movements or kit events (losses) behind them. */
const DRILLS: Partial<Record<(typeof ITEM_COLUMNS)[number], DrillTarget['figure']>> = {
  entitled: 'entitled',
  issued: 'issuedUnits',
  returned: 'returnedUnits',
  lost: 'lostUnits',
  held: 'held',
  outstanding: 'outstanding',
};
const PAGE = 50;

/** Issued against entitled against stock, per item, per depot and per person; every figure opens its rows. */
export function ReconciliationPage() {
  const { t } = useTranslation('reports');
  const f = useFormat();
  const cat = useStockCatalogue();
  const [intake, setIntake] = useReportIntake();
  const [drill, setDrill] = useState<DrillTarget>();
  const [only, setOnly] = useState<'' | 'outstanding' | 'complete'>('');
  const [page, setPage] = useState(0);
  const base = intake ? `/api/reports/intakes/${encodeURIComponent(intake)}` : undefined;
  const res = useApi<Reconciliation>(base && `${base}/reconciliation`);
  const people = useApi<{ total: number; rows: PersonReconciliation[] }>(
    base && `${base}/reconciliation/people`,
    {
      only: only || undefined,
      limit: PAGE,
      offset: page * PAGE,
    },
  );
  const d = res.data;
  const open = (col: (typeof ITEM_COLUMNS)[number], item?: string, depot?: string) => {
    const figure = DRILLS[col];
    if (!figure) return undefined;
    return () =>
      setDrill({
        figure,
        item,
        depot,
        label: [t(`col.${col}`), item && cat.itemLabel(item), depot && cat.depotLabel(depot)]
          .filter(Boolean)
          .join(' · '),
      });
  };

  return (
    <ReportFrame tab="reconciliation" intakeId={intake} onIntake={setIntake}>
      {res.error && <ErrorBox error={res.error} />}
      {intake && !d && !res.error && <Loading />}
      {d && (
        <>
          <p className="muted">{t('recon.clickHint')}</p>
          {drill && intake && (
            <DrillPanel
              intake={intake}
              target={drill}
              itemLabel={cat.itemLabel}
              onClose={() => setDrill(undefined)}
            />
          )}
          <section className="panel">
            <div className="panel-title">
              <h2>{t('recon.byItem')}</h2>
              <ExportLinks table="reconciliation-items" query={{ intake }} />
            </div>
            <div className="table-wrap">
              <table className="table" data-testid="recon-items">
                <thead>
                  <tr>
                    <th scope="col">{t('col.item')}</th>
                    {ITEM_COLUMNS.map((c) => (
                      <th scope="col" className="num" key={c}>
                        {t(`col.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.byItem.map((r) => (
                    <tr key={r.item}>
                      <td>{cat.itemLabel(r.item)}</td>
                      {ITEM_COLUMNS.map((c) => (
                        <td className="num" key={c}>
                          <Figure value={f.number(r[c])} onOpen={open(c, r.item)} />
                        </td>
                      ))}
                    </tr>
                  ))}
                  <tr className="total-row">
                    <th scope="row">{t('recon.total')}</th>
                    {ITEM_COLUMNS.map((c) => (
                      <td className="num" key={c}>
                        <strong>
                          <Figure value={f.number(d.totals[c])} onOpen={open(c)} testId={`total-${c}`} />
                        </strong>
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          </section>
          <section className="panel">
            <div className="panel-title">
              <h2>{t('recon.byDepot')}</h2>
              <ExportLinks table="reconciliation-depots" query={{ intake }} />
            </div>
            <div className="table-wrap">
              <table className="table" data-testid="recon-depots">
                <thead>
                  <tr>
                    <th scope="col">{t('col.depot')}</th>
                    <th scope="col">{t('col.item')}</th>
                    {DEPOT_COLUMNS.map((c) => (
                      <th scope="col" className="num" key={c}>
                        {t(`col.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.byDepot.map((r) => (
                    <tr key={`${r.depot}|${r.item}`}>
                      <td>{cat.depotLabel(r.depot)}</td>
                      <td>{cat.itemLabel(r.item)}</td>
                      <td className="num">
                        <Figure value={f.number(r.issued)} onOpen={open('issued', r.item, r.depot)} />
                      </td>
                      <td className="num">
                        <Figure value={f.number(r.returned)} onOpen={open('returned', r.item, r.depot)} />
                      </td>
                      <td className="num">
                        <Figure value={f.number(r.lost)} onOpen={open('lost', r.item, r.depot)} />
                      </td>
                      <td className="num">{f.number(r.held)}</td>
                      <td className="num">{f.number(r.onHand)}</td>
                      <td className="num">{f.number(r.reserved)}</td>
                      <td className="num">{f.number(r.available)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="panel">
            <div className="panel-title">
              <h2>{t('recon.byPerson')}</h2>
              <div className="reports-actions">
                <fieldset className="segmented">
                  {(['', 'outstanding', 'complete'] as const).map((o) => (
                    <button
                      key={o || 'all'}
                      type="button"
                      className={only === o ? 'is-on' : ''}
                      aria-pressed={only === o}
                      onClick={() => {
                        setOnly(o);
                        setPage(0);
                      }}
                    >
                      {t(
                        o === ''
                          ? 'recon.all'
                          : o === 'outstanding'
                            ? 'recon.onlyOutstanding'
                            : 'recon.onlyComplete',
                      )}
                    </button>
                  ))}
                </fieldset>
                <ExportLinks table="reconciliation-people" query={{ intake }} />
              </div>
            </div>
            {people.error && <ErrorBox error={people.error} />}
            {people.data && (
              <>
                <div className="table-wrap">
                  <table className={`table${people.loading ? ' is-busy' : ''}`} data-testid="recon-people">
                    <thead>
                      <tr>
                        <th scope="col">{t('col.person')}</th>
                        <th scope="col">{t('col.name')}</th>
                        <th scope="col" className="num">
                          {t('col.entitled')}
                        </th>
                        <th scope="col" className="num">
                          {t('col.lost')}
                        </th>
                        <th scope="col" className="num">
                          {t('col.held')}
                        </th>
                        <th scope="col" className="num">
                          {t('col.outstanding')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {people.data.rows.map((r) => (
                        <tr key={r.person}>
                          <td className="mono">
                            <Link to={`/people/${encodeURIComponent(r.person)}`}>{r.person}</Link>
                          </td>
                          <td>
                            <PersonName person={{ name: r.name, name_latin: r.nameLatin }} layout="inline" />
                          </td>
                          <td className="num">{f.number(r.entitled)}</td>
                          <td className="num">{f.number(r.lost)}</td>
                          <td className="num">{f.number(r.held)}</td>
                          <td className="num">{f.number(r.outstanding)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager
                  page={page}
                  shown={{ offset: page * PAGE, count: people.data.rows.length }}
                  pageSize={PAGE}
                  total={people.data.total}
                  onPage={setPage}
                />
              </>
            )}
          </section>
        </>
      )}
    </ReportFrame>
  );
}
