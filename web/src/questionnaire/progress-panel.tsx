import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FILLERS } from '../../../src/domain/accounts/roles.ts';
import { useMay } from '../auth/auth-context.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useFormat } from '../hooks/use-format.ts';
import type { IntakeProgress } from './types.ts';
import './questionnaire.css';

const DAYS_SHOWN = 21;

/**
 * How far the intake's questionnaire has got: people answered out of the roster, and how many answered for
 * the first time on each day (a plain SVG bar chart, in this tablet's time zone).
 */
export function ProgressPanel({ intakeId }: { intakeId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mayFill = useMay(FILLERS);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const progress = useApi<IntakeProgress>(`/api/intakes/${encodeURIComponent(intakeId)}/progress`, { tz });
  const p = progress.data;

  return (
    <div className="panel q-progress" data-testid="intake-progress">
      <div className="q-progress-head">
        <h2>{t('progress.title')}</h2>
        {mayFill && (
          <Link
            className="button-primary"
            to={`/intakes/${encodeURIComponent(intakeId)}/fill`}
            data-testid="fill-link"
          >
            {t('progress.fill')}
          </Link>
        )}
      </div>
      {p && (
        <>
          <p className="q-progress-figure" data-testid="progress-answered">
            {t('progress.answered', {
              answered: f.number(p.answered),
              total: f.number(p.total),
              percent: f.percent(p.total ? p.answered / p.total : 0),
            })}
          </p>
          <div
            className="progress-track"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={p.total}
            aria-valuenow={p.answered}
            aria-label={t('progress.title')}
          >
            <div
              className="progress-bar"
              style={{ width: `${p.total ? (100 * p.answered) / p.total : 0}%` }}
            />
          </div>
          {p.perDay.length > 0 ? (
            <DayChart days={p.perDay.slice(-DAYS_SHOWN)} />
          ) : (
            <p className="muted">{t('progress.none')}</p>
          )}
        </>
      )}
    </div>
  );
}

function DayChart({ days }: { days: IntakeProgress['perDay'] }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const max = Math.max(...days.map((d) => d.people), 1);
  const bar = 36;
  const gap = 10;
  const height = 120;
  const width = days.length * (bar + gap) + gap;
  const short = new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  return (
    <figure className="q-chart">
      <figcaption className="muted">{t('progress.perDay')}</figcaption>
      <svg
        width={width}
        height={height + 40}
        viewBox={`0 0 ${width} ${height + 40}`}
        role="img"
        aria-label={days.map((d) => `${f.date(d.day)}: ${f.number(d.people)}`).join(', ')}
        data-testid="progress-chart"
      >
        {days.map((d, i) => {
          const h = Math.max(2, Math.round((d.people / max) * (height - 20)));
          const x = gap + i * (bar + gap);
          return (
            <g key={d.day} data-day={d.day} data-people={d.people}>
              <rect x={x} y={height - h} width={bar} height={h} rx={4} className="q-chart-bar" />
              <text x={x + bar / 2} y={height - h - 6} textAnchor="middle" className="q-chart-value">
                {f.number(d.people)}
              </text>
              <text x={x + bar / 2} y={height + 18} textAnchor="middle" className="q-chart-label">
                {short.format(new Date(`${d.day}T00:00:00Z`))}
              </text>
            </g>
          );
        })}
        <line x1={0} x2={width} y1={height} y2={height} className="q-chart-axis" />
      </svg>
    </figure>
  );
}
