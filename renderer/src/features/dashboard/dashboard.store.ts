import { create } from 'zustand';
import type { CashForecast, CashObligation, DashboardSummary, DashboardTrends } from '../../../../shared/ipc/dashboard.contract';
import { api } from '../../api/client';

/** The dashboard's own filters: a reference date (absent = today) and the customer filters. */
export interface DashboardQuery {
  asOf?: string;
  segment?: string;
  uf?: string;
  salesRep?: string;
}

interface DashboardState {
  query: DashboardQuery;
  summary: DashboardSummary | null;
  trends: DashboardTrends | null;
  forecast: CashForecast | null;
  obligations: CashObligation[];
  loading: boolean;
  error: string | null;
  /** Bumped on every load so a late answer of an older query is dropped. */
  generation: number;
  setQuery(patch: Partial<DashboardQuery>): void;
  clearFilters(): void;
  load(): Promise<void>;
}

function clean(q: DashboardQuery): DashboardQuery {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as DashboardQuery;
}

export const useDashboard = create<DashboardState>()((set, get) => ({
  query: {},
  summary: null,
  trends: null,
  forecast: null,
  obligations: [],
  loading: false,
  error: null,
  generation: 0,
  setQuery(patch) {
    set({ query: clean({ ...get().query, ...patch }) });
    void get().load();
  },
  clearFilters() {
    const { asOf } = get().query;
    set({ query: clean({ asOf }) });
    void get().load();
  },
  async load() {
    const generation = get().generation + 1;
    const { query } = get();
    set({ generation, loading: true });
    try {
      // The forecast and the obligations are the company's cash, not a customer slice: no filters.
      const [summary, trends, forecast, obligations] = await Promise.all([
        api.invoke('dashboard.summary', query),
        api.invoke('dashboard.trends', query),
        api.invoke('dashboard.cashForecast', {}),
        api.invoke('obligations.list', {}),
      ]);
      if (get().generation !== generation) return;
      set({ summary, trends, forecast, obligations, error: null, loading: false });
    } catch (e) {
      if (get().generation === generation) set({ error: e instanceof Error ? e.message : String(e), loading: false });
    }
  },
}));
