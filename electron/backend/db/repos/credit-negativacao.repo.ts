import type { NegativacaoKind, NegativacaoStatus } from '../../../../shared/domain/negativacao';
import type { Prepare } from '../statements';

export interface CandidateRow {
  invoiceId: number;
  customerId: number;
  legalName: string;
  document: string;
  documentNumber: string;
  dueDate: string;
  openCents: number;
  invoiceStatus: string;
  street: string | null;
  streetNumber: string | null;
  complement: string | null;
  district: string | null;
  city: string | null;
  uf: string | null;
  postalCode: string | null;
  disputed: 0 | 1;
  restructured: 0 | 1;
}

export interface NegativacaoRecordRow {
  id: number;
  kind: NegativacaoKind;
  customerId: number;
  invoiceId: number;
  status: NegativacaoStatus;
  amountCents: number;
  dueDate: string;
  addressUsed: string;
  authorizedBy: string;
  authorizedAt: string;
  sentOn: string | null;
  inscribedOn: string | null;
  protocol: string | null;
  paidInFullOn: string | null;
  removalDueOn: string | null;
  removalRequestedOn: string | null;
  removedOn: string | null;
  updatedBy: string;
  updatedAt: string;
  legalName: string;
  document: string;
  documentNumber: string;
  city: string | null;
  uf: string | null;
  postalCode: string | null;
  /** Current open balance of the título and the date of its last payment (for the removal alert). */
  openCents: number;
  lastPaidOn: string | null;
}

/**
 * Títulos with an open balance due on or before @latestDue (the minimum days overdue), with what the gates
 * need: the customer's address, an open dispute, an active agreement. Títulos that already have a live
 * record of the same kind are left out. Reads the open-balance covering index (same WHERE).
 */
const CANDIDATES_SQL = `
SELECT i.id AS invoiceId, i.customer_id AS customerId, c.legal_name AS legalName, c.document, i.document_number AS documentNumber,
  i.due_date AS dueDate, i.amount_cents - i.paid_cents AS openCents, i.status AS invoiceStatus,
  c.street, c.street_number AS streetNumber, c.complement, c.district, c.city, c.uf, c.postal_code AS postalCode,
  EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.resolved_at IS NULL) AS disputed,
  EXISTS (SELECT 1 FROM agreement_invoices ai JOIN agreements a ON a.id = ai.agreement_id WHERE ai.invoice_id = i.id AND a.status = 'active') AS restructured
FROM invoices i JOIN customers c ON c.id = i.customer_id
WHERE i.status IN ('open', 'partial', 'disputed') AND i.due_date <= @latestDue
  AND NOT EXISTS (SELECT 1 FROM negativacoes n WHERE n.invoice_id = i.id AND n.kind = @kind AND n.status <> 'removed')
ORDER BY i.due_date, i.id`;

const RECORD_COLUMNS = `n.id, n.kind, n.customer_id AS customerId, n.invoice_id AS invoiceId, n.status, n.amount_cents AS amountCents,
  n.due_date AS dueDate, n.address_used AS addressUsed, n.authorized_by AS authorizedBy, n.authorized_at AS authorizedAt,
  n.sent_on AS sentOn, n.inscribed_on AS inscribedOn, n.protocol, n.paid_in_full_on AS paidInFullOn, n.removal_due_on AS removalDueOn,
  n.removal_requested_on AS removalRequestedOn, n.removed_on AS removedOn, n.updated_by AS updatedBy, n.updated_at AS updatedAt,
  c.legal_name AS legalName, c.document, i.document_number AS documentNumber, c.city, c.uf, c.postal_code AS postalCode,
  i.amount_cents - i.paid_cents AS openCents,
  (SELECT MAX(p.paid_on) FROM payments p WHERE p.invoice_id = n.invoice_id) AS lastPaidOn
  FROM negativacoes n JOIN customers c ON c.id = n.customer_id JOIN invoices i ON i.id = n.invoice_id`;

