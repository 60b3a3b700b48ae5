import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../hooks/use-format.ts';
import type { ShortageBar } from './allocation-model.ts';

/**
 * Units left without, one bar per item and size (summed over sites), labelled with the item's name in the reader's
 * language. Loaded on its own, as the planning chart is (recharts is large).
 */
export default function ShortageChart({
  bars,
  itemLabel,
}: {
  bars: ShortageBar[];
  itemLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = bars.map((b) => ({ ...b, label: `${itemLabel(b.item)} ${b.size}` }));
  return (
    <figure className="plan-chart" data-testid="allocation-chart">
      <ResponsiveContainer width="100%" height={Math.max(200, 36 * data.length + 48)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#dcd8cf" />
          <XAxis
            type="number"
            tickFormatter={(v: number) => f.number(v)}
            tick={{ fontSize: 14 }}
            allowDecimals={false}
          />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 14 }} width={180} interval={0} />
          <Tooltip formatter={(value) => [f.number(Number(value)), t('allocation.unmet')]} separator=": " />
          <Bar
            dataKey="unmet"
            fill="#b5473a"
            isAnimationActive={false}
            label={{ position: 'right', formatter: (v: unknown) => f.number(Number(v)), fontSize: 13 }}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
