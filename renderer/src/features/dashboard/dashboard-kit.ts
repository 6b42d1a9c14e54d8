// What the dashboard's pieces share: the colour-blind-safe palette, ratio formats and the doors to the portfolio.
import i18next from 'i18next';
import type { DashboardFilters } from '../../../../shared/ipc/dashboard.contract';
import { navigate } from '../../components/route';
import { usePortfolio, type PortfolioQuery } from '../portfolio/portfolio.store';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#7f7f7f',
} as const;

/** A vencer in blue, then overdue from light to dark warm tones as the delay grows. */
export const BUCKET_COLOURS = ['#0072B2', '#56B4E9', '#F0E442', '#E69F00', '#D55E00', '#CC79A7', '#7a1f4f'] as const;

const percentFormats = new Map<string, Intl.NumberFormat>();
/** 0.3118 → "31,2%"; null → "—". */
export function percent(ratio: number | null): string {
  if (ratio === null) return '—';
  const lng = i18next.language;
  let f = percentFormats.get(lng);
  if (!f) percentFormats.set(lng, (f = new Intl.NumberFormat(lng, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return f.format(ratio);
}

/** Days with one decimal ("48,6"), or "—". */
export function days(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(i18next.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

/**
 * A door: opens the portfolio showing exactly the customers behind a figure, i.e. the dashboard's customer
 * filters plus `extra`, every other portfolio filter cleared (the sort is kept).
 */
export function openPortfolio(filters: DashboardFilters, extra: Partial<PortfolioQuery> = {}): void {
  const portfolio = usePortfolio.getState();
  portfolio.clearFilters();
  portfolio.setQuery({ segment: filters.segment, uf: filters.uf, salesRep: filters.salesRep, ...extra });
  navigate({ name: 'portfolio' });
}
