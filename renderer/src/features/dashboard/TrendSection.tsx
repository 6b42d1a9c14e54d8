import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AGING_BUCKETS } from '../../../../shared/domain/aging';
import type { DashboardTrends } from '../../../../shared/ipc/dashboard.contract';
import { compactMoney, date, money } from '../../i18n/format';
import { PALETTE, percent } from './dashboard-kit';

/** "2026-10-31" → "out/26" in the UI language (axis labels). */
function monthLabel(iso: string, lng: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return new Intl.DateTimeFormat(lng, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(d);
}

/** The 12 month-ends; a bar or a row shows the whole dashboard as of that month-end. */
export function TrendSection({ trends, onOpenDate }: { trends: DashboardTrends; onOpenDate: (date: string) => void }) {
  const { t, i18n } = useTranslation();
  const data = trends.points.map((p) => ({ ...p, label: monthLabel(p.date, i18n.language) }));
  const rollBuckets = AGING_BUCKETS.slice(0, -1); // the last bucket has nowhere to roll to

  return (
    <section className="panel dash-panel" aria-labelledby="trend-title">
      <header className="panel__header">
        <h2 id="trend-title">{t('dashboard.trends.title')}</h2>
      </header>
      <div className="dash-chart" role="img" aria-label={t('dashboard.trends.chartLabel')} data-testid="trend-chart">
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis yAxisId="money" tickFormatter={(v: number) => compactMoney(v)} width={88} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="ratio" orientation="right" tickFormatter={(v: number) => percent(v)} width={56} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v, name) => (name === t('dashboard.trends.delinquency') ? percent(Number(v)) : money(Number(v)))} />
            <Legend />
            <Bar isAnimationActive={false} yAxisId="money" dataKey="overdueCents" name={t('dashboard.trends.overdue')} fill={PALETTE.vermillion} cursor="pointer" onClick={(_, index) => onOpenDate(trends.points[index]!.date)} />
            <Bar isAnimationActive={false} yAxisId="money" dataKey="recoveredCents" name={t('dashboard.trends.recovered')} fill={PALETTE.green} cursor="pointer" onClick={(_, index) => onOpenDate(trends.points[index]!.date)} />
            <Line isAnimationActive={false} yAxisId="ratio" dataKey="delinquencyByValue" name={t('dashboard.trends.delinquency')} stroke={PALETTE.blue} strokeWidth={2} dot={{ r: 3 }} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <div className="table-scroll">
        <table className="table table--compact" data-testid="trend-table">
          <thead>
            <tr>
              <th rowSpan={2}>{t('dashboard.trends.month')}</th>
              <th rowSpan={2} className="num">{t('dashboard.trends.overdue')}</th>
              <th rowSpan={2} className="num">{t('dashboard.trends.delinquency')}</th>
              <th rowSpan={2} className="num">{t('dashboard.trends.recovered')}</th>
              <th rowSpan={2} className="num">{t('dashboard.trends.recoveryRate')}</th>
              <th colSpan={rollBuckets.length} className="dash-group-th" title={t('dashboard.trends.rollHint')}>
                {t('dashboard.trends.rollTitle')}
              </th>
            </tr>
            <tr>
              {rollBuckets.map((b) => (
                <th key={b.key} className="num" title={t('dashboard.trends.rollHint')}>
                  {t(`dashboard.aging.short.${b.key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trends.points.map((p) => (
              <tr key={p.date} data-testid={`trend-row-${p.date}`}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpenDate(p.date)} title={t('dashboard.trends.openMonth', { date: date(p.date) })}>
                    {date(p.date)}
                  </button>
                </td>
                <td className="num">{money(p.overdueCents)}</td>
                <td className="num">{percent(p.delinquencyByValue)}</td>
                <td className="num">{money(p.recoveredCents)}</td>
                <td className="num">{percent(p.recoveryRate)}</td>
                {rollBuckets.map((b) => (
                  <td key={b.key} className="num">
                    {percent(p.rollRates[b.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