export interface NegativacaoInsert {
  kind: NegativacaoKind;
  customerId: number;
  invoiceId: number;
  amountCents: number;
  dueDate: string;
  addressUsed: string;
  actor: string;
}

export interface NegativacaoPatch {
  status: NegativacaoStatus;
  sentOn?: string | null;
  inscribedOn?: string | null;
  protocol?: string | null;
  paidInFullOn?: string | null;
  removalDueOn?: string | null;
  removalRequestedOn?: string | null;
  removedOn?: string | null;
}

export function creditNegativacaoRepo(prepare: Prepare) {
  return {
    candidates(kind: NegativacaoKind, latestDue: string): CandidateRow[] {
      return prepare(CANDIDATES_SQL).all({ kind, latestDue }) as CandidateRow[];
    },
    candidateByInvoice(invoiceId: number, kind: NegativacaoKind): CandidateRow | undefined {
      return prepare(CANDIDATES_SQL.replace('ORDER BY i.due_date, i.id', 'AND i.id = @invoiceId')).get({ kind, latestDue: '9999-12-31', invoiceId }) as
        | CandidateRow
        | undefined;
    },
    insert(w: NegativacaoInsert, at: string): number {
      const info = prepare(
        `INSERT INTO negativacoes (kind, customer_id, invoice_id, status, amount_cents, due_date, address_used, authorized_by, authorized_at, updated_by, updated_at)
         VALUES (@kind, @customerId, @invoiceId, 'to_send', @amountCents, @dueDate, @addressUsed, @actor, @at, @actor, @at)`,
      ).run({ ...w, at });
      return Number(info.lastInsertRowid);
    },
    get(id: number): NegativacaoRecordRow | undefined {
      return prepare(`SELECT ${RECORD_COLUMNS} WHERE n.id = ?`).get(id) as NegativacaoRecordRow | undefined;
    },
    list(status: NegativacaoStatus | null, kind: NegativacaoKind | null, limit: number): NegativacaoRecordRow[] {
      return prepare(
        `SELECT ${RECORD_COLUMNS} WHERE (@status IS NULL OR n.status = @status) AND (@kind IS NULL OR n.kind = @kind) ORDER BY n.id DESC LIMIT @limit`,
      ).all({ status, kind, limit }) as NegativacaoRecordRow[];
    },
    /** Records that may need an alert: still live (sent or inscribed). */
    live(): NegativacaoRecordRow[] {
      return prepare(`SELECT ${RECORD_COLUMNS} WHERE n.status IN ('sent', 'inscribed') ORDER BY n.id`).all() as NegativacaoRecordRow[];
    },
    update(id: number, patch: NegativacaoPatch, expectedUpdatedAt: string, actor: string, at: string): boolean {
      const info = prepare(
        `UPDATE negativacoes SET status = @status,
           sent_on = COALESCE(@sentOn, sent_on), inscribed_on = COALESCE(@inscribedOn, inscribed_on), protocol = COALESCE(@protocol, protocol),
           paid_in_full_on = COALESCE(@paidInFullOn, paid_in_full_on), removal_due_on = COALESCE(@removalDueOn, removal_due_on),
           removal_requested_on = COALESCE(@removalRequestedOn, removal_requested_on), removed_on = COALESCE(@removedOn, removed_on),
           updated_by = @actor, updated_at = @at
         WHERE id = @id AND updated_at = @expectedUpdatedAt`,
      ).run({
        id,
        expectedUpdatedAt,
        actor,
        at,
        status: patch.status,
        sentOn: patch.sentOn ?? null,
        inscribedOn: patch.inscribedOn ?? null,
        protocol: patch.protocol ?? null,
        paidInFullOn: patch.paidInFullOn ?? null,
        removalDueOn: patch.removalDueOn ?? null,
        removalRequestedOn: patch.removalRequestedOn ?? null,
        removedOn: patch.removedOn ?? null,
      });
      return info.changes === 1;
    },
  };
}
