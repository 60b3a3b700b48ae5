import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL } from '../../../../src/domain/reports/figures.ts';
import type { IntakeDashboard } from '../../../../src/services/reports.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useStockCatalogue } from '../stock/use-stock-catalogue.ts';
import { DrillPanel, type DrillTarget } from './drill-panel.tsx';
import { ExportLinks, Figure, ReportFrame } from './report-frame.tsx';
import { cumulative, periodLabel } from './report-model.ts';
import { useReportIntake } from './use-report-intake.ts';

const Charts = {
  Progress: lazy(() => import('./report-charts.tsx').then((m) => ({ default: m.ProgressChart }))),
  Bars: lazy(() => import('./report-charts.tsx').then((m) => ({ default: m.BarsChart }))),
};

/** How far an intake has got: people per step, over time, the queue and stations now, and what is short. */
export function IntakeDashboardPage() {
  const { t, i18n } = useTranslation('reports');
  const f = useFormat();
  const cat = useStockCatalogue();
  const [intake, setIntake] = useReportIntake();
  const [bucket, setBucket] = useState<'day' | 'hour'>('day');
  const [drill, setDrill] = useState<DrillTarget>();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const dash = useApi<IntakeDashboard>(
    intake ? `/api/reports/intakes/${encodeURIComponent(intake)}/dashboard` : undefined,
    { bucket, tz: timeZone },
  );
  const d = dash.data;
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const points = useMemo(
    () =>
      d
        ? cumulative(d.series.points).map((p) => ({ ...p, label: periodLabel(p.at, d.series.bucket, lang) }))
        : [],
    [d, lang],
  );
  const open = (figure: DrillTarget['figure'], label: string, extra: Partial<DrillTarget> = {}) =>
    setDrill({ figure, label, ...extra });

  return (
    <ReportFrame
      tab="intake"
      intakeId={intake}
      onIntake={setIntake}
      actions={
        intake && (
          <>
            <a
              href={`/api/reports/intakes/${encodeURIComponent(intake)}/summary.pdf?lang=${lang}`}
              target="_blank"
              rel="noreferrer"
            >
              {t('export.pdf')}
            </a>
            <ExportLinks table="funnel" query={{ intake }} />
          </>
        )
      }
    >
      {dash.error && <ErrorBox error={dash.error} />}
      {intake && !d && !dash.error && <Loading />}
      {d && (
        <>
          <p className="muted">{t('intake.people', { n: f.number(d.people) })}</p>
          <div className="tiles" data-testid="funnel">
            {FUNNEL.map((step) => (
              <div className="tile" key={step}>
                <div className="tile-label">{t(`funnel.${step}`)}</div>
                <div className="tile-value">
                  <Figure
                    value={f.number(d.funnel[step])}
                    onOpen={() => open(step, t(`funnel.${step}`))}
                    testId={`funnel-${step}`}
                  />
                </div>
                <div className="tile-share">{f.percent(d.people ? d.funnel[step] / d.people : 0)}</div>
              </div>
            ))}
            <div className="tile">
              <div className="tile-label">{t('intake.waiting')}</div>
              <div className="tile-value" data-testid="waiting">
                {d.waiting === null ? '—' : f.number(d.waiting)}
              </div>
              <div className="tile-share">{d.waiting === null ? t('intake.noQueue') : ' '}</div>
            </div>
          </div>
          {drill && (
            <DrillPanel
              intake={intake!}
              target={drill}
              itemLabel={cat.itemLabel}
              onClose={() => setDrill(undefined)}
            />
          )}
          <div className="reports-grid">
            <section className="panel">
              <div className="panel-title">
                <h2>{t('intake.progress')}</h2>
                <fieldset className="segmented">
                  {(['day', 'hour'] as const).map((b) => (
                    <button
                      key={b}
                      type="button"
                      className={bucket === b ? 'is-on' : ''}
                      aria-pressed={bucket === b}
                      onClick={() => setBucket(b)}
                    >
                      {t(b === 'day' ? 'intake.byDay' : 'intake.byHour')}
                    </button>
                  ))}
                </fieldset>
              </div>
              <Suspense fallback={<Loading />}>
                <Charts.Progress
                  points={points}
                  series={[
                    { key: 'answered', label: t('funnel.answered') },
                    { key: 'resolved', label: t('funnel.resolved') },
                    { key: 'issued', label: t('funnel.issued') },
                    { key: 'fullyKitted', label: t('funnel.fullyKitted') },
                  ]}
                />
              </Suspense>
              <p className="muted">
                {t('intake.units', {
                  entitled: f.number(d.units.entitled),
                  issued: f.number(d.units.issued),
                  returned: f.number(d.units.returned),
                  lost: f.number(d.units.lost),
                  held: f.number(d.units.held),
                })}
              </p>
              <ExportLinks table="series" query={{ intake, bucket, tz: timeZone }} />
            </section>
            <section className="panel">
              <div className="panel-title">
                <h2>{t('intake.shortages')}</h2>
                <ExportLinks table="shortages" query={{ intake }} />
              </div>
              <p className="muted">
                {d.run
                  ? t('intake.fromRun', {
                      date: f.dateTime(d.run.createdAt),
                      status: t(`run.${d.run.status}`),
                    })
                  : t('intake.noRun')}
              </p>
              {d.run && d.shortages.length === 0 && <p className="empty">{t('intake.noShortages')}</p>}
              {d.shortages.length > 0 && (
                <Suspense fallback={<Loading />}>
                  <Charts.Bars
                    testId="shortage-chart"
                    valueLabel={t('col.unmet')}
                    rows={d.shortages.map((s) => ({
                      label: `${cat.itemLabel(s.item)} ${s.size}`,
                      value: s.unmet,
                    }))}
                  />
                </Suspense>
              )}
              {d.shortages.length > 0 && (
                <div className="table-wrap">
                  <table className="table" data-testid="shortages">
                    <thead>
                      <tr>
                        <th scope="col">{t('col.item')}</th>
                        <th scope="col">{t('col.size')}</th>
                        <th scope="col" className="num">
                          {t('col.unmet')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.shortages.map((s) => (
                        <tr key={`${s.item}|${s.size}`}>
                          <td>{cat.itemLabel(s.item)}</td>
                          <td>{s.size}</td>
                          <td className="num">
                            <Figure
                              value={f.number(s.unmet)}
                              onOpen={() =>
                                open('unmet', `${t('col.unmet')} · ${cat.itemLabel(s.item)} ${s.size}`, {
                                  item: s.item,
                                  size: s.size,
                                })
                              }
                            />
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
                <h2>{t('intake.stations')}</h2>
                <ExportLinks table="stations" query={{ intake }} />
              </div>
              {d.stations.length === 0 ? (
                <p className="empty">{t('intake.noStations')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="stations">
                    <thead>
                      <tr>
                        <th scope="col">{t('col.station')}</th>
                        <th scope="col" className="num">
                          {t('col.served')}
                        </th>
                        <th scope="col" className="num">
                          {t('col.servedLastHour')}
                        </th>
                        <th scope="col" className="num">
                          {t('col.unitsIssued')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.stations.map((s) => (
                        <tr key={s.id}>
                          <td>{s.name}</td>
                          <td className="num">{f.number(s.served)}</td>
                          <td className="num">{f.number(s.servedLastHour)}</td>
                          <td className="num">{f.number(s.unitsIssued)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </div>
        </>
      )}
    </ReportFrame>
  );
}
