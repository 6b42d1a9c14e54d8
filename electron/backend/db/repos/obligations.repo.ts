import type { CashObligation, ObligationCategory } from '../../../../shared/ipc/dashboard.contract';
import type { Prepare } from '../statements';

export interface ObligationWrite {
  description: string;
  category: ObligationCategory;
  dueDate: string;
  amountCents: number;
}

const COLUMNS = `id, description, category, due_date AS dueDate, amount_cents AS amountCents, updated_at AS updatedAt`;

/** What the company owes (suppliers, payroll, taxes): the other side of the cash-flow forecast. */
export function obligationsRepo(prepare: Prepare) {
  return {
    get(id: number): CashObligation | null {
      return (prepare(`SELECT ${COLUMNS} FROM cash_obligations WHERE id = ?`).get(id) as CashObligation | undefined) ?? null;
    },
    /** Due on or after `from` (all when null), by due date. */
    list(from: string | null): CashObligation[] {
      return prepare(`SELECT ${COLUMNS} FROM cash_obligations WHERE due_date >= @from ORDER BY due_date, id`).all({ from: from ?? '' }) as CashObligation[];
    },
    /** Due in [from, to], by due date. */
    between(from: string, to: string): CashObligation[] {
      return prepare(`SELECT ${COLUMNS} FROM cash_obligations WHERE due_date BETWEEN @from AND @to ORDER BY due_date, id`).all({ from, to }) as CashObligation[];
    },
    insert(w: ObligationWrite, at: string): number {
      const info = prepare(
        `INSERT INTO cash_obligations (description, category, due_date, amount_cents, created_at, updated_at)
         VALUES (@description, @category, @dueDate, @amountCents, @at, @at)`,
      ).run({ ...w, at });
      return Number(info.lastInsertRowid);
    },
    update(id: number, w: ObligationWrite, at: string): void {
      prepare(
        `UPDATE cash_obligations SET description = @description, category = @category, due_date = @dueDate,
           amount_cents = @amountCents, updated_at = @at WHERE id = @id`,
      ).run({ ...w, id, at });
    },
    delete(id: number): void {
      prepare('DELETE FROM cash_obligations WHERE id = ?').run(id);
    },
  };
}
