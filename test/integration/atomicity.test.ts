/**
 * Every write is one transaction: a failure midway (here a trigger that makes the activity-log insert, the
 * last statement of each write, abort) must roll back everything the call already did.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AS_OF, minusDays, openTestBackend, removeAllTempDirs, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

let tb: TestBackend;
beforeEach(() => {
  tb = openTestBackend();
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

function armFailure() {
  tb.raw().exec(`CREATE TRIGGER fail_log BEFORE INSERT ON activity_log BEGIN SELECT RAISE(ABORT, 'boom'); END;`);
}
function disarm() {
  tb.raw().exec('DROP TRIGGER fail_log');
}
function snapshot() {
  const raw = tb.raw();
  return {
    customers: raw.prepare('SELECT * FROM customers ORDER BY id').all(),
    invoices: raw.prepare('SELECT * FROM invoices ORDER BY id').all(),
    payments: raw.prepare('SELECT * FROM payments ORDER BY id').all(),
    contacts: raw.prepare('SELECT * FROM contacts ORDER BY id').all(),
    activity: raw.prepare('SELECT * FROM activity_log ORDER BY id').all(),
  };
}

/** The clerk's message: pt-BR, says nothing changed, no SQL or stack leaked. */
function expectClerkInternal(env: Awaited<ReturnType<TestBackend['callRaw']>>) {
  expect(env.ok).toBe(false);
  if (env.ok) return;
  expect(env.error.code).toBe('INTERNAL');
  expect(env.error.message).toMatch(/Nada foi alterado/);
  expect(env.error.message).not.toMatch(/boom|SQLITE|activity_log|at .*\.ts/i);
  expect(env.error.details).toBeUndefined();
}

describe('a write that fails midway rolls back whole', () => {
  it('payments.register: INTERNAL, the payment row and paid_cents unchanged', async () => {
    const c = await tb.call('customers.create', validCustomer());
    const inv = await tb.call('invoices.create', validInvoice(c.id, { amountCents: 100_000, dueDate: minusDays(AS_OF, 5) }));
    await tb.call('payments.register', { invoiceId: inv.id, amountCents: 10_000, paidOn: AS_OF, method: 'pix' });
    const before = snapshot();
    tb.events.length = 0;
    tb.logs.length = 0;

    armFailure();
    const env = await tb.callRaw('payments.register', { invoiceId: inv.id, amountCents: 90_000, paidOn: AS_OF, method: 'pix' });
    expectClerkInternal(env);
    expect(snapshot()).toEqual(before);
    const row = tb.raw().prepare('SELECT paid_cents, status FROM invoices WHERE id = ?').get(inv.id);
    expect(row).toEqual({ paid_cents: 10_000, status: 'partial' });
    expect(tb.raw().prepare('SELECT COUNT(*) FROM payments WHERE invoice_id = ?').pluck().get(inv.id)).toBe(1);
    // No data.changed for a failed write, and the cause went to the log for support.
    expect(tb.events).toEqual([]);
    expect(tb.logs.join('\n')).toMatch(/INTERNAL in payments\.register[\s\S]*boom/);

    // Once the cause is gone the same call works: nothing half-done blocks it.
    disarm();
    const ok = await tb.call('payments.register', { invoiceId: inv.id, amountCents: 90_000, paidOn: AS_OF, method: 'pix' });
    expect(ok.invoice).toMatchObject({ status: 'paid', paidCents: 100_000 });
  });

  it('customers.create: no customer row left behind', async () => {
    const payload = validCustomer({ legalName: 'Fantasma Ltda' });
    armFailure();
    expectClerkInternal(await tb.callRaw('customers.create', payload));
    expect(snapshot().customers).toEqual([]);
    expect((await tb.call('app.info', {})).customerCount).toBe(0);
    disarm();
    // The same document is still free: the failed insert did not keep it.
    const again = await tb.callRaw('customers.create', payload);
    expect(again.ok).toBe(true);
  });

  it('customers.update, invoices.create, invoices.update, invoices.writeOff, contacts.create: all unchanged', async () => {
    const c = await tb.call('customers.create', validCustomer({ legalName: 'Antes Ltda' }));
    const inv = await tb.call('invoices.create', validInvoice(c.id));
    const before = snapshot();
    armFailure();
    const { id, createdAt: _a, updatedAt, ...fields } = c;
    expectClerkInternal(await tb.callRaw('customers.update', { ...fields, id, legalName: 'Depois Ltda', expectedUpdatedAt: updatedAt }));
    expectClerkInternal(await tb.callRaw('invoices.create', validInvoice(c.id)));
    expectClerkInternal(
      await tb.callRaw('invoices.update', {
        id: inv.id,
        expectedUpdatedAt: inv.updatedAt,
        documentNumber: 'OUTRO',
        dueDate: inv.dueDate,
        amountCents: 1,
        paymentMethod: 'pix',
      }),
    );
    expectClerkInternal(await tb.callRaw('invoices.writeOff', { id: inv.id, reason: 'Motivo qualquer' }));
    expectClerkInternal(await tb.callRaw('contacts.create', { customerId: c.id, name: 'Zé' }));
    expect(snapshot()).toEqual(before);
    expect(tb.events.filter((e) => e.name === 'data.changed')).toHaveLength(2); // only the two setup writes
  });
});
