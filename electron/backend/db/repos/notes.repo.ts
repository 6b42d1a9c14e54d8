import type { CustomerNote } from '../../../../shared/ipc/negotiation.contract';
import type { Prepare } from '../statements';

export function notesRepo(prepare: Prepare) {
  return {
    insert(w: { customerId: number; body: string; by: string }, at: string): number {
      return Number(
        prepare('INSERT INTO customer_notes (customer_id, body, created_at, created_by) VALUES (@customerId, @body, @at, @by)').run({ ...w, at }).lastInsertRowid,
      );
    },
    get(id: number): CustomerNote | null {
      return (
        (prepare('SELECT id, customer_id AS customerId, body, created_at AS createdAt, created_by AS createdBy FROM customer_notes WHERE id = ?').get(id) as
          | CustomerNote
          | undefined) ?? null
      );
    },
  };
}
