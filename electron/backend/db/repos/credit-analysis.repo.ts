import type { Prepare } from '../statements';

export type AnalysisStatus = 'pending' | 'awaiting_second_approval' | 'approved' | 'rejected';

export interface AnalysisRow {
  id: number;
  customerId: number;
  requestedLimitCents: number;
  bureauScore: number | null;
  checklist: string;
  commercialReferences: string;
  suggestedLimitCents: number;
  suggestionReasons: string;
  status: AnalysisStatus;
  decidedLimitCents: number | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedByUserId: number | null;
  decidedAt: string | null;
  secondApprover: string | null;
  secondApproverUserId: number | null;
  secondApprovedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  legalName: string;
}

const COLUMNS = `a.id, a.customer_id AS customerId, a.requested_limit_cents AS requestedLimitCents, a.bureau_score AS bureauScore, a.checklist,
  a.commercial_references AS commercialReferences, a.suggested_limit_cents AS suggestedLimitCents, a.suggestion_reasons AS suggestionReasons,
  a.status, a.decided_limit_cents AS decidedLimitCents, a.decision_note AS decisionNote, a.decided_by AS decidedBy, a.decided_by_user_id AS decidedByUserId, a.decided_at AS decidedAt,
  a.second_approver AS secondApprover, a.second_approver_user_id AS secondApproverUserId, a.second_approved_at AS secondApprovedAt, a.created_by AS createdBy, a.created_at AS createdAt,
  a.updated_at AS updatedAt, c.legal_name AS legalName
  FROM credit_analyses a JOIN customers c ON c.id = a.customer_id`;

export function creditAnalysisRepo(prepare: Prepare) {
  return {
    insert(
      w: { customerId: number; requestedLimitCents: number; bureauScore: number | null; checklist: string; references: string; suggestedLimitCents: number; reasons: string; actor: string },
      at: string,
    ): number {
      const info = prepare(
        `INSERT INTO credit_analyses (customer_id, requested_limit_cents, bureau_score, checklist, commercial_references, suggested_limit_cents,
           suggestion_reasons, status, created_by, created_at, updated_at)
         VALUES (@customerId, @requestedLimitCents, @bureauScore, @checklist, @references, @suggestedLimitCents, @reasons, 'pending', @actor, @at, @at)`,
      ).run({ ...w, at });
      return Number(info.lastInsertRowid);
    },
    get(id: number): AnalysisRow | undefined {
      return prepare(`SELECT ${COLUMNS} WHERE a.id = ?`).get(id) as AnalysisRow | undefined;
    },
    list(customerId: number | null, status: AnalysisStatus | null, limit: number): AnalysisRow[] {
      return prepare(
        `SELECT ${COLUMNS} WHERE (@customerId IS NULL OR a.customer_id = @customerId) AND (@status IS NULL OR a.status = @status) ORDER BY a.id DESC LIMIT @limit`,
      ).all({ customerId, status, limit }) as AnalysisRow[];
    },
    decide(id: number, w: { status: AnalysisStatus; limitCents: number; note: string | null; actor: string; actorUserId: number | null }, expectedUpdatedAt: string, at: string): boolean {
      return (
        prepare(
          `UPDATE credit_analyses SET status = @status, decided_limit_cents = @limitCents, decision_note = @note, decided_by = @actor, decided_by_user_id = @actorUserId, decided_at = @at, updated_at = @at
           WHERE id = @id AND updated_at = @expectedUpdatedAt AND status = 'pending'`,
        ).run({ id, ...w, expectedUpdatedAt, at }).changes === 1
      );
    },
    secondApproval(id: number, w: { status: 'approved' | 'rejected'; approver: { id: number; name: string } }, expectedUpdatedAt: string, at: string): boolean {
      return (
        prepare(
          `UPDATE credit_analyses SET status = @status, second_approver = @approverName, second_approver_user_id = @approverId, second_approved_at = @at, updated_at = @at
           WHERE id = @id AND updated_at = @expectedUpdatedAt AND status = 'awaiting_second_approval'`,
        ).run({ id, status: w.status, approverName: w.approver.name, approverId: w.approver.id, expectedUpdatedAt, at }).changes === 1
      );
    },
    /** The approved limit becomes the customer's credit limit. */
    setCustomerLimit(customerId: number, limitCents: number, at: string): void {
      prepare('UPDATE customers SET credit_limit_cents = ?, updated_at = ? WHERE id = ?').run(limitCents, at, customerId);
    },
  };
}
