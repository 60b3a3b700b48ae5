import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { type Formatters, useFormat } from '../../hooks/use-format.ts';
import { bodyParts } from './body-text.ts';
import { noteText } from './note-text.ts';
import { SystemSelect } from './system-select.tsx';
import type { ChartCell, SizeChart, SizeSystemInfo } from './types.ts';

const MARKS = ['tie', 'between', 'spans', 'partly'] as const;
/** A short sign per mark, explained by the legend and by each sign's title. */
const SIGN: Record<(typeof MARKS)[number] | 'none', string> = {
  tie: '=',
  between: '↔',
  spans: '≈',
  partly: '◐',
  none: '—',
};

function Cell({ cell, f }: { cell: ChartCell; f: Formatters }) {
  const { t } = useTranslation('sizes');
  if (cell.label === null) {
    return (
      <td className="chart-cell is-none" title={cell.error}>
        <span className="mark mark-none" aria-hidden="true">
          {SIGN.none}
        </span>
        <span className="visually-hidden">{t('ui.chart.none')}</span>
      </td>
    );
  }
  const notes = cell.notes.map((n) => noteText(t, n, f)).join('\n');
  return (
    <td className={`chart-cell${cell.marks.length ? ' is-marked' : ''}`} title={notes || undefined}>
      <span className="chart-label">{cell.label}</span>
      {cell.marks.map((m) => (
        <span key={m} className={`mark mark-${m}`} title={t(`ui.mark.${m}`)} data-mark={m}>
          <span aria-hidden="true">{SIGN[m]}</span>
          <span className="visually-hidden">{t(`ui.mark.${m}`)}</span>
        </span>
      ))}
      {cell.alternatives.length > 0 && (
        <span className="chart-alt">{t('ui.chart.or', { labels: cell.alternatives.join(', ') })}</span>
      )}
    </td>
  );
}

/**
 * The size chart: every label of one system as body intervals and as the labels of the other systems of the
 * same body part. Ties, in-between landings and partial overlaps are marked, never hidden.
 */
export function SizeChartPanel({
  systems,
  system,
  onSystem,
}: {
  systems: SizeSystemInfo[];
  system: string;
  onSystem: (id: string) => void;
}) {
  const { t } = useTranslation('sizes');
  const f = useFormat();
  const chart = useApi<SizeChart>('/api/sizes/chart', { system });
  const data = chart.data?.system === system ? chart.data : undefined;
  const [own, ...others] = data?.rules ?? [];
  return (
    <div className="sizes-panel" data-testid="size-chart-panel">
      <div className="chart-tools">
        <label className="field chart-pick" htmlFor="chart-system">
          <span>{t('ui.chart.system')}</span>
          <SystemSelect
            id="chart-system"
            systems={systems}
            value={system}
            onChange={onSystem}
            testId="chart-system"
          />
        </label>
        {own && (
          <div className="rule-box" data-testid="chart-rule">
            <span className="rule-title">{t('ui.chart.rule')}</span>
            <p>{noteText(t, own.rule, f)}</p>
          </div>
        )}
      </div>
      <details className="legend">
        <summary>{t('ui.chart.legend')}</summary>
        <ul>
          {[...MARKS, 'none' as const].map((m) => (
            <li key={m}>
              <span className={`mark mark-${m}`} aria-hidden="true">
                {SIGN[m]}
              </span>{' '}
              {t(`ui.mark.${m}`)}
            </li>
          ))}
        </ul>
      </details>
      {chart.error && <ErrorBox error={chart.error} />}
      {!data && !chart.error && <Loading />}
      {data && (
        <>
          <p className="muted chart-count">{t('ui.chart.rows', { count: f.number(data.rows.length) })}</p>
          <div className="table-wrap chart-wrap">
            <table className="table chart-table" data-testid="size-chart">
              <caption className="visually-hidden">
                {t('ui.chart.caption', { system: t(`system.${data.system}`) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    {t('ui.chart.label')}
                    <span className="sub mono">{data.system}</span>
                  </th>
                  <th scope="col">{t('ui.chart.body')}</th>
                  {data.columns.map((c) => (
                    <th scope="col" key={c} title={t(`system.${c}`)}>
                      <span className="mono">{c}</span>
                      <span className="sub col-name">{t(`system.${c}`)}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.label} data-label={r.label}>
                    <th scope="row" className="chart-own">
                      {r.label}
                    </th>
                    <td className="chart-body">
                      {bodyParts(r.body, t, f).map(([dim, value]) => (
                        <span key={dim} className="nowrap">
                          {dim} {value}
                        </span>
                      ))}
                    </td>
                    {r.cells.map((c) => (
                      <Cell key={c.system} cell={c} f={f} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details className="legend">
            <summary>{t('ui.chart.otherRules')}</summary>
            <ul className="rules" data-testid="chart-other-rules">
              {others.map((r) => (
                <li key={r.system}>{noteText(t, r.rule, f)}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
