import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ApiParams, CustomerRow, PortfolioTotals } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';

export type PortfolioQuery = Omit<ApiParams<'customers.list'>, 'offset' | 'limit'>;
export type SortField = NonNullable<PortfolioQuery['sort']>['field'];

export const PAGE_SIZE = 100;
const DEFAULT_QUERY: PortfolioQuery = { sort: { field: 'overdueCents', dir: 'desc' } };

interface PortfolioState {
  query: PortfolioQuery;
  /** Loaded pages by page index; the table asks for the pages its visible rows fall in. */
  pages: Record<number, CustomerRow[]>;
  total: number;
  totals: PortfolioTotals | null;
  asOf: string | null;
  error: string | null;
  loading: boolean;
  /** Bumped on every query change so late answers of an older query are dropped. */
  generation: number;
  setQuery(patch: Partial<PortfolioQuery>): void;
  clearFilters(): void;
  toggleSort(field: SortField): void;
  ensurePage(page: number): Promise<void>;
  reload(): Promise<void>;
}

const inFlight = new Set<string>();

export const usePortfolio = create<PortfolioState>()(
  persist(
    (set, get) => ({
      query: DEFAULT_QUERY,
      pages: {},
      total: 0,
      totals: null,
      asOf: null,
      error: null,
      loading: false,
      generation: 0,
      setQuery(patch) {
        const query = { ...get().query, ...patch };
        for (const k of Object.keys(query) as (keyof PortfolioQuery)[]) if (query[k] === undefined || query[k] === '') delete query[k];
        set((s) => ({ query, pages: {}, generation: s.generation + 1 }));
        void get().ensurePage(0);
      },
      clearFilters() {
        set((s) => ({ query: { sort: s.query.sort ?? DEFAULT_QUERY.sort }, pages: {}, generation: s.generation + 1 }));
        void get().ensurePage(0);
      },
      toggleSort(field) {
        const cur = get().query.sort;
        const numeric = field !== 'legalName' && field !== 'city';
        const dir = cur?.field === field ? (cur.dir === 'asc' ? 'desc' : 'asc') : numeric ? 'desc' : 'asc';
        get().setQuery({ sort: { field, dir } });
      },
      async ensurePage(page) {
        const { generation, query, pages } = get();
        const key = `${generation}:${page}`;
        if (pages[page] || inFlight.has(key)) return;
        inFlight.add(key);
        set({ loading: true });
        try {
          const r = await api.invoke('customers.list', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
          if (get().generation !== generation) return;
          set((s) => ({ pages: { ...s.pages, [page]: r.rows }, total: r.total, totals: r.totals, asOf: r.asOf, error: null }));
        } catch (e) {
          if (get().generation === generation) set({ error: e instanceof Error ? e.message : String(e) });
        } finally {
          inFlight.delete(key);
          if (get().generation === generation) set({ loading: false });
        }
      },
      async reload() {
        const loaded = Object.keys(get().pages).map(Number);
        set((s) => ({ pages: {}, generation: s.generation + 1 }));
        await Promise.all((loaded.length ? loaded : [0]).map((p) => get().ensurePage(p)));
      },
    }),
    { name: 'adimple.portfolio', partialize: (s) => ({ query: s.query }) },
  ),
);

export function rowAt(pages: Record<number, CustomerRow[]>, index: number): CustomerRow | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
