import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterOptions } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { date, integer, money } from '../../i18n/format';
import { AgingSection } from './AgingSection';
import { AsOfInput } from './AsOfInput';
import { CashFlowSection } from './CashFlowSection';
import { EffectivenessSection } from './EffectivenessSection';
import { useDashboard, type DashboardQuery } from './dashboard.store';
import { days, openPortfolio, percent } from './dashboard-kit';
import { Breakdowns, TopDebtors } from './DebtorsSection';
import { KpiCard } from './KpiCard';
import { TrendSection } from './TrendSection';

const FILTERS = [
  { key: 'segment', options: 'segments' },
  { key: 'uf', options: 'ufs' },
  { key: 'salesRep', options: 'salesReps' },
] as const;

/** The manager's view: how much is late, how long, by whom, whether it is getting better, and next weeks' cash. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { query, summary, trends, forecast, loading, error, setQuery, clearFilters, load } = useDashboard();
  const [options, setOptions] = useState<FilterOptions>({ segments: [], ufs: [], salesReps: [] });

  useEffect(() => {
    void load();
    void api.invoke('customers.filterOptions', {}).then(setOptions, () => undefined);
    return api.on('data.changed', () => void useDashboard.getState().load());
  }, [load]);

  const filters = summary?.filters ?? {};
  const totals = summary?.totals;
  const isPast = query.asOf !== undefined;
  const filtered = FILTERS.some((f) => query[f.key] !== undefined);

  return (
    <section className="page dash" aria-labelledby="dashboard-title" aria-busy={loading} data-testid="dashboard-page">
      <header className="page__header">
        <div>
          <h1 id="dashboard-title">{t('dashboard.title')}</h1>
          {summary && <p className="page__subtitle">{t('common.asOf', { date: date(summary.asOf) })}</p>}
        </div>
      </header>

      <div className="filter-bar" role="search">
        <AsOfInput value={query.asOf ?? summary?.asOf ?? ''} onChange={(asOf) => setQuery({ asOf })} />
        {isPast && (
          <button type="button" className="link-button" onClick={() => setQuery({ asOf: undefined })}>
            {t('dashboard.today')}
          </button>
        )}
        {FILTERS.map((f) => (
          <label key={f.key} className="filter">
            <span className="filter__label">{t(`dashboard.filters.${f.key}`)}</span>
            <select
              value={query[f.key] ?? ''}
              onChange={(e) => setQuery({ [f.key]: e.target.value || undefined } as Partial<DashboardQuery>)}
              data-testid={`dashboard-filter-${f.key}`}
            >
              <option value="">{t('dashboard.all')}</option>
              {options[f.options].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        ))}
        {filtered && (
          <button type="button" className="link-button" onClick={clearFilters}>
            {t('dashboard.clear')}
          </button>
        )}
      </div>

      {isPast && <p className="dash-note">{t('dashboard.pastNote')}</p>}
      {error && (
        <div className="alert alert--error" role="alert">
          {error}{' '}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!summary || !totals ? (
        <p className="text-muted">{t('dashboard.loading')}</p>
      ) : (
        <>
          <div className="kpis dash-kpis" data-testid="dashboard-kpis">
            <KpiCard
              kpi="openReceivables"
              value={money(totals.openCents)}
              sub={t('dashboard.kpiSub.open', { count: integer(totals.openCount), customers: integer(totals.customerCount) })}
              onOpen={() => openPortfolio(filters)}
            />
            <KpiCard
              kpi="overdue"
              tone="danger"
              value={money(totals.overdueCents)}
              sub={t('dashboard.kpiSub.overdue', { count: integer(totals.overdueCount) })}
              onOpen={() => openPortfolio(filters, { onlyOverdue: true })}
            />
            <KpiCard kpi="delinquencyValue" tone="danger" value={percent(totals.delinquencyByValue)} onOpen={() => openPortfolio(filters, { onlyOverdue: true })} />
            <KpiCard kpi="delinquencyCount" value={percent(totals.delinquencyByCount)} onOpen={() => openPortfolio(filters, { onlyOverdue: true })} />
            <KpiCard kpi="dso" value={totals.dso === null ? '—' : t('dashboard.days', { value: days(totals.dso) })} />
            <KpiCard kpi="realisedPmr" value={totals.realisedPmr === null ? '—' : t('dashboard.days', { value: days(totals.realisedPmr) })} />
            <KpiCard kpi="cei" value={totals.cei === null ? '—' : percent(totals.cei / 100)} />
            <KpiCard
              kpi="recoveryRate"
              value={percent(totals.recoveryRate)}
              sub={t('dashboard.kpiSub.recovery', { recovered: money(totals.recoveredCents), base: money(totals.overdueAtMonthStartCents) })}
            />
          </div>

          <div className="dash-grid">
            <AgingSection summary={summary} />
            <TopDebtors summary={summary} />
          </div>
          {trends && <TrendSection trends={trends} onOpenDate={(d) => setQuery({ asOf: d })} />}
          <Breakdowns summary={summary} />
          <EffectivenessSection asOf={summary.asOf} />
          {forecast && <CashFlowSection forecast={forecast} />}
        </>
      )}
    </section>
  );
}
