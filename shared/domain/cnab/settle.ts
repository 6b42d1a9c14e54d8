// What a return file does to the portfolio, decided before anything is written: per movement, which título it
// hits, how much of the payment settles the open balance and how much is charges (juros/multa). The backend's
// preview shows this plan and its import executes the same plan, so the two cannot differ.
import { formatBrDate } from '../dates';
import { formatBrl } from '../money';
import { isPayment } from './movement-codes';
import type { ReturnItem } from './parse-return';

export const SETTLEMENT_RESULTS = ['settled', 'partial', 'not_found', 'already_paid', 'rejected', 'other'] as const;
export type SettlementResult = (typeof SETTLEMENT_RESULTS)[number];

export type MatchedBy = 'company_ref' | 'nosso_numero' | 'document_number';

/** The título as the plan sees it; `openCents` is 0 unless it still carries a balance. */
export interface InvoiceSnapshot {
  id: number;
  customerId: number;
  documentNumber: string;
  status: 'open' | 'partial' | 'paid' | 'renegotiated' | 'written_off' | 'disputed';
  openCents: number;
}

export interface InvoiceMatch<S extends InvoiceSnapshot = InvoiceSnapshot> {
  invoice: S;
  matchedBy: MatchedBy;
}

export interface PlannedItem<S extends InvoiceSnapshot = InvoiceSnapshot> {
  item: ReturnItem;
  match: InvoiceMatch<S> | null;
  result: SettlementResult;
  /** Recorded as a payment on the título (never above its open balance). */
  appliedCents: number;
  /** Juros/multa received: what was paid beyond the principal applied. */
  chargesCents: number;
  /** Why, for the clerk (pt-BR); empty when the result says it all. */
  note: string;
}

/**
 * The bank's reason codes of a movement ("motivos da ocorrência": up to five 2-character codes, e.g.
 * "0809      " → ["08", "09"]); blanks and "00" mean no reason.
 */
export function bankReasonCodes(raw: string): string[] {
  return (raw.match(/.{1,2}/g) ?? []).map((code) => code.trim()).filter((code) => code !== '' && code !== '00');
}

function planned<S extends InvoiceSnapshot>(
  item: ReturnItem,
  match: InvoiceMatch<S> | null,
  result: SettlementResult,
  note = '',
  appliedCents = 0,
  chargesCents = 0,
): PlannedItem<S> {
  return { item, match, result, appliedCents, chargesCents, note };
}

/**
 * One movement against its título's current state. The principal paid is what the payer paid minus the
 * charges the bank reports; it settles up to the open balance, and anything above it is counted as charges
 * too, so an overpayment never blocks the file.
 */
export function planSettlement<S extends InvoiceSnapshot>(item: ReturnItem, match: InvoiceMatch<S> | null): PlannedItem<S> {
  if (!isPayment(item.movementKind)) {
    // The movement's own description says what happened; the bank's reason codes say why (e.g. a rejected entry).
    const reasons = bankReasonCodes(item.reasons);
    return planned(item, match, item.movementKind === 'rejected' ? 'rejected' : 'other', reasons.length ? `Motivos do banco: ${reasons.join(', ')}.` : '');
  }
  if (!match) return planned(item, null, 'not_found', 'Nenhum título com este identificador, nosso número ou número de documento.');
  const inv = match.invoice;
  if (inv.status === 'paid') return planned(item, match, 'already_paid', `O título ${inv.documentNumber} já estava pago; nada foi lançado.`);
  if (inv.openCents <= 0) {
    return planned(
      item,
      match,
      'other',
      `O título ${inv.documentNumber} está ${inv.status === 'written_off' ? 'baixado' : 'renegociado'}: o pagamento de ${formatBrl(item.paidCents)} não foi lançado; verifique.`,
    );
  }
  if (item.paidCents <= 0) return planned(item, match, 'other', `${item.movementDescription} sem valor pago.`);

  const principal = Math.max(0, item.paidCents - item.chargesCents);
  const applied = Math.min(principal, inv.openCents);
  const charges = item.paidCents - applied;
  if (applied === 0) return planned(item, match, 'other', `O valor pago (${formatBrl(item.paidCents)}) são só encargos; nada abatido do título.`);
  if (applied === inv.openCents) return planned(item, match, 'settled', '', applied, charges);
  const remaining = inv.openCents - applied;
  const granted = item.discountCents + item.rebateCents;
  const note =
    granted > 0
      ? `O banco informa desconto/abatimento de ${formatBrl(granted)}; restam ${formatBrl(remaining)} em aberto no título.`
      : `Pagamento parcial: restam ${formatBrl(remaining)} em aberto.`;
  return planned(item, match, 'partial', note, applied, charges);
}

/** The day a movement was paid: its occurrence date, else the bank's credit date, else the file's date. */
export function paidOnOf(item: ReturnItem, fileDate: string): string {
  return item.occurrenceDate ?? item.creditDate ?? fileDate;
}

/**
 * Plans a whole file in order. A título hit twice sees the balance the first movement left, so the second
 * liquidação of the same título is reported as already paid, never paid twice. A payment dated after `today`
 * (a wrong file or a wrong computer clock) is not recorded, as a typed or imported payment would not be.
 */
export function planFile<S extends InvoiceSnapshot>(
  items: readonly ReturnItem[],
  find: (item: ReturnItem) => InvoiceMatch<S> | null,
  dates: { today: string; fileDate: string },
): PlannedItem<S>[] {
  const touched = new Map<number, S>();
  return items.map((item) => {
    const found = find(item);
    const match = found ? { ...found, invoice: touched.get(found.invoice.id) ?? found.invoice } : null;
    const paidOn = paidOnOf(item, dates.fileDate);
    if (isPayment(item.movementKind) && paidOn > dates.today) {
      return planned(item, match, 'other', `Pagamento com data futura (${formatBrDate(paidOn)}, hoje é ${formatBrDate(dates.today)}): não foi lançado; confira o arquivo e a data do computador.`);
    }
    const plan = planSettlement(item, match);
    if (match && plan.appliedCents > 0) {
      const openCents = match.invoice.openCents - plan.appliedCents;
      touched.set(match.invoice.id, {
        ...match.invoice,
        openCents,
        status: openCents === 0 ? 'paid' : match.invoice.status === 'disputed' ? 'disputed' : 'partial',
      });
    }
    return plan;
  });
}
