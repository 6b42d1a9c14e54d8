import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AgingBucketRow, DashboardSummary } from '../../../../shared/ipc/dashboard.contract';
import { compactMoney, integer, money } from '../../i18n/format';
import { BUCKET_COLOURS, openPortfolio, percent } from './dashboard-kit';

/** The aging buckets as bars and as a table; a bar or a row opens the customers of that bucket. */
export function AgingSection({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation();
  const open = (row: AgingBucketRow) => openPortfolio(summary.filters, { overdueBucket: row.key });
  const data = summary.aging.map((row) => ({ ...row, label: t(`dashboard.aging.short.${row.key}`) }));
  const totals = summary.aging.reduce((acc, r) => ({ amount: acc.amount + r.amountCents, count: acc.count + r.count, customers: acc.customers + r.customerCount }), { amount: 0, count: 0, customers: 0 });

  return (
    <section className="panel dash-panel" aria-labelledby="aging-title">
      <header className="panel__header">
        <h2 id="aging-title">{t('dashboard.aging.title')}</h2>
      </header>
      <div className="dash-chart" role="img" aria-label={t('dashboard.aging.chartLabel')} data-testid="aging-chart">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis tickFormatter={(v: number) => compactMoney(v)} width={88} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => money(Number(v))} labelStyle={{ fontWeight: 600 }} />
            <Bar isAnimationActive={false} dataKey="amountCents" name={t('dashboard.aging.amount')} cursor="pointer" onClick={(_, index) => open(summary.aging[index]!)}>
              {data.map((row, i) => (
                <Cell key={row.key} fill={BUCKET_COLOURS[i % BUCKET_COLOURS.length]} data-testid={`aging-bar-${row.key}`} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="table-scroll">
        <table className="table table--compact" data-testid="aging-table">
          <thead>
            <tr>
              <th>{t('dashboard.aging.bucket')}</th>
              <th className="num">{t('dashboard.aging.amount')}</th>
              <th className="num">{t('dashboard.aging.count')}</th>
              <th className="num">{t('dashboard.aging.share')}</th>
              <th className="num" title={t('dashboard.aging.customersHint')}>
                {t('dashboard.aging.customers')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.aging.map((row, i) => (
              <tr key={row.key} data-testid={`aging-row-${row.key}`}>
                <td>
                  <span className="dash-swatch" style={{ background: BUCKET_COLOURS[i % BUCKET_COLOURS.length] }} aria-hidden="true" />
                  <button type="button" className="link-button" onClick={() => open(row)} title={t('dashboard.openPortfolio')} data-testid={`aging-open-${row.key}`}>
                    {t(`buckets.${row.key}`)}
                  </button>
                </td>
                <td className="num">{money(row.amountCents)}</td>
                <td className="num">{integer(row.count)}</td>
                <td className="num">{percent(row.share)}</td>
                <td className="num" data-testid={`aging-customers-${row.key}`}>
                  {integer(row.customerCount)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t('dashboard.aging.total')}</th>
              <th className="num">{money(totals.amount)}</th>
              <th className="num">{integer(totals.count)}</th>
              <th className="num">{percent(totals.amount > 0 ? 1 : null)}</th>
              <th className="num">{integer(totals.customers)}</th>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
