import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS } from '../../../../shared/domain/aging';
import type { FilterOptions } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { usePortfolio, type PortfolioQuery } from './portfolio.store';

const STATUSES = ['active', 'blocked', 'inactive'] as const;

export function FilterBar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const { query, setQuery, clearFilters } = usePortfolio();
  const [options, setOptions] = useState<FilterOptions>({ segments: [], ufs: [], salesReps: [] });
  const [search, setSearch] = useState(query.search ?? '');

  useEffect(() => {
    const load = () => void api.invoke('customers.filterOptions', {}).then(setOptions, () => undefined);
    load();
    return api.on('data.changed', load);
  }, []);

  useEffect(() => setSearch(query.search ?? ''), [query.search]);

  useEffect(() => {
    if ((query.search ?? '') === search.trim()) return;
    const timer = setTimeout(() => setQuery({ search: search.trim() || undefined }), 250);
    return () => clearTimeout(timer);
  }, [search, query.search, setQuery]);

  const select = <K extends keyof PortfolioQuery>(key: K, label: string, values: readonly { value: string; label: string }[]) => (
    <label className="filter">
      <span className="filter__label">{label}</span>
      <select
        value={(query[key] as string | undefined) ?? ''}
        onChange={(e) => setQuery({ [key]: e.target.value || undefined } as Partial<PortfolioQuery>)}
        data-testid={`filter-${String(key)}`}
      >
        <option value="">{t('common.all')}</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
    </label>
  );
  const plain = (xs: string[]) => xs.map((x) => ({ value: x, label: x }));
  const active = Object.keys(query).some((k) => k !== 'sort');

  return (
    <div className="filter-bar" role="search">
      <label className="filter filter--search">
        <span className="filter__label">{t('portfolio.searchLabel')}</span>
        <input
          ref={searchRef}
          type="search"
          value={search}
          placeholder={t('portfolio.searchPlaceholder')}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setQuery({ search: search.trim() || undefined });
          }}
          data-testid="portfolio-search"
        />
      </label>
      {select('segment', t('portfolio.filters.segment'), plain(options.segments))}
      {select('uf', t('portfolio.filters.uf'), plain(options.ufs))}
      {select('status', t('portfolio.filters.status'), STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })))}
      {select('salesRep', t('portfolio.filters.salesRep'), plain(options.salesReps))}
      {select('overdueBucket', t('portfolio.filters.bucket'), AGING_BUCKETS.map((b) => ({ value: b.key, label: t(`buckets.${b.key}`) })))}
      <label className="filter filter--check">
        <input
          type="checkbox"
          checked={query.onlyOverdue ?? false}
          onChange={(e) => setQuery({ onlyOverdue: e.target.checked || undefined })}
          data-testid="filter-onlyOverdue"
        />
        <span>{t('portfolio.onlyOverdue')}</span>
      </label>
      {active && (
        <button type="button" className="link-button" onClick={clearFilters} data-testid="clear-filters">
          {t('portfolio.clearFilters')}
        </button>
      )}
    </div>
  );
}
