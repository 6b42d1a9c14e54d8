import { create } from 'zustand';
import type { BankReturnFile, BankReturnItemRow, BankReturnPreview, SettlementResult } from '../../../../shared/ipc/bank-returns.contract';
import type { Page, PickedFile } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { platform } from '../../platform/platform';

export const ITEMS_PAGE = 100;

/** What the page shows: nothing yet, a picked file's preview, or an imported file. */
export type BankReturnView =
  | { kind: 'idle' }
  | { kind: 'preview'; picked: PickedFile; preview: BankReturnPreview }
  | { kind: 'file'; file: BankReturnFile; items: Page<BankReturnItemRow> };

interface BankReturnsState {
  view: BankReturnView;
  filter: SettlementResult | null;
  history: Page<BankReturnFile> | null;
  busy: 'picking' | 'reconciling' | 'loading' | null;
  error: string | null;
  pick(): Promise<void>;
  setFilter(filter: SettlementResult | null): Promise<void>;
  setOffset(offset: number): Promise<void>;
  /** Imports the previewed file; returns the imported file, or null when it failed. */
  reconcile(): Promise<BankReturnFile | null>;
  openFile(id: number): Promise<void>;
  discard(): void;
  loadHistory(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useBankReturns = create<BankReturnsState>()((set, get) => {
  /** Loads the current view's items for a filter and offset. */
  async function load(filter: SettlementResult | null, offset: number) {
    const view = get().view;
    const page = { offset, limit: ITEMS_PAGE, ...(filter ? { result: filter } : {}) };
    set({ busy: 'loading' });
    try {
      if (view.kind === 'preview') {
        const preview = await api.invoke('bankReturns.preview', { fileToken: view.picked.token, ...page });
        set({ view: { ...view, preview }, filter, error: null });
      } else if (view.kind === 'file') {
        const r = await api.invoke('bankReturns.getFileItems', { fileId: view.file.id, ...page });
        set({ view: { kind: 'file', file: r.file, items: r.items }, filter, error: null });
      }
    } catch (e) {
      set({ error: message(e) });
    } finally {
      set({ busy: null });
    }
  }

  return {
    view: { kind: 'idle' },
    filter: null,
    history: null,
    busy: null,
    error: null,

    async pick() {
      set({ busy: 'picking', error: null });
      try {
        const picked = await platform.pickFile({ purpose: 'bank-return' });
        if (!picked) return;
        const preview = await api.invoke('bankReturns.preview', { fileToken: picked.token, offset: 0, limit: ITEMS_PAGE });
        set({ view: { kind: 'preview', picked, preview }, filter: null });
      } catch (e) {
        set({ error: message(e) });
      } finally {
        set({ busy: null });
      }
    },

    setFilter: (filter) => load(filter, 0),
    setOffset: (offset) => load(get().filter, offset),

    async reconcile() {
      const view = get().view;
      if (view.kind !== 'preview') return null;
      set({ busy: 'reconciling', error: null });
      try {
        const file = await api.invoke('bankReturns.import', { fileToken: view.picked.token });
        const r = await api.invoke('bankReturns.getFileItems', { fileId: file.id, offset: 0, limit: ITEMS_PAGE });
        set({ view: { kind: 'file', file: r.file, items: r.items }, filter: null });
        void get().loadHistory();
        return file;
      } catch (e) {
        set({ error: message(e) });
        return null;
      } finally {
        set({ busy: null });
      }
    },

    async openFile(id) {
      set({ busy: 'loading', error: null });
      try {
        const r = await api.invoke('bankReturns.getFileItems', { fileId: id, offset: 0, limit: ITEMS_PAGE });
        set({ view: { kind: 'file', file: r.file, items: r.items }, filter: null });
      } catch (e) {
        set({ error: message(e) });
      } finally {
        set({ busy: null });
      }
    },

    discard: () => set({ view: { kind: 'idle' }, filter: null, error: null }),

    async loadHistory() {
      try {
        set({ history: await api.invoke('bankReturns.listFiles', { offset: 0, limit: 50 }) });
      } catch (e) {
        set({ error: message(e) });
      }
    },
  };
});
