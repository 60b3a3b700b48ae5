import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { OFFICE } from '../../../../src/domain/accounts/roles.ts';
import type { Intake } from '../../api/types.ts';
import { useMay } from '../../auth/auth-context.tsx';
import { useRememberIntake } from '../../components/current-intake.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import { EntitlementsEditor } from './entitlements-editor.tsx';
import { chartPoints, type Plan, planItems, totalQty } from './plan-model.ts';
import { useStockCatalogue } from './use-stock-catalogue.ts';
import './stock.css';

const PlanChart = lazy(() => import('./plan-chart.tsx'));

/**
 * An intake's plan: demand per item × size (from the answers so far, a size tariff, or both) against the stock that
 * is available and on its way, the transfers that would cover it, and what is left to buy.
 */
export function PlanningPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const cat = useStockCatalogue();
  const mayEdit = useMay(OFFICE);
  useRememberIntake(id);
  const base = `/api/intakes/${encodeURIComponent(id)}`;
  const intake = useApi<{ intake: Intake }>(base);
  const plan = useApi<Plan>(`${base}/plan`);
  const [params, setParams] = useSearchParams();
  const [onlyShort, setOnlyShort] = useState(false);
  useTitle(intake.data ? `${t('planning.title')} — ${intake.data.intake.name}` : t('planning.title'));

  const items = useMemo(() => planItems(plan.data?.rows ?? []), [plan.data]);
  const chosen = params.get('item') ?? items[0] ?? '';
  const points = useMemo(
    () => chartPoints(plan.data?.rows ?? [], chosen, cat.sizesOf(chosen)),
    [plan.data, chosen, cat],
  );
  const p = plan.data;
  const rows = (p?.rows ?? []).filter((r) => !onlyShort || r.net > 0);

  return (
    <section className="page planning-page">
      <div className="page-head">
        <div>
          <p className="crumb">
            <Link to="/intakes">{t('nav.intakes')}</Link> ›{' '}
            <Link to={`/intakes/${encodeURIComponent(id)}/roster`} className="mono">
              {id}
            </Link>
          </p>
          <h1>
            {t('planning.title')}
            {intake.data && ` — ${intake.data.intake.name}`}
          </h1>
          {p && (
            <dl className="facts" data-testid="plan-facts">
              <div>
                <dt>{t('intakes.people')}</dt>
                <dd>{f.number(p.people)}</dd>
              </div>
              <div>
                <dt>{t('planning.answered')}</dt>
                <dd>
                  {f.number(p.answered)}
                  {p.people > 0 && ` (${f.percent(p.answered / p.people)})`}
                </dd>
              </div>
              <div>
                <dt>{t('planning.source')}</dt>
                <dd data-testid="plan-source">
                  {t(`planning.sources.${p.source}`, { defaultValue: p.source })}
                </dd>
              </div>
              {p.source !== 'answers' && (
                <div>
                  <dt>{t('planning.tariff')}</dt>
                  <dd className="mono">{p.tariff}</dd>
                </div>
              )}
            </dl>
          )}
        </div>
      </div>

      {mayEdit && cat.ready && <EntitlementsEditor intakeId={id} catalogue={cat} onSaved={plan.reload} />}

      {(plan.error ?? intake.error) && <ErrorBox error={(plan.error ?? intake.error)!} />}
      {!p && !plan.error && <Loading />}
      {p && p.rows.length === 0 && <p className="empty">{t('planning.empty')}</p>}
      {p && p.rows.length > 0 && (
        <>
          <section className="panel">
            <div className="panel-head">
              <h2>{t('planning.chart')}</h2>
              <label className="field inline-field">
                <span>{t('stock.item')}</span>
                <select
                  value={chosen}
                  onChange={(e) =>
                    setParams(
                      (prev) => {
                        const out = new URLSearchParams(prev);
                        out.set('item', e.target.value);
                        return out;
                      },
                      { replace: true },
                    )
                  }
                  data-testid="plan-item"
                >
                  {items.map((i) => (
                    <option key={i} value={i}>
                      {cat.itemLabel(i)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <Suspense fallback={<Loading />}>
              <PlanChart points={points} title={cat.itemLabel(chosen)} />
            </Suspense>
          </section>

          <section className="panel">
            <div className="panel-head">
              <h2>{t('planning.rows')}</h2>
              <label className="check-field">
                <input type="checkbox" checked={onlyShort} onChange={(e) => setOnlyShort(e.target.checked)} />
                <span>{t('planning.onlyShort')}</span>
              </label>
            </div>
            <div className="table-wrap">
              <table className="table plan-rows" data-testid="plan-rows">
                <thead>
                  <tr>
                    <th scope="col">{t('stock.item')}</th>
                    <th scope="col">{t('stock.size')}</th>
                    <th scope="col" className="num">
                      {t('planning.demand')}
                    </th>
                    <th scope="col" className="num">
                      {t('planning.available')}
                    </th>
                    <th scope="col" className="num">
                      {t('planning.inTransit')}
                    </th>
                    <th scope="col" className="num">
                      {t('planning.net')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.item}-${r.size}`} className={r.net > 0 ? 'is-short' : undefined}>
                      <td>{cat.itemLabel(r.item)}</td>
                      <td className="mono">{r.size}</td>
                      <td className="num">{f.number(r.demand)}</td>
                      <td className="num">{f.number(r.available)}</td>
                      <td className="num">{f.number(r.inTransit)}</td>
                      <td className="num net">{r.net > 0 ? f.number(r.net) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <div className="plan-lists">
            <section className="panel" data-testid="plan-transfers">
              <h2>{t('planning.transfers')}</h2>
              {p.transfers.length === 0 ? (
                <p className="muted">{t('planning.noTransfers')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('stock.item')}</th>
                        <th scope="col">{t('stock.size')}</th>
                        <th scope="col">{t('stock.transfer.from')}</th>
                        <th scope="col">{t('stock.transfer.to')}</th>
                        <th scope="col" className="num">
                          {t('stock.qty')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.transfers.map((x) => (
                        <tr key={`${x.item}-${x.size}-${x.from}-${x.to}`}>
                          <td>{cat.itemLabel(x.item)}</td>
                          <td className="mono">{x.size}</td>
                          <td>{cat.depotLabel(x.from)}</td>
                          <td>{cat.depotLabel(x.to)}</td>
                          <td className="num">{f.number(x.qty)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            <section className="panel" data-testid="plan-buy">
              <h2>{t('planning.buy')}</h2>
              {p.buy.length === 0 ? (
                <p className="muted">{t('planning.nothingToBuy')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('stock.item')}</th>
                        <th scope="col">{t('stock.size')}</th>
                        <th scope="col" className="num">
                          {t('stock.qty')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.buy.map((b) => (
                        <tr key={`${b.item}-${b.size}`}>
                          <td>{cat.itemLabel(b.item)}</td>
                          <td className="mono">{b.size}</td>
                          <td className="num">{f.number(b.qty)}</td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row" colSpan={2}>
                          {t('stock.total')}
                        </th>
                        <td className="num">{f.number(totalQty(p.buy))}</td>
                      </tr>
                    </tfoot>
                  </table>
                </div>
              )}
            </section>
          </div>
        </>
      )}
    </section>
  );
}
