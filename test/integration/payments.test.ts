import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../shared/ipc/contract';
import { AS_OF, expectError, minusDays, openTestBackend, removeAllTempDirs, testClock, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

let tb: TestBackend;
let clock: ReturnType<typeof testClock>;
let customerId: number;

beforeEach(async () => {
  clock = testClock();
  tb = openTestBackend({ clock });
  customerId = (await tb.call('customers.create', validCustomer({ legalName: 'Pagadora Ltda' }))).id;
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

/** A R$ 1.000,00 título due 10 days before the as-of date. */
async function invoice(overrides: Partial<Parameters<typeof validInvoice>[1]> = {}): Promise<InvoiceRow> {
  return tb.call('invoices.create', validInvoice(customerId, { amountCents: 100_000, dueDate: minusDays(AS_OF, 10), ...overrides }));
}
function pay(invoiceId: number, amountCents: number, paidOn = minusDays(AS_OF, 1)) {
  return tb.callRaw('payments.register', { invoiceId, amountCents, paidOn, method: 'pix' });
}
function rawInvoice(id: number) {
  return tb.raw().prepare('SELECT amount_cents, paid_cents, status, write_off_reason FROM invoices WHERE id = ?').get(id) as {
    amount_cents: number;
    paid_cents: number;
    status: string;
    write_off_reason: string | null;
  };
}
function counts() {
  const raw = tb.raw();
  return {
    payments: raw.prepare('SELECT COUNT(*) FROM payments').pluck().get() as number,
    activity: raw.prepare('SELECT COUNT(*) FROM activity_log').pluck().get() as number,
  };
}
async function lastActivity() {
  return (await tb.call('activity.list', { customerId, limit: 1 })).rows[0]!;
}
function paidCentsDrift() {
  return tb
    .raw()
    .prepare(
      `SELECT i.id, i.paid_cents, COALESCE(SUM(p.amount_cents), 0) AS sum_payments
       FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id
       GROUP BY i.id HAVING i.paid_cents <> COALESCE(SUM(p.amount_cents), 0)`,
    )
    .all();
}

describe('payments.register', () => {
  it('a partial payment → partial, balance reduced, payment.partial logged', async () => {
    const inv = await invoice();
    const env = await pay(inv.id, 40_000);
    if (!env.ok) throw new Error(env.error.message);
    const { payment, invoice: after } = env.data;
    expect(payment).toMatchObject({ invoiceId: inv.id, amountCents: 40_000, paidOn: minusDays(AS_OF, 1), method: 'pix', source: 'manual', reference: null, createdBy: 'teste' });
    expect(after).toMatchObject({ status: 'partial', displayStatus: 'partial', paidCents: 40_000, openCents: 100_000 - 40_000, daysOverdue: 10 });
    expect(rawInvoice(inv.id)).toMatchObject({ paid_cents: 40_000, status: 'partial' });

    const act = await lastActivity();
    expect(act).toMatchObject({ action: 'payment.partial', invoiceId: inv.id, customerId, actor: 'teste' });
    expect(act.details).toEqual({ amountCents: 40_000, paidOn: minusDays(AS_OF, 1), method: 'pix', remainingCents: 60_000 });

    const detail = await tb.call('customers.get', { id: customerId });
    expect(detail.balance).toMatchObject({ openCents: 60_000, overdueCents: 60_000, oldestOverdueDays: 10 });
    expect(await tb.call('payments.list', { invoiceId: inv.id })).toEqual([payment]);
  });

  it('paying the rest → paid, payment.settled, out of the open list', async () => {
    const inv = await invoice();
    expect((await pay(inv.id, 40_000)).ok).toBe(true);
    const env = await pay(inv.id, 60_000, AS_OF);
    if (!env.ok) throw new Error(env.error.message);
    expect(env.data.invoice).toMatchObject({ status: 'paid', displayStatus: 'paid', paidCents: 100_000, openCents: 0, daysOverdue: 0 });
    const act = await lastActivity();
    expect(act.action).toBe('payment.settled');
    expect(act.details).toMatchObject({ amountCents: 60_000, remainingCents: 0 });
    expect((await tb.call('invoices.list', { customerId })).rows).toEqual([]);
    expect((await tb.call('payments.list', { invoiceId: inv.id })).map((p) => p.amountCents)).toEqual([40_000, 60_000]);
    expect((await tb.call('customers.get', { id: customerId })).balance).toEqual({ openCents: 0, overdueCents: 0, oldestOverdueDays: null, openCount: 0, overdueCount: 0 });
  });

  it('a single payment of the whole amount settles at once', async () => {
    const inv = await invoice({ amountCents: 12_345 });
    const env = await pay(inv.id, 12_345);
    expect(env.ok && env.data.invoice.status).toBe('paid');
    expect((await lastActivity()).action).toBe('payment.settled');
  });

  it('an amount above the open balance → VALIDATION with the maximum, nothing written', async () => {
    const inv = await invoice();
    expect((await pay(inv.id, 25_000)).ok).toBe(true);
    const before = counts();
    tb.events.length = 0;
    const err = expectError(await pay(inv.id, 75_001));
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.maxCents).toBe(100_000 - 25_000);
    expect(err.details?.fields?.[0]?.path).toBe('amountCents');
    expect(err.message).toMatch(/750,00/);
    expect(err.message).toMatch(/maior que o saldo em aberto/);
    expect(counts()).toEqual(before);
    expect(rawInvoice(inv.id)).toMatchObject({ paid_cents: 25_000, status: 'partial' });
    expect(tb.events).toEqual([]);
  });

  it('a payment date in the future → VALIDATION on paidOn; today is fine', async () => {
    const inv = await invoice();
    const before = counts();
    const err = expectError(await pay(inv.id, 1_000, '2026-11-26'));
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.fields).toEqual([{ path: 'paidOn', message: 'Data no futuro' }]);
    expect(counts()).toEqual(before);
    expect((await pay(inv.id, 1_000, AS_OF)).ok).toBe(true);
  });

  it('"today" is the São Paulo date: at 01:00 UTC on the 26th it is still the 25th', async () => {
    const inv = await invoice();
    clock.set('2026-11-26T01:00:00Z');
    expect(expectError(await pay(inv.id, 1_000, '2026-11-26')).code).toBe('VALIDATION');
    clock.set('2026-11-26T03:00:00Z');
    expect((await pay(inv.id, 1_000, '2026-11-26')).ok).toBe(true);
  });

  it('an impossible date is VALIDATION', async () => {
    const inv = await invoice();
    for (const paidOn of ['2026-02-30', '25/11/2026', '2026-11-25T10:00:00Z', '']) {
      const err = expectError(await pay(inv.id, 1_000, paidOn));
      expect(err.code, paidOn).toBe('VALIDATION');
      expect(err.details?.fields?.[0]?.path).toBe('paidOn');
    }
  });

  it('a payment on a written-off or paid título → CONFLICT, nothing written', async () => {
    const off = await invoice();
    await tb.call('invoices.writeOff', { id: off.id, reason: 'Incobrável: empresa encerrada' });
    const before = counts();
    const err = expectError(await pay(off.id, 1_000));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('baixado');
    expect(err.message).toContain(off.documentNumber);

    const paid = await invoice({ amountCents: 5_000 });
    expect((await pay(paid.id, 5_000)).ok).toBe(true);
    const after = counts();
    const err2 = expectError(await pay(paid.id, 1));
    expect(err2.code).toBe('CONFLICT');
    expect(err2.message).toContain('pago');
    expect(counts()).toEqual(after);
    expect(after.payments).toBe(before.payments + 1);
  });

  it('an unknown título → NOT_FOUND', async () => {
    expect(expectError(await pay(987_654, 100)).code).toBe('NOT_FOUND');
  });

  it('negative, zero or fractional amountCents → VALIDATION (payments and títulos)', async () => {
    const inv = await invoice();
    for (const amountCents of [-100, 0, 10.5, 0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      const err = expectError(await pay(inv.id, amountCents));
      expect(err.code, String(amountCents)).toBe('VALIDATION');
      expect(err.details?.fields?.[0]?.path).toBe('amountCents');
    }
    const str = expectError(await tb.callRaw('payments.register', { invoiceId: inv.id, amountCents: '100', paidOn: AS_OF, method: 'pix' }));
    expect(str.code).toBe('VALIDATION');
    for (const amountCents of [-1, 0, 99.9]) {
      const err = expectError(await tb.callRaw('invoices.create', validInvoice(customerId, { amountCents })));
      expect(err.code).toBe('VALIDATION');
      expect(err.details?.fields?.[0]?.path).toBe('amountCents');
    }
    expect(counts().payments).toBe(0);
  });

  it('invoices.paid_cents equals SUM(payments) for every título after a mix of operations', async () => {
    const a = await invoice({ amountCents: 100_000 });
    const b = await invoice({ amountCents: 33_333 });
    const c = await invoice({ amountCents: 50_000 });
    await invoice({ amountCents: 7_000 });
    for (const [id, amt] of [[a.id, 10_000], [a.id, 20_001], [b.id, 33_333], [c.id, 1], [a.id, 69_999]] as const) {
      expect((await pay(id, amt)).ok).toBe(true);
    }
    expectError(await pay(c.id, 50_000)); // over the balance: refused
    expectError(await pay(b.id, 1)); // already paid: refused
    await tb.call('invoices.writeOff', { id: c.id, reason: 'Desconto concedido' });
    expectError(await pay(c.id, 1)); // written off: refused
    expect(paidCentsDrift()).toEqual([]);
    expect(rawInvoice(a.id)).toMatchObject({ paid_cents: 100_000, status: 'paid' });
    expect(rawInvoice(c.id)).toMatchObject({ paid_cents: 1, status: 'written_off' });
    const totalPaid = tb.raw().prepare('SELECT SUM(amount_cents) FROM payments').pluck().get();
    expect(totalPaid).toBe(10_000 + 20_001 + 33_333 + 1 + 69_999);
  });
});

describe('invoices.writeOff', () => {
  it('requires a reason of at least 5 characters (after trimming)', async () => {
    const inv = await invoice();
    for (const reason of ['', 'abc', '   abcd   ']) {
      const err = expectError(await tb.callRaw('invoices.writeOff', { id: inv.id, reason }));
      expect(err.code, reason).toBe('VALIDATION');
      expect(err.details?.fields).toEqual([{ path: 'reason', message: 'Descreva o motivo da baixa (mínimo 5 caracteres)' }]);
    }
    expect(rawInvoice(inv.id).status).toBe('open');
  });

  it('writes off with the reason stored and logged, with the open amount at the time', async () => {
    const inv = await invoice();
    expect((await pay(inv.id, 30_000)).ok).toBe(true);
    const after = await tb.call('invoices.writeOff', { id: inv.id, reason: '  Cliente faliu, sem bens  ' });
    expect(after).toMatchObject({ status: 'written_off', writeOffReason: 'Cliente faliu, sem bens', openCents: 0, paidCents: 30_000 });
    expect(rawInvoice(inv.id)).toMatchObject({ status: 'written_off', write_off_reason: 'Cliente faliu, sem bens' });
    const act = await lastActivity();
    expect(act).toMatchObject({ action: 'invoice.written_off', invoiceId: inv.id });
    expect(act.details).toEqual({ reason: 'Cliente faliu, sem bens', openCents: 70_000 });
    expect((await tb.call('customers.get', { id: customerId })).balance.openCents).toBe(0);
  });

  it('writing off twice or writing off a paid título is CONFLICT', async () => {
    const inv = await invoice();
    await tb.call('invoices.writeOff', { id: inv.id, reason: 'Motivo válido' });
    expect(expectError(await tb.callRaw('invoices.writeOff', { id: inv.id, reason: 'Outra vez' })).code).toBe('CONFLICT');
    const paid = await invoice({ amountCents: 1_000 });
    expect((await pay(paid.id, 1_000)).ok).toBe(true);
    expect(expectError(await tb.callRaw('invoices.writeOff', { id: paid.id, reason: 'Motivo válido' })).code).toBe('CONFLICT');
  });
});

describe('invoices.update', () => {
  function editable(inv: InvoiceRow) {
    return {
      id: inv.id,
      expectedUpdatedAt: inv.updatedAt,
      documentNumber: inv.documentNumber,
      dueDate: inv.dueDate,
      amountCents: inv.amountCents,
      paymentMethod: inv.paymentMethod,
      boletoLine: inv.boletoLine,
      nossoNumero: inv.nossoNumero,
    };
  }

  it('an amount below what was already paid is refused and nothing changes', async () => {
    const inv = await invoice();
    const env = await pay(inv.id, 40_000);
    if (!env.ok) throw new Error(env.error.message);
    clock.advanceMs(1000);
    const before = counts();
    const err = expectError(await tb.callRaw('invoices.update', { ...editable(env.data.invoice), amountCents: 39_999 }));
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.fields?.[0]?.path).toBe('amountCents');
    expect(err.message).toMatch(/400,00/);
    expect(rawInvoice(inv.id)).toMatchObject({ amount_cents: 100_000, paid_cents: 40_000, status: 'partial' });
    expect(counts()).toEqual(before);
  });

  it('lowering the amount to exactly what was paid settles the título (no "partial" with nothing open)', async () => {
    const inv = await invoice();
    const env = await pay(inv.id, 40_000);
    if (!env.ok) throw new Error(env.error.message);
    clock.advanceMs(1000);
    const res = await tb.callRaw('invoices.update', { ...editable(env.data.invoice), amountCents: 40_000 });
    // Either refused, or accepted and then the título is paid; never an open-status título with a zero balance.
    if (res.ok) {
      expect(res.data.openCents).toBe(0);
      expect(res.data.status).toBe('paid');
    } else {
      expect(['VALIDATION', 'CONFLICT']).toContain(res.error.code);
      expect(rawInvoice(inv.id)).toMatchObject({ amount_cents: 100_000, paid_cents: 40_000, status: 'partial' });
    }
  });

  it('a título whose amount was lowered to what was paid does not make the customer look overdue', async () => {
    const inv = await invoice();
    const env = await pay(inv.id, 40_000);
    if (!env.ok) throw new Error(env.error.message);
    clock.advanceMs(1000);
    const res = await tb.callRaw('invoices.update', { ...editable(env.data.invoice), amountCents: 40_000 });
    if (!res.ok) return; // refusing the edit is also acceptable
    const row = (await tb.call('customers.list', {})).rows.find((r) => r.id === customerId)!;
    expect(row).toMatchObject({ openCents: 0, overdueCents: 0, oldestOverdueDays: null });
    expect((await tb.call('customers.list', { overdueBucket: 'd1_15' })).total).toBe(0);
    expect((await tb.call('customers.get', { id: customerId })).balance).toMatchObject({ openCount: 0, overdueCount: 0, oldestOverdueDays: null });
  });

  it('a stale expectedUpdatedAt is CONFLICT and nothing changes', async () => {
    const inv = await invoice();
    clock.advanceMs(60_000);
    const first = await tb.call('invoices.update', { ...editable(inv), amountCents: 90_000 });
    expect(first.updatedAt).toBe('2026-11-25T15:01:00.000Z');
    clock.advanceMs(60_000);
    const before = counts();
    const err = expectError(await tb.callRaw('invoices.update', { ...editable(inv), amountCents: 80_000 }));
    expect(err.code).toBe('CONFLICT');
    expect(rawInvoice(inv.id).amount_cents).toBe(90_000);
    expect(counts()).toEqual(before);
  });

  it('a successful edit logs from/to of the changed fields only', async () => {
    const inv = await invoice();
    clock.advanceMs(1000);
    const newDue = minusDays(AS_OF, 5);
    const after = await tb.call('invoices.update', { ...editable(inv), amountCents: 95_000, dueDate: newDue });
    expect(after).toMatchObject({ amountCents: 95_000, dueDate: newDue, daysOverdue: 5, openCents: 95_000 });
    const act = await lastActivity();
    expect(act.action).toBe('invoice.updated');
    expect(act.details).toEqual({ from: { dueDate: inv.dueDate, amountCents: 100_000 }, to: { dueDate: newDue, amountCents: 95_000 } });
  });

  it('a due date before the issue date is refused on create and update', async () => {
    const err = expectError(await tb.callRaw('invoices.create', validInvoice(customerId, { issueDate: '2026-11-10', dueDate: '2026-11-09' })));
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.fields?.[0]?.path).toBe('dueDate');
    const inv = await invoice({ issueDate: '2026-10-01', dueDate: '2026-11-01' });
    clock.advanceMs(1000);
    const err2 = expectError(await tb.callRaw('invoices.update', { ...editable(inv), dueDate: '2026-09-30' }));
    expect(err2.code).toBe('VALIDATION');
  });

  it('editing a paid or written-off título is CONFLICT', async () => {
    const inv = await invoice({ amountCents: 1_000 });
    const env = await pay(inv.id, 1_000);
    if (!env.ok) throw new Error(env.error.message);
    clock.advanceMs(1000);
    const err = expectError(await tb.callRaw('invoices.update', { ...editable(env.data.invoice), amountCents: 2_000 }));
    expect(err.code).toBe('CONFLICT');
  });

  it('a duplicate external id is CONFLICT on create', async () => {
    await invoice({ externalId: 'ERP-1' });
    const err = expectError(await tb.callRaw('invoices.create', validInvoice(customerId, { externalId: 'ERP-1' })));
    expect(err.code).toBe('CONFLICT');
    expect(err.details?.fields?.[0]?.path).toBe('externalId');
  });
});
