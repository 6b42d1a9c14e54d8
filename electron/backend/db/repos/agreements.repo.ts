import type { ChargeTerms, DebtLine, Offer, OfferResult, ScheduleEntry } from '../../../../shared/domain/negotiation';
import type { InvoiceStatus } from '../../../../shared/ipc/contract';
import type {
  AgreementInstallment,
  AgreementOriginal,
  AgreementReinstatement,
  AgreementStatus,
  AgreementSummary,
} from '../../../../shared/ipc/negotiation.contract';
import type { Prepare } from '../statements';

/** What `terms` holds: enough to re-render the document and re-check the maths later. */
export interface AgreementTerms {
  offer: Offer;
  charges: ChargeTerms;
  correctionFactor: string | null;
}

export interface AgreementRow extends AgreementSummary {
  terms: AgreementTerms;
  principalCents: number;
  correctionCents: number;
  fineCents: number;
  interestCents: number;
  debtTotalCents: number;
  discountCents: number;
  downPaymentCents: number;
  financingInterestCents: number;
  approvalReasons: string[];
  approvedAt: string | null;
  statusChangedAt: string | null;
}

const SUMMARY_COLUMNS = `a.id, a.customer_id AS customerId, a.as_of AS asOf, a.offer_kind AS offerKind, a.negotiated_cents AS negotiatedCents,
  a.total_to_pay_cents AS totalToPayCents, a.status, a.status_reason AS statusReason, a.approved_by AS approvedBy, a.approved_by_user_id AS approvedByUserId,
  a.created_at AS createdAt, a.created_by AS createdBy,
  (SELECT COUNT(*) FROM agreement_installments ai WHERE ai.agreement_id = a.id) AS installmentCount,
  (SELECT COALESCE(SUM(i.paid_cents), 0) FROM agreement_installments ai JOIN invoices i ON i.id = ai.invoice_id WHERE ai.agreement_id = a.id) AS paidCents`;

