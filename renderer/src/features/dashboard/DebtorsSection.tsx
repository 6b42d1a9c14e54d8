import { useTranslation } from 'react-i18next';
import type { BreakdownRow, DashboardSummary } from '../../../../shared/ipc/dashboard.contract';
import { hrefFor } from '../../components/route';
import { integer, money } from '../../i18n/format';
import { openPortfolio, percent } from './dashboard-kit';
import type { PortfolioQuery } from '../portfolio/portfolio.store';

/** The 20 largest overdue balances; a name opens the customer. */
export function TopDebtors({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation();
  return (
    <section className="panel dash-panel" aria-labelledby="top-title">
      <header className="panel__header">
        <h2 id="top-title">{t('dashboard.top.title')}</h2>
      </header>
      {summary.topDebtors.length === 0 ? (
        <p className="panel__empty">{t('dashboard.top.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--compact" data-testid="top-debtors">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>{t('dashboard.top.customer')}</th>
                <th className="num">{t('dashboard.top.overdue')}</th>
                <th className="num">{t('dashboard.top.oldest')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.topDebtors.map((d, i) => (
                <tr key={d.customerId}>
                  <td className="num text-muted">{i + 1}</td>
                  <td className="dash-name">
                    <a href={hrefFor({ name: 'customer', id: d.customerId })} data-testid={`top-debtor-${d.customerId}`}>
                      {d.legalName}
                    </a>
                    <span className="dash-sub">{[d.segment, d.uf, d.salesRep].filter(Boolean).join(' · ')}</span>
                  </td>
                  <td className="num text-danger" title={`${t('dashboard.top.open')}: ${money(d.openCents)}`}>
                    {money(d.overdueCents)}
                  </td>
                  <td className="num">{d.oldestOverdueDays === null ? '—' : t('dashboard.days', { value: integer(d.oldestOverdueDays) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const DIMENSIONS = [
  { key: 'segment', filter: 'segment' },
  { key: 'uf', filter: 'uf' },
  { key: 'salesRep', filter: 'salesRep' },
] as const;

/** Open and overdue balances by segment, UF and sales rep; a row opens those customers in the portfolio. */
export function Breakdowns({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation();
  return (
    <div className="dash-breakdowns">
      {DIMENSIONS.map((dim) => {
        const rows: BreakdownRow[] = summary.breakdowns[dim.key];
        return (
          <section key={dim.key} className="panel dash-panel" aria-labelledby={`breakdown-${dim.key}`}>
            <header className="panel__header">
              <h2 id={`breakdown-${dim.key}`}>{t(`dashboard.breakdown.by.${dim.key}`)}</h2>
            </header>
            <div className="table-scroll dash-breakdown-scroll">
              <table className="table table--compact" data-testid={`breakdown-${dim.key}`}>
                <thead>
                  <tr>
                    <th>{t(`dashboard.filters.${dim.key}`)}</th>
                    <th className="num">{t('dashboard.breakdown.overdue')}</th>
                    <th className="num">{t('dashboard.breakdown.delinquency')}</th>
                    <th className="num">{t('dashboard.breakdown.customers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key ?? '∅'}>
                      <td>
                        {r.key === null ? (
                          <span className="text-muted">{t('dashboard.notInformed')}</span>
                        ) : (
                          <button
                            type="button"
                            className="link-button"
                            title={t('dashboard.openPortfolio')}
                            onClick={() => openPortfolio(summary.filters, { [dim.filter]: r.key } as Partial<PortfolioQuery>)}
                          >
                            {r.key}
                          </button>
                        )}
                      </td>
                      <td className="num">{money(r.overdueCents)}</td>
                      <td className="num">{percent(r.delinquencyByValue)}</td>
                      <td className="num">{integer(r.customerCount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
