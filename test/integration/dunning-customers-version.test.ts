// The dunning pass reuses its customer map while `customersVersion` stays the same: every change that can
// alter a customer's ladder, reach or score must move it, whatever the timestamps say.
import { afterEach, describe, expect, it } from 'vitest';
import { laddersRepo } from '../../electron/backend/db/repos/ladders.repo';
import { statementCache } from '../../electron/backend/db/statements';
import { openTestBackend, removeAllTempDirs, validCustomer, type TestBackend } from '../helpers/backend';

const open: TestBackend[] = [];
afterEach(() => {
  for (const tb of open.splice(0)) tb.close();
  removeAllTempDirs();
});

describe('dunning customers version', () => {
  it('moves on a ladder reassignment that reuses the row id, an edit stamped in the past, a score and a contact removed', async () => {
    const tb = openTestBackend();
    open.push(tb);
    const c = await tb.call('customers.create', validCustomer());
    await tb.call('contacts.create', { customerId: c.id, name: 'Ana', email: 'ana@a.com.br', preferredChannel: 'email' });
    const db = tb.raw();
    const version = () => laddersRepo(statementCache(db)).customersVersion();
    const seen = new Set<string>([version()]);
    const expectMoved = () => {
      const v = version();
      expect(seen.has(v)).toBe(false);
      seen.add(v);
    };
    const ladders = db.prepare('SELECT id FROM dunning_ladders ORDER BY id').pluck().all() as number[];
    db.prepare(`INSERT INTO dunning_ladder_assignments (ladder_id, customer_id, created_at) VALUES (?, ?, '2026-11-25T12:00:00Z')`).run(ladders[0], c.id);
    expectMoved();
    // Reassigned the way assignCustomer does it: delete, then insert, which reuses the highest row id.
    db.prepare('DELETE FROM dunning_ladder_assignments WHERE customer_id = ?').run(c.id);
    db.prepare(`INSERT INTO dunning_ladder_assignments (ladder_id, customer_id, created_at) VALUES (?, ?, '2026-11-25T12:00:00Z')`).run(ladders.at(-1), c.id);
    expectMoved();
    // An opt-out stamped before the latest change (a clock set back).
    db.prepare(`UPDATE contacts SET opted_out = 1, updated_at = '2001-01-01T00:00:00.000Z' WHERE customer_id = ?`).run(c.id);
    expectMoved();
    db.prepare(`UPDATE customers SET segment = 'Mercearia', updated_at = '2001-01-01T00:00:00.000Z' WHERE id = ?`).run(c.id);
    expectMoved();
    await tb.call('credit.scoreCustomer', { customerId: c.id });
    expectMoved();
    db.prepare('DELETE FROM contacts WHERE customer_id = ?').run(c.id);
    expectMoved();
    expect(version()).toBe(version());
  });
});
