import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../hooks/use-format.ts';

/** Charts of the report pages, in one module loaded on demand (recharts is large). */

const COLOURS = ['#2f5d8a', '#7a9cc6', '#c58b2a', '#3d8a5a', '#1f5a35', '#8a4f9c', '#b5473a'];

export function ProgressChart({
  points,
  series,
}: {
  points: Record<string, number | string>[];
  series: { key: string; label: string }[];
}) {
  const f = useFormat();
  return (
    <figure className="report-chart" data-testid="progress-chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dcd8cf" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => f.number(v)} tick={{ fontSize: 12 }} allowDecimals={false} />
          <Tooltip formatter={(v) => f.number(Number(v))} />
          <Legend />
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Horizontal bars, one per row, labelled; `valueLabel` names the value in the tooltip. */
export function BarsChart({
  rows,
  valueLabel,
  colour = '#b5473a',
  testId,
}: {
  rows: { label: string; value: number }[];
  valueLabel: string;
  colour?: string;
  testId?: string;
}) {
  const f = useFormat();
  return (
    <figure className="report-chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={Math.max(160, 28 * rows.length + 48)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#dcd8cf" />
          <XAxis
            type="number"
            tickFormatter={(v: number) => f.number(v)}
            tick={{ fontSize: 12 }}
            allowDecimals={false}
          />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={170} interval={0} />
          <Tooltip formatter={(v) => [f.number(Number(v)), valueLabel]} separator=": " />
          <Bar
            dataKey="value"
            fill={colour}
            isAnimationActive={false}
            label={{ position: 'right', formatter: (v: unknown) => f.number(Number(v)), fontSize: 12 }}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Stock per size against what is left to issue: stacked available + reserved + in transit, demand as a line. */
export function StockChart({
  rows,
}: {
  rows: { size: string; available: number; reserved: number; inTransit: number; toIssue: number }[];
}) {
  const { t } = useTranslation('reports');
  const f = useFormat();
  return (
    <figure className="report-chart" data-testid="stock-chart">
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dcd8cf" />
          <XAxis
            dataKey="size"
            tick={{ fontSize: 12 }}
            interval={0}
            angle={rows.length > 14 ? -45 : 0}
            textAnchor={rows.length > 14 ? 'end' : 'middle'}
            height={rows.length > 14 ? 56 : 30}
          />
          <YAxis tickFormatter={(v: number) => f.number(v)} tick={{ fontSize: 12 }} allowDecimals={false} />
          <Tooltip formatter={(v) => f.number(Number(v))} />
          <Legend />
          <Bar
            dataKey="available"
            stackId="s"
            name={t('col.available')}
            fill="#3d8a5a"
            isAnimationActive={false}
          />
          <Bar
            dataKey="reserved"
            stackId="s"
            name={t('col.reserved')}
            fill="#7a9cc6"
            isAnimationActive={false}
          />
          <Bar
            dataKey="inTransit"
            stackId="s"
            name={t('col.inTransit')}
            fill="#c58b2a"
            isAnimationActive={false}
          />
          <Line
            dataKey="toIssue"
            name={t('col.toIssue')}
            stroke="#b5473a"
            strokeWidth={2}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** A histogram: one bar per bin. */
export function Histogram({
  bins,
  title,
  unit,
}: {
  bins: { label: string; count: number }[];
  title: string;
  unit: string;
}) {
  const { t } = useTranslation('reports');
  const f = useFormat();
  return (
    <figure className="report-chart" data-testid="histogram">
      <figcaption>
        <strong>{title}</strong> <span className="muted">({unit})</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={bins} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} barCategoryGap={1}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#dcd8cf" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis
            tickFormatter={(v: number) => f.number(v)}
            tick={{ fontSize: 11 }}
            allowDecimals={false}
            width={40}
          />
          <Tooltip formatter={(v) => [f.number(Number(v)), t('col.people')]} separator=": " />
          <Bar dataKey="count" fill="#2f5d8a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Resolved sizes as bars, the tariff and past intakes as lines (scaled to as many people). */
export function SizesChart({
  rows,
  lines,
}: {
  rows: Record<string, number | string>[];
  lines: { key: string; label: string }[];
}) {
  const { t } = useTranslation('reports');
  const f = useFormat();
  return (
    <figure className="report-chart" data-testid="sizes-chart">
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dcd8cf" />
          <XAxis
            dataKey="size"
            tick={{ fontSize: 12 }}
            interval={0}
            angle={rows.length > 14 ? -45 : 0}
            textAnchor={rows.length > 14 ? 'end' : 'middle'}
            height={rows.length > 14 ? 56 : 30}
          />
          <YAxis tickFormatter={(v: number) => f.number(v)} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => f.number(Math.round(Number(v) * 10) / 10)} />
          <Legend />
          <Bar dataKey="resolved" name={t('col.resolved')} fill="#2f5d8a" isAnimationActive={false} />
          {lines.map((l, i) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.label}
              stroke={COLOURS[(i + 2) % COLOURS.length]}
              strokeWidth={2}
              strokeDasharray={i === 0 ? undefined : '5 4'}
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
