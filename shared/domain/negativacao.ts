// Negativação (bureau inscription), protest and collection-agency assignment: the legal gates before
// sending a título, the status flow, and the deadlines the law sets (DOMAIN.md "Negativação and protesto").
import type { BankCalendar } from './bank-calendar';
import { addMonths, diffDays } from './dates';

export type NegativacaoKind = 'negativacao' | 'protesto' | 'agencia';
export type NegativacaoStatus = 'to_send' | 'sent' | 'inscribed' | 'removal_requested' | 'removed';

export const NEGATIVACAO_STATUSES: readonly NegativacaoStatus[] = ['to_send', 'sent', 'inscribed', 'removal_requested', 'removed'];

/** Forward-only flow; a record not yet inscribed may be withdrawn (removed) directly. */
export const NEXT_STATUSES: Record<NegativacaoStatus, readonly NegativacaoStatus[]> = {
  to_send: ['sent', 'removed'],
  sent: ['inscribed', 'removed'],
  inscribed: ['removal_requested'],
  removal_requested: ['removed'],
  removed: [],
};

/** Súmula 548: the creditor asks for removal within 5 business days of full payment. */
export const REMOVAL_BUSINESS_DAYS = 5;
/** Súmula 323: a record lasts at most 5 years from the due date. */
export const MAX_RECORD_YEARS = 5;
export const DEFAULT_MIN_DAYS_OVERDUE = 45;

export interface Words {
  pt: string;
  en: string;
}

export interface GateInput {
  asOf: string;
  dueDate: string;
  openCents: number;
  invoiceStatus: string;
  /** An open dispute on the título (disputes table or status 'disputed'). */
  disputed: boolean;
  /** The título is in an agreement or was renegotiated (restructuring). */
  restructured: boolean;
  address: { street: string | null; streetNumber: string | null; city: string | null; uf: string | null; postalCode: string | null };
  minDaysOverdue: number;
}

/** The last day a record of a título due on `dueDate` may exist. */
export function recordLimitDate(dueDate: string): string {
  return addMonths(dueDate, 12 * MAX_RECORD_YEARS);
}

/** Every gate a título fails; empty = it may be sent. */
export function gateFailures(g: GateInput): Words[] {
  const out: Words[] = [];
  if (g.openCents <= 0) out.push({ pt: 'título sem saldo em aberto', en: 'título has no open balance' });
  if (g.disputed || g.invoiceStatus === 'disputed') out.push({ pt: 'título contestado pelo cliente', en: 'título disputed by the customer' });
  if (g.restructured || g.invoiceStatus === 'renegotiated') out.push({ pt: 'título em acordo ou renegociado', en: 'título in an agreement or renegotiated' });
  const a = g.address;
  const cep = (a.postalCode ?? '').replace(/\D/g, '');
  if (!a.street || !a.city || !a.uf || cep.length !== 8) {
    out.push({ pt: 'endereço incompleto para a notificação por carta (rua, cidade, UF e CEP)', en: 'address incomplete for the notice letter (street, city, UF and CEP)' });
  }
  const days = diffDays(g.asOf, g.dueDate);
  if (days < g.minDaysOverdue) out.push({ pt: `vencido há ${Math.max(0, days)} dias (mínimo ${g.minDaysOverdue})`, en: `overdue for ${Math.max(0, days)} days (minimum ${g.minDaysOverdue})` });
  if (g.asOf > recordLimitDate(g.dueDate)) out.push({ pt: 'mais de 5 anos desde o vencimento', en: 'more than 5 years since the due date' });
  return out;
}

/** The day removal must be requested by: 5 business days (bank calendar, holidays counted) after full payment. */
export function removalDueDate(paidInFullOn: string, calendar: Pick<BankCalendar, 'addBusinessDays'>): string {
  return calendar.addBusinessDays(paidInFullOn, REMOVAL_BUSINESS_DAYS);
}

export type NegativacaoAlertKind = 'removal_due' | 'removal_late' | 'record_expiring';

export interface AlertInput {
  status: NegativacaoStatus;
  dueDate: string;
  /** Null while the título still has an open balance. */
  paidInFullOn: string | null;
  removalDueOn: string | null;
}

/**
 * What needs doing about a live record today: ask for removal (paid in full; late once past the 5 business
 * days), or remove it because the 5-year limit is within 30 days or past.
 */
export function alertFor(r: AlertInput, asOf: string): NegativacaoAlertKind | null {
  const live = r.status === 'sent' || r.status === 'inscribed';
  if (!live) return null;
  if (r.paidInFullOn !== null && r.removalDueOn !== null) return asOf > r.removalDueOn ? 'removal_late' : 'removal_due';
  if (diffDays(recordLimitDate(r.dueDate), asOf) <= 30) return 'record_expiring';
  return null;
}
