/** Customer history and negotiation (issue 6): promises, disputes, notes, the timeline, offers and agreements. */
import type { ChargeTerms, DebtLine, DebtTotals, NegotiationPolicy, NegotiationRole, Offer, OfferResult, PolicyCheck, ScheduleKind } from '../domain/negotiation';
import type { InvoiceDisplayStatus, InvoiceStatus } from './contract';
import type { Params } from './schemas';

export type PromiseStatus = 'pending' | 'kept' | 'broken' | 'cancelled';
export type DelayReason = 'financial_difficulty' | 'forgot' | 'delivery_problem' | 'strategic';
export type AgreementStatus = 'active' | 'completed' | 'broken';

export interface PaymentPromise {
  id: number;
  customerId: number;
  promisedDate: string;
  amountCents: number;
  invoiceIds: number[];
  delayReason: DelayReason | null;
  note: string | null;
  status: PromiseStatus;
  /** What was paid towards it by the promised date (set when it is resolved). */
  paidCents: number | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  createdAt: string;
  createdBy: string;
}

export interface Dispute {
  id: number;
  customerId: number;
  invoiceId: number;
  documentNumber: string;
  reason: string;
  openedAt: string;
  openedBy: string;
  resolution: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface CustomerNote {
  id: number;
  customerId: number;
  body: string;
  createdAt: string;
  createdBy: string;
}

export type TimelineKind = 'invoices' | 'payments' | 'messages' | 'calls' | 'promises' | 'agreements' | 'disputes' | 'notes' | 'other';

export interface TimelineEntry {
  /** Unique within the timeline (source + id). */
  key: string;
  kind: TimelineKind;
  /** What happened, e.g. 'invoice.issued', 'payment', 'promise.broken', 'message.email' (translated in the UI). */
  event: string;
  /** ISO timestamp, or an ISO date for events the ERP/bank only dates (issued, paid). */
  at: string;
  actor: string | null;
  amountCents: number | null;
  documentNumber: string | null;
  /** Free text: a reason, a note, a message's content, a call's outcome. */
  text: string | null;
}

export interface TimelinePage {
  rows: TimelineEntry[];
  total: number;
  offset: number;
  limit: number;
}

export interface NegotiationSettings {
  charges: ChargeTerms;
  policies: Record<NegotiationRole, NegotiationPolicy>;
  /** Days an installment may stay unpaid past its due date before the agreement breaks. */
  breachToleranceDays: number;
}

export type OfferEvaluation =
  | {
      ok: true;
      result: OfferResult;
      /** Against the acting user's limits (a supervisor's or admin's when one is logged in, else a clerk's). */
      policy: PolicyCheck;
      /** Against a clerk's limits: what a supervisor's approval covers. */
      clerkPolicy: PolicyCheck;
      beyondSupervisor: PolicyCheck;
    }
  | { ok: false; field: string; message: string };

export interface NegotiationSimulation {
  asOf: string;
  charges: ChargeTerms;
  lines: DebtLine[];
  totals: DebtTotals;
  offers: OfferEvaluation[];
}

export interface AgreementSummary {
  id: number;
  customerId: number;
  asOf: string;
  offerKind: Offer['kind'];
  negotiatedCents: number;
  totalToPayCents: number;
  /** Installments (the down payment counts as one). */
  installmentCount: number;
  paidCents: number;
  status: AgreementStatus;
  statusReason: string | null;
  /** The approving supervisor's name as recorded, and their user id (null on agreements from before 0013). */
  approvedBy: string | null;
  approvedByUserId: number | null;
  createdAt: string;
  createdBy: string;
}

export interface AgreementInstallment {
  invoiceId: number;
  documentNumber: string;
  kind: ScheduleKind;
  number: number;
  of: number;
  dueDate: string;
  amountCents: number;
  principalCents: number;
  interestCents: number;
  paidCents: number;
  invoiceStatus: InvoiceStatus;
  displayStatus: InvoiceDisplayStatus;
  pixTxid: string;
  cancelledAt: string | null;
}

export interface AgreementOriginal extends DebtLine {
  statusBefore: InvoiceStatus;
}

export interface AgreementReinstatement {
  originalInvoiceId: number;
  invoiceId: number;
  documentNumber: string;
  amountCents: number;
}

export interface AgreementDetail extends AgreementSummary {
  customerName: string;
  offer: Offer;
  charges: ChargeTerms;
  totals: DebtTotals;
  discountCents: number;
  downPaymentCents: number;
  financingInterestCents: number;
  approvalReasons: string[];
  approvedAt: string | null;
  statusChangedAt: string | null;
  originals: AgreementOriginal[];
  installments: AgreementInstallment[];
  reinstated: AgreementReinstatement[];
}

export interface AgreementDocument {
  fileName: string;
  /** The PDF bytes, base64. */
  base64: string;
}

export interface AgreementMessage {
  subject: string;
  text: string;
  /** wa.me click-to-chat link for the customer's WhatsApp contact, when there is a valid one. */
  whatsappUrl: string | null;
  /** mailto: link for the customer's e-mail contact, when there is a valid one. */
  mailtoUrl: string | null;
}

export interface NegotiationReviewResult {
  promisesKept: number;
  promisesBroken: number;
  agreementsCompleted: number;
  agreementsBroken: number;
}

export interface NegotiationApi {
  'promises.create': { params: Params<'promises.create'>; result: PaymentPromise };
  'promises.list': { params: Params<'promises.list'>; result: PaymentPromise[] };
  'promises.update': { params: Params<'promises.update'>; result: PaymentPromise };
  'disputes.open': { params: Params<'disputes.open'>; result: Dispute };
  'disputes.resolve': { params: Params<'disputes.resolve'>; result: Dispute };
  'disputes.list': { params: Params<'disputes.list'>; result: Dispute[] };
  'notes.add': { params: Params<'notes.add'>; result: CustomerNote };
  'timeline.list': { params: Params<'timeline.list'>; result: TimelinePage };
  'negotiation.settings': { params: Params<'negotiation.settings'>; result: NegotiationSettings };
  'negotiation.simulate': { params: Params<'negotiation.simulate'>; result: NegotiationSimulation };
  'negotiation.review': { params: Params<'negotiation.review'>; result: NegotiationReviewResult };
  'agreements.create': { params: Params<'agreements.create'>; result: AgreementDetail };
  'agreements.get': { params: Params<'agreements.get'>; result: AgreementDetail };
  'agreements.list': { params: Params<'agreements.list'>; result: AgreementSummary[] };
  'agreements.markBroken': { params: Params<'agreements.markBroken'>; result: AgreementDetail };
  'agreements.document': { params: Params<'agreements.document'>; result: AgreementDocument };
  'agreements.message': { params: Params<'agreements.message'>; result: AgreementMessage };
}
