import { create } from 'zustand';
import type { ActivityEntry, CustomerDetail, InvoiceRow } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';

interface CustomerState {
  id: number | null;
  detail: CustomerDetail | null;
  invoices: InvoiceRow[];
  invoiceTotal: number;
  scope: 'open' | 'all';
  activity: ActivityEntry[];
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
  activity: [],
  error: null,
  async load(id) {
    if (get().id !== id) set({ id, detail: null, invoices: [], activity: [], error: null });
    try {
      const [detail, invoices, activity] = await Promise.all([
        api.invoke('customers.get', { id }),
        api.invoke('invoices.list', { customerId: id, scope: get().scope, limit: 500 }),
        api.invoke('activity.list', { customerId: id, limit: 100 }),
      ]);
      if (get().id !== id) return;
      set({ detail, invoices: invoices.rows, invoiceTotal: invoices.total, activity: activity.rows, error: null });
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
