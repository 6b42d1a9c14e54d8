import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CashForecast } from '../../../../shared/ipc/dashboard.contract';
import { compactMoney, date, integer, money } from '../../i18n/format';
import { PALETTE } from './dashboard-kit';
import { ObligationsEditor } from './ObligationsEditor';

/** "25/11 – 01/12" */
function weekLabel(start: string, end: string): string {
  return `${date(start).slice(0, 5)} – ${date(end).slice(0, 5)}`;
}

/** Expected receipts against obligations, week by week; the weeks that do not close are flagged. */
export function CashFlowSection({ forecast }: { forecast: CashForecast }) {
  const { t } = useTranslation();
  const data = forecast.weeks.map((w) => ({ ...w, label: weekLabel(w.start, w.end) }));
  const short = forecast.weeks.filter((w) => w.shortfall).length;

  return (
    <section className="panel dash-panel dash-panel--wide" aria-labelledby="cash-title">
      <header className="panel__header">
        <div>
          <h2 id="cash-title">{t('dashboard.cash.title')}</h2>
          <p className="dash-lead">{t('dashboard.cash.lead')}</p>
        </div>
      </header>
      <p className={short > 0 ? 'alert alert--error dash-alert' : 'dash-ok'} role="status" data-testid="cash-status">
        {short > 0 ? t('dashboard.cash.shortfallNote', { count: short }) : t('dashboard.cash.covered')}
      </p>
      <div className="dash-chart" role="img" aria-label={t('dashboard.cash.chartLabel')} data-testid="cash-chart">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis tickFormatter={(v: number) => compactMoney(v)} width={88} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => money(Number(v))} />
            <Legend />
            <Bar isAnimationActive={false} dataKey="expectedCents" name={t('dashboard.cash.expected')} fill={PALETTE.blue} />
            <Bar isAnimationActive={false} dataKey="obligationsCents" name={t('dashboard.cash.obligations')} fill={PALETTE.orange} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="table-scroll">
        <table className="table table--compact" data-testid="cash-table">
          <thead>
            <tr>
              <th>{t('dashboard.cash.week')}</th>
              <th className="num">{t('dashboard.cash.scheduled')}</th>
              <th className="num">{t('dashboard.cash.expected')}</th>
              <th className="num">{t('dashboard.cash.obligations')}</th>
              <th className="num">{t('dashboard.cash.net')}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.weeks.map((w) => (
              <tr key={w.start} className={w.shortfall ? 'dash-shortfall' : undefined} data-testid={`cash-week-${w.start}`}>
                <td>
                  {date(w.start)} – {date(w.end)}
                  {w.shortfall && <span className="badge badge--overdue dash-badge">{t('dashboard.cash.shortfall')}</span>}
                </td>
                <td className="num">{money(w.scheduledCents)}</td>
                <td className="num">{money(w.expectedCents)}</td>
                <td className="num">{money(w.obligationsCents)}</td>
                <td className={`num ${w.netCents < 0 ? 'text-danger' : ''}`}>{money(w.netCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="panel__note">{t('dashboard.cash.history', { count: integer(forecast.customersWithHistory) })}</p>
      <ObligationsEditor />
    </section>
  );
}
