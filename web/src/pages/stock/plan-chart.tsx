import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../hooks/use-format.ts';
import type { ChartPoint } from './plan-model.ts';

/**
 * Demand against stock for one item, size by size: demand as one bar, and beside it what is available with what is
 * on its way stacked on top, so a gap between the two bars is the shortage. Loaded on its own (recharts is large).
 */
export default function PlanChart({ points, title }: { points: ChartPoint[]; title: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  // Bars, legend and tooltip in one fixed order: demand first, then the stock set against it.
  const order = ['demand', 'available', 'inTransit'];
  const rank = (key: unknown) => order.indexOf(String(key));
  const names: Record<string, string> = {
    demand: t('planning.demand'),
    available: t('planning.available'),
    inTransit: t('planning.inTransit'),
  };
  return (
    <figure className="plan-chart" data-testid="plan-chart">
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#dcd8cf" />
          <XAxis dataKey="size" tick={{ fontSize: 14 }} interval={0} />
          <YAxis
            tickFormatter={(v: number) => f.number(v)}
            tick={{ fontSize: 14 }}
            width={64}
            allowDecimals={false}
          />
          <Tooltip
            formatter={(value, name) => [f.number(Number(value)), names[String(name)] ?? String(name)]}
            labelFormatter={(label) => `${t('stock.size')} ${String(label)}`}
            itemSorter={(item) => rank(item.dataKey)}
            separator=": "
          />
          <Legend
            formatter={(name: string) => names[name] ?? name}
            itemSorter={(item) => rank(item.dataKey)}
          />
          <Bar dataKey="demand" stackId="demand" fill="#2f5d8a" isAnimationActive={false} />
          <Bar dataKey="available" stackId="stock" fill="#6fae8a" isAnimationActive={false} />
          <Bar dataKey="inTransit" stackId="stock" fill="#e0a526" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
