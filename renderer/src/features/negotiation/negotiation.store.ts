import { create } from 'zustand';
import type { InvoiceRow } from '../../../../shared/ipc/contract';
import type { AgreementSummary, Dispute, NegotiationSettings, PaymentPromise } from '../../../../shared/ipc/negotiation.contract';
import { api } from '../../api/client';

interface CustomerNegotiationState {
  customerId: number | null;
  openInvoices: InvoiceRow[];
  promises: PaymentPromise[];
  disputes: Dispute[];
  agreements: AgreementSummary[];
  settings: NegotiationSettings | null;
  load(customerId: number): Promise<void>;
}

/** What the customer page's negotiation parts show: open títulos, promises, disputes, agreements. */
export const useCustomerNegotiation = create<CustomerNegotiationState>((set, get) => ({
  customerId: null,
  openInvoices: [],
  promises: [],
  disputes: [],
  agreements: [],
  settings: null,
  async load(customerId) {
    if (get().customerId !== customerId) set({ customerId, openInvoices: [], promises: [], disputes: [], agreements: [] });
    const [invoices, promises, disputes, agreements, settings] = await Promise.all([
      api.invoke('invoices.list', { customerId, scope: 'open', limit: 500 }),
      api.invoke('promises.list', { customerId }),
      api.invoke('disputes.list', { customerId }),
      api.invoke('agreements.list', { customerId }),
      get().settings ? Promise.resolve(get().settings!) : api.invoke('negotiation.settings', {}),
    ]);
    if (get().customerId !== customerId) return;
    set({ openInvoices: invoices.rows, promises, disputes, agreements, settings });
  },
}));
