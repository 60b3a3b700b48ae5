import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SizeDistribution } from '../../../../src/services/reports.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useStockCatalogue } from '../stock/use-stock-catalogue.ts';
import { ExportLinks, ReportFrame } from './report-frame.tsx';
import { binRows } from './report-model.ts';
import { useReportIntake } from './use-report-intake.ts';

const Charts = {
  Histogram: lazy(() => import('./report-charts.tsx').then((m) => ({ default: m.Histogram }))),
  Sizes: lazy(() => import('./report-charts.tsx').then((m) => ({ default: m.SizesChart }))),
};

/** One item's sizes in an intake: the measurements people gave, the sizes resolved, the tariff and past intakes. */
export function SizesReportPage() {
  const { t } = useTranslation('reports');
  const f = useFormat();
  const cat = useStockCatalogue();
  const [intake, setIntake] = useReportIntake();
  const [item, setItem] = useState('jacket');
  const res = useApi<SizeDistribution>(
    intake ? `/api/reports/intakes/${encodeURIComponent(intake)}/sizes` : undefined,
    { item },
  );
  const d = res.data;
  const rows = useMemo(
    () =>
      d?.sizes.map((s) => ({
        size: s.size,
        resolved: s.resolved,
        tariff: s.tariffShare * d.resolved,
        ...Object.fromEntries(d.pastIntakes.map((p) => [`past:${p}`, (s.past[p] ?? 0) * d.resolved])),
      })) ?? [],
    [d],
  );
  return (
    <ReportFrame
      tab="sizes"
      intakeId={intake}
      onIntake={setIntake}
      actions={intake && <ExportLinks table="sizes" query={{ intake, item }} />}
    >
      <label className="reports-intake">
        <span>{t('sizes.item')}</span>
        <select value={item} onChange={(e) => setItem(e.target.value)} data-testid="sizes-item">
          {cat.items.map((i) => (
            <option key={i.id} value={i.id}>
              {cat.itemLabel(i.id)}
            </option>
          ))}
        </select>
      </label>
      {res.error && <ErrorBox error={res.error} />}
      {intake && !d && !res.error && <Loading />}
      {d && (
        <>
          <p className="muted">
            {t('sizes.answered', { answered: f.number(d.answered), people: f.number(d.people) })}
          </p>
          <section className="panel">
            <div className="panel-title">
              <h2>{t('sizes.resolvedSizes', { n: f.number(d.resolved) })}</h2>
            </div>
            <p className="muted">{t('sizes.against', { tariff: d.tariff })}</p>
            <Suspense fallback={<Loading />}>
              <Charts.Sizes
                rows={rows}
                lines={[
                  { key: 'tariff', label: t('col.tariff') },
                  ...d.pastIntakes.map((p) => ({ key: `past:${p}`, label: t('sizes.past', { intake: p }) })),
                ]}
              />
            </Suspense>
          </section>
          <section className="panel">
            <div className="panel-title">
              <h2>{t('sizes.measurements')}</h2>
              <ExportLinks table="measurements" query={{ intake, item }} />
            </div>
            {d.measurements.length === 0 ? (
              <p className="empty">{t('sizes.noMeasurements')}</p>
            ) : (
              <div className="histograms">
                <Suspense fallback={<Loading />}>
                  {d.measurements.map((m) => (
                    <Charts.Histogram
                      key={m.dimension}
                      title={`${t(`dimension.${m.dimension}`)} · ${f.number(m.n)}`}
                      unit={t(`unit.${m.unit}`)}
                      bins={binRows(m.bins, m.width, f.number)}
                    />
                  ))}
                </Suspense>
              </div>
            )}
          </section>
        </>
      )}
    </ReportFrame>
  );
}
