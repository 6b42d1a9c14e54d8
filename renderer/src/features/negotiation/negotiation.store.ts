import { create } from 'zustand';
import type { InvoiceRow } from '../../../../shared/ipc/contract';
import type { AgreementSummary, Dispute, NegotiationSettings, NegotiationSimulation, PaymentPromise } from '../../../../shared/ipc/negotiation.contract';
import { api } from '../../api/client';

interface CustomerNegotiationState {
  customerId: number | null;
  openInvoices: InvoiceRow[];
  promises: PaymentPromise[];
  disputes: Dispute[];
  agreements: AgreementSummary[];
  settings: NegotiationSettings | null;
  /** The open títulos (not disputed) updated to today by the backend, on the customer's bank calendar. */
  updated: NegotiationSimulation | null;
  load(customerId: number, asOf: string): Promise<void>;
}

/** What the customer page's negotiation parts show: open títulos, promises, disputes, agreements. */
export const useCustomerNegotiation = create<CustomerNegotiationState>((set, get) => ({
  customerId: null,
  openInvoices: [],
  promises: [],
  disputes: [],
  agreements: [],
  settings: null,
  updated: null,
  async load(customerId, asOf) {
    if (get().customerId !== customerId) set({ customerId, openInvoices: [], promises: [], disputes: [], agreements: [], updated: null });
    const [invoices, promises, disputes, agreements, settings] = await Promise.all([
      api.invoke('invoices.list', { customerId, scope: 'open', limit: 500 }),
      api.invoke('promises.list', { customerId }),
      api.invoke('disputes.list', { customerId }),
      api.invoke('agreements.list', { customerId }),
      get().settings ? Promise.resolve(get().settings!) : api.invoke('negotiation.settings', {}),
    ]);
    const negotiable = invoices.rows.filter((i) => i.status !== 'disputed').map((i) => i.id);
    const updated = negotiable.length ? await api.invoke('negotiation.simulate', { customerId, invoiceIds: negotiable, asOf }) : null;
    if (get().customerId !== customerId) return;
    set({ openInvoices: invoices.rows, promises, disputes, agreements, settings, updated });
  },
}));
