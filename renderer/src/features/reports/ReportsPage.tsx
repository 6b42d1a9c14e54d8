import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterOptions } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { useReportDownload } from './use-report-download';

type Format = 'pdf' | 'csv';

interface AgingFilters {
  segment: string;
  uf: string;
  salesRep: string;
}

function FilterSelect({ label, value, options, onChange, testId }: { label: string; value: string; options: string[]; onChange(v: string): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label className="filter">
      <span className="filter__label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('reports.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const { busy, download } = useReportDownload();
  const [options, setOptions] = useState<FilterOptions>({ segments: [], ufs: [], salesReps: [] });
  const [aging, setAging] = useState<AgingFilters>({ segment: '', uf: '', salesRep: '' });
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [companyMissing, setCompanyMissing] = useState(false);

  useEffect(() => {
    void api.invoke('customers.filterOptions', {}).then(setOptions, () => undefined);
    void api.invoke('app.info', {}).then((info) => setPeriod({ from: `${info.asOf.slice(0, 8)}01`, to: info.asOf }), () => undefined);
    void api.invoke('settings.getCompany', {}).then((c) => setCompanyMissing(c.legalName === ''), () => undefined);
  }, []);

  const agingReport = (format: Format) =>
    download(`aging-${format}`, () =>
      api.invoke('reports.aging', { format, segment: aging.segment || null, uf: aging.uf || null, salesRep: aging.salesRep || null }),
    );
  const activityReport = (format: Format) => period && download(`activity-${format}`, () => api.invoke('reports.activity', { format, ...period }));

  const label = (key: string, text: string) => (busy === key ? t('reports.generating') : text);

  return (
    <section className="page" aria-labelledby="reports-title" data-testid="reports-page">
      <header className="page__header">
        <div>
          <h1 id="reports-title">{t('reports.title')}</h1>
          <p className="page__subtitle">{t('reports.subtitle')}</p>
        </div>
      </header>

      {companyMissing && (
        <div className="alert alert--info" role="status">
          {t('reports.companyMissing')} <a href="#/configuracoes/empresa">{t('reports.companyLink')}</a>
        </div>
      )}

      <div className="report-cards">
        <article className="panel report-card" aria-labelledby="aging-title">
          <div className="panel__header">
            <h2 id="aging-title">{t('reports.aging.title')}</h2>
          </div>
          <div className="report-card__body">
            <p className="report-card__text">{t('reports.aging.text')}</p>
            <div className="report-card__filters">
              <FilterSelect label={t('portfolio.filters.segment')} value={aging.segment} options={options.segments} onChange={(segment) => setAging((a) => ({ ...a, segment }))} testId="aging-segment" />
              <FilterSelect label={t('portfolio.filters.uf')} value={aging.uf} options={options.ufs} onChange={(uf) => setAging((a) => ({ ...a, uf }))} testId="aging-uf" />
              <FilterSelect label={t('portfolio.filters.salesRep')} value={aging.salesRep} options={options.salesReps} onChange={(salesRep) => setAging((a) => ({ ...a, salesRep }))} testId="aging-sales-rep" />
            </div>
            <div className="report-card__actions">
              <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void agingReport('pdf')} data-testid="aging-pdf">
                {label('aging-pdf', t('reports.pdf'))}
              </button>
              <button type="button" className="button" disabled={busy !== null} onClick={() => void agingReport('csv')} data-testid="aging-csv">
                {label('aging-csv', t('reports.csv'))}
              </button>
            </div>
          </div>
        </article>

        <article className="panel report-card" aria-labelledby="activity-title">
          <div className="panel__header">
            <h2 id="activity-title">{t('reports.activity.title')}</h2>
          </div>
          <div className="report-card__body">
            <p className="report-card__text">{t('reports.activity.text')}</p>
            {period && (
              <div className="report-card__filters">
                <label className="filter">
                  <span className="filter__label">{t('reports.activity.from')}</span>
                  <input type="date" value={period.from} max={period.to} onChange={(e) => setPeriod({ ...period, from: e.target.value })} data-testid="activity-from" />
                </label>
                <label className="filter">
                  <span className="filter__label">{t('reports.activity.to')}</span>
                  <input type="date" value={period.to} min={period.from} onChange={(e) => setPeriod({ ...period, to: e.target.value })} data-testid="activity-to" />
                </label>
              </div>
            )}
            <div className="report-card__actions">
              <button type="button" className="button button--primary" disabled={busy !== null || !period} onClick={() => void activityReport('pdf')} data-testid="activity-pdf">
                {label('activity-pdf', t('reports.pdf'))}
              </button>
              <button type="button" className="button" disabled={busy !== null || !period} onClick={() => void activityReport('csv')} data-testid="activity-csv">
                {label('activity-csv', t('reports.csv'))}
              </button>
            </div>
          </div>
        </article>
      </div>
    </section>
  );
}
