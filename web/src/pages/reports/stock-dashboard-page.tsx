import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockDashboard } from '../../../../src/services/reports.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useStockCatalogue } from '../stock/use-stock-catalogue.ts';
import { ExportLinks, ReportFrame } from './report-frame.tsx';
import { coverText } from './report-model.ts';

const StockChart = lazy(() => import('./report-charts.tsx').then((m) => ({ default: m.StockChart })));

/** Stock per depot and size against what the open intakes still need, and what runs out first. */
export function StockDashboardPage() {
  const { t } = useTranslation('reports');
  const f = useFormat();
  const cat = useStockCatalogue();
  const res = useApi<StockDashboard>('/api/reports/stock');
  const [item, setItem] = useState<string>();
  const [depot, setDepot] = useState('');
  const d = res.data;
  const chosen = item ?? d?.runOutFirst[0]?.item ?? cat.items[0]?.id;
  const chartRows = useMemo(() => d?.sizes.filter((s) => s.item === chosen) ?? [], [d, chosen]);
  const depotRows = useMemo(() => d?.depots.filter((r) => !depot || r.depot === depot) ?? [], [d, depot]);

  return (
    <ReportFrame tab="stock" actions={<ExportLinks table="stock-sizes" />}>
      {res.error && <ErrorBox error={res.error} />}
      {!d && !res.error && <Loading />}
      {d && (
        <>
          <p className="muted">{t('stock.openIntakes', { intakes: d.openIntakes.join(', ') || '—' })}</p>
          <div className="reports-grid">
            <section className="panel">
              <h2>{t('stock.runOutFirst')}</h2>
              {d.runOutFirst.length === 0 ? (
                <p className="empty">{t('stock.nothingShort')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="run-out-first">
                    <thead>
                      <tr>
                        <th scope="col">{t('col.item')}</th>
                        <th scope="col">{t('col.size')}</th>
                        <th scope="col" className="num">
                          {t('col.toIssue')}
                        </th>
                        <th scope="col" className="num">
                          {t('col.onHand')}
                        </th>
                        <th scope="col" className="num">
                          {t('col.inTransit')}
                        </th>
                        <th scope="col" className="num">
                          {t('col.shortfall')}
                        </th>
                        <th scope="col" className="num">
                          {t('col.cover')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.runOutFirst.slice(0, 12).map((r) => (
                        <tr key={`${r.item}|${r.size}`}>
                          <td>
                            <button type="button" className="figure-button" onClick={() => setItem(r.item)}>
                              {cat.itemLabel(r.item)}
                            </button>
                          </td>
                          <td>{r.size}</td>
                          <td className="num">{f.number(r.toIssue)}</td>
                          <td className="num">{f.number(r.onHand)}</td>
                          <td className="num">{f.number(r.inTransit)}</td>
                          <td className="num">{f.number(r.shortfall)}</td>
                          <td className={`num${r.cover !== null && r.cover < 1 ? ' cover-low' : ''}`}>
                            {coverText(r.cover, f.percent)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            <section className="panel">
              <div className="panel-title">
                <h2>{t('stock.bySize')}</h2>
                <select
                  value={chosen ?? ''}
                  onChange={(e) => setItem(e.target.value)}
                  data-testid="stock-item"
                >
                  {cat.items.map((i) => (
                    <option key={i.id} value={i.id}>
                      {cat.itemLabel(i.id)}
                    </option>
                  ))}
                </select>
              </div>
              <Suspense fallback={<Loading />}>
                <StockChart rows={chartRows} />
              </Suspense>
            </section>
          </div>
          <section className="panel">
            <div className="panel-title">
              <h2>{t('stock.byDepot')}</h2>
              <div className="reports-actions">
                <label className="reports-intake">
                  <span>{t('stock.depot')}</span>
                  <select value={depot} onChange={(e) => setDepot(e.target.value)} data-testid="stock-depot">
                    <option value="">{t('stock.allDepots')}</option>
                    {cat.depots.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name}
                      </option>
                    ))}
                  </select>
                </label>
                <ExportLinks table="stock-depots" />
              </div>
            </div>
            <div className="table-wrap">
              <table className="table" data-testid="stock-depots">
                <thead>
                  <tr>
                    <th scope="col">{t('col.depot')}</th>
                    <th scope="col">{t('col.item')}</th>
                    <th scope="col">{t('col.size')}</th>
                    <th scope="col" className="num">
                      {t('col.onHand')}
                    </th>
                    <th scope="col" className="num">
                      {t('col.reserved')}
                    </th>
                    <th scope="col" className="num">
                      {t('col.available')}
                    </th>
                    <th scope="col" className="num">
                      {t('col.inTransit')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {depotRows.map((r) => (
                    <tr key={`${r.depot}|${r.item}|${r.size}`}>
                      <td>{cat.depotLabel(r.depot)}</td>
                      <td>{cat.itemLabel(r.item)}</td>
                      <td>{r.size}</td>
                      <td className="num">{f.number(r.onHand)}</td>
                      <td className="num">{f.number(r.reserved)}</td>
                      <td className="num">{f.number(r.available)}</td>
                      <td className="num">{f.number(r.inTransit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </ReportFrame>
  );
}
