import { create } from 'zustand';
import type { CustomerDetail, InvoiceRow } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';

interface CustomerState {
  id: number | null;
  detail: CustomerDetail | null;
  invoices: InvoiceRow[];
  invoiceTotal: number;
  scope: 'open' | 'all';
  error: string | null;
  load(id: number): Promise<void>;
  setScope(scope: 'open' | 'all'): void;
}

export const useCustomer = create<CustomerState>((set, get) => ({
  id: null,
  detail: null,
  invoices: [],
  invoiceTotal: 0,
  scope: 'open',
  error: null,
  async load(id) {
    if (get().id !== id) set({ id, detail: null, invoices: [], error: null });
    try {
      const [detail, invoices] = await Promise.all([
        api.invoke('customers.get', { id }),
        api.invoke('invoices.list', { customerId: id, scope: get().scope, limit: 500 }),
      ]);
      if (get().id !== id) return;
      set({ detail, invoices: invoices.rows, invoiceTotal: invoices.total, error: null });
    } catch (e) {
      if (get().id === id) set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
  setScope(scope) {
    set({ scope });
    const id = get().id;
    if (id !== null) void get().load(id);
  },
}));