export function agreementsRepo(prepare: Prepare) {
  return {
    insert(
      w: { customerId: number; asOf: string; terms: AgreementTerms; result: OfferResult; debt: { principalCents: number; correctionCents: number; fineCents: number; interestCents: number }; approvalReasons: string[]; approvedBy: { userId: number; name: string } | null; by: string },
      at: string,
    ): number {
      const r = w.result;
      return Number(
        prepare(
          `INSERT INTO agreements (customer_id, as_of, offer_kind, terms, principal_cents, correction_cents, fine_cents, interest_cents,
             debt_total_cents, discount_cents, negotiated_cents, down_payment_cents, financing_interest_cents, total_to_pay_cents,
             approval_reasons, approved_by, approved_by_user_id, approved_at, created_at, created_by, updated_at)
           VALUES (@customerId, @asOf, @offerKind, @terms, @principalCents, @correctionCents, @fineCents, @interestCents,
             @debtTotalCents, @discountCents, @negotiatedCents, @downPaymentCents, @financingInterestCents, @totalToPayCents,
             @approvalReasons, @approvedBy, @approvedByUserId, @approvedAt, @at, @by, @at)`,
        ).run({
          customerId: w.customerId,
          asOf: w.asOf,
          offerKind: w.terms.offer.kind,
          terms: JSON.stringify(w.terms),
          ...w.debt,
          debtTotalCents: r.debtTotalCents,
          discountCents: r.discountCents,
          negotiatedCents: r.negotiatedCents,
          downPaymentCents: r.downPaymentCents,
          financingInterestCents: r.financingInterestCents,
          totalToPayCents: r.totalToPayCents,
          approvalReasons: JSON.stringify(w.approvalReasons),
          approvedBy: w.approvedBy?.name ?? null,
          approvedByUserId: w.approvedBy?.userId ?? null,
          approvedAt: w.approvedBy ? at : null,
          by: w.by,
          at,
        }).lastInsertRowid,
      );
    },
    /** Links an original título and turns it 'renegotiated'; false when it was no longer open. */
    renegotiate(agreementId: number, line: DebtLine, statusBefore: InvoiceStatus, at: string): boolean {
      const changed = prepare(
        `UPDATE invoices SET status = 'renegotiated', updated_at = @at WHERE id = @invoiceId AND status IN ('open', 'partial')`,
      ).run({ invoiceId: line.invoiceId, at }).changes;
      if (changed !== 1) return false;
      prepare(
        `INSERT INTO agreement_invoices (agreement_id, invoice_id, status_before, principal_cents, correction_cents, fine_cents, interest_cents, total_cents, days_late)
         VALUES (@agreementId, @invoiceId, @statusBefore, @principalCents, @correctionCents, @fineCents, @interestCents, @totalCents, @daysLate)`,
      ).run({ agreementId, statusBefore, invoiceId: line.invoiceId, principalCents: line.principalCents, correctionCents: line.correctionCents, fineCents: line.fineCents, interestCents: line.interestCents, totalCents: line.totalCents, daysLate: line.daysLate });
      return true;
    },
    insertInstallment(agreementId: number, invoiceId: number, e: ScheduleEntry, pixTxid: string) {
      prepare(
        `INSERT INTO agreement_installments (agreement_id, invoice_id, kind, number, of_count, due_date, amount_cents, principal_cents, interest_cents, pix_txid)
         VALUES (@agreementId, @invoiceId, @kind, @number, @of, @dueDate, @amountCents, @principalCents, @interestCents, @pixTxid)`,
      ).run({ agreementId, invoiceId, kind: e.kind, number: e.number, of: e.of, dueDate: e.dueDate, amountCents: e.amountCents, principalCents: e.principalCents, interestCents: e.interestCents, pixTxid });
    },
    get(id: number): AgreementRow | null {
      const r = prepare(
        `SELECT ${SUMMARY_COLUMNS}, a.terms, a.principal_cents AS principalCents, a.correction_cents AS correctionCents, a.fine_cents AS fineCents,
           a.interest_cents AS interestCents, a.debt_total_cents AS debtTotalCents, a.discount_cents AS discountCents,
           a.down_payment_cents AS downPaymentCents, a.financing_interest_cents AS financingInterestCents,
           a.approval_reasons AS approvalReasons, a.approved_at AS approvedAt, a.status_changed_at AS statusChangedAt
         FROM agreements a WHERE a.id = ?`,
      ).get(id) as (Omit<AgreementRow, 'terms' | 'approvalReasons'> & { terms: string; approvalReasons: string }) | undefined;
      if (!r) return null;
      return { ...r, terms: JSON.parse(r.terms) as AgreementTerms, approvalReasons: JSON.parse(r.approvalReasons) as string[] };
    },
    listByCustomer(customerId: number): AgreementSummary[] {
      return prepare(`SELECT ${SUMMARY_COLUMNS} FROM agreements a WHERE a.customer_id = ? ORDER BY a.id DESC`).all(customerId) as AgreementSummary[];
    },
    listActiveIds(): number[] {
      return prepare(`SELECT id FROM agreements WHERE status = 'active' ORDER BY id`).pluck().all() as number[];
    },
    originals(agreementId: number): AgreementOriginal[] {
      return prepare(
        `SELECT ai.invoice_id AS invoiceId, i.document_number AS documentNumber, i.due_date AS dueDate, ai.days_late AS daysLate,
           ai.principal_cents AS principalCents, ai.correction_cents AS correctionCents, ai.fine_cents AS fineCents,
           ai.interest_cents AS interestCents, ai.total_cents AS totalCents, ai.status_before AS statusBefore
         FROM agreement_invoices ai JOIN invoices i ON i.id = ai.invoice_id WHERE ai.agreement_id = ? ORDER BY i.due_date, i.id`,
      ).all(agreementId) as AgreementOriginal[];
    },
    /** The schedule with each título's live status; `asOf` splits open into a vencer / vencido. */
    installments(agreementId: number, asOf: string): AgreementInstallment[] {
      return prepare(
        `SELECT ai.invoice_id AS invoiceId, i.document_number AS documentNumber, ai.kind, ai.number, ai.of_count AS "of", ai.due_date AS dueDate,
           ai.amount_cents AS amountCents, ai.principal_cents AS principalCents, ai.interest_cents AS interestCents,
           i.paid_cents AS paidCents, i.status AS invoiceStatus,
           CASE WHEN i.status = 'open' THEN CASE WHEN i.due_date < @asOf THEN 'overdue' ELSE 'due' END ELSE i.status END AS displayStatus,
           ai.pix_txid AS pixTxid, ai.cancelled_at AS cancelledAt
         FROM agreement_installments ai JOIN invoices i ON i.id = ai.invoice_id
         WHERE ai.agreement_id = @agreementId ORDER BY ai.due_date, CASE ai.kind WHEN 'down' THEN 0 ELSE 1 END, ai.number`,
      ).all({ agreementId, asOf }) as AgreementInstallment[];
    },
    reinstated(agreementId: number): AgreementReinstatement[] {
      return prepare(
        `SELECT r.original_invoice_id AS originalInvoiceId, r.invoice_id AS invoiceId, i.document_number AS documentNumber, r.amount_cents AS amountCents
         FROM agreement_reinstatements r JOIN invoices i ON i.id = r.invoice_id WHERE r.agreement_id = ? ORDER BY i.due_date, i.id`,
      ).all(agreementId) as AgreementReinstatement[];
    },
    /** An installment of a broken agreement: written off with the reason, marked cancelled. */
    cancelInstallment(agreementId: number, invoiceId: number, reason: string, at: string) {
      prepare(`UPDATE invoices SET status = 'written_off', write_off_reason = @reason, updated_at = @at WHERE id = @invoiceId AND status IN ('open', 'partial')`).run({
        invoiceId,
        reason,
        at,
      });
      prepare('UPDATE agreement_installments SET cancelled_at = @at WHERE agreement_id = @agreementId AND invoice_id = @invoiceId').run({ agreementId, invoiceId, at });
    },
    insertReinstatement(agreementId: number, originalInvoiceId: number, invoiceId: number, amountCents: number) {
      prepare('INSERT INTO agreement_reinstatements (agreement_id, original_invoice_id, invoice_id, amount_cents) VALUES (?, ?, ?, ?)').run(
        agreementId,
        originalInvoiceId,
        invoiceId,
        amountCents,
      );
    },
    setStatus(id: number, status: AgreementStatus, reason: string | null, at: string) {
      prepare('UPDATE agreements SET status = @status, status_reason = @reason, status_changed_at = @at, updated_at = @at WHERE id = @id').run({ id, status, reason, at });
    },
  };
}

export type AgreementsRepo = ReturnType<typeof agreementsRepo>;
