import { afterEach, describe, expect, it } from 'vitest';
import { expectError, openTestBackend, removeAllTempDirs, testClock, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

afterEach(() => removeAllTempDirs());

function at(clock: ReturnType<typeof testClock>, day: string) {
  clock.set(`${day}T15:00:00.000Z`);
}

describe('cash obligations', () => {
  it('create, list, update with the version check, delete; every change is logged', async () => {
    const tb = openTestBackend();
    const created = await tb.call('obligations.create', { description: 'Folha de novembro', category: 'payroll', dueDate: '2026-12-05', amountCents: 4_500_000 });
    expect(created).toMatchObject({ description: 'Folha de novembro', category: 'payroll', dueDate: '2026-12-05', amountCents: 4_500_000 });
    expect(await tb.call('obligations.list', {})).toEqual([created]);

    const updated = await tb.call('obligations.update', { id: created.id, expectedUpdatedAt: created.updatedAt, description: 'Folha de novembro + 13º', category: 'payroll', dueDate: '2026-12-05', amountCents: 6_000_000 });
    expect(updated.amountCents).toBe(6_000_000);
    const stale = expectError(await tb.callRaw('obligations.update', { id: created.id, expectedUpdatedAt: 'older', description: 'x', category: 'payroll', dueDate: '2026-12-05', amountCents: 1 }));
    expect(stale.code).toBe('CONFLICT');

    await tb.call('obligations.delete', { id: created.id });
    expect(await tb.call('obligations.list', {})).toEqual([]);
    expect(expectError(await tb.callRaw('obligations.delete', { id: created.id })).code).toBe('NOT_FOUND');
    const actions = tb.raw().prepare(`SELECT action FROM activity_log WHERE action LIKE 'obligation.%' ORDER BY id`).pluck().all();
    expect(actions).toEqual(['obligation.created', 'obligation.updated', 'obligation.deleted']);
    expect(tb.events.filter((e) => e.name === 'data.changed').length).toBe(3);
    tb.close();
  });

  it('refuses an obligation without description, with a bad category or a zero amount, naming the fields', async () => {
    const tb = openTestBackend();
    const err = expectError(await tb.callRaw('obligations.create', { description: ' ', category: 'rent', dueDate: '2026-12-05', amountCents: 0 }));
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.fields?.map((f) => f.path).sort()).toEqual(['amountCents', 'category', 'description']);
    expect(err.details?.fields?.find((f) => f.path === 'description')?.message).toBe('Informe a descrição da obrigação');
    tb.close();
  });
});

describe('dashboard.cashForecast', () => {
  it('shifts open títulos by the customer\'s paid delay, discounts its default share and flags uncovered weeks', async () => {
    const clock = testClock('2026-05-01T15:00:00.000Z');
    const tb: TestBackend = openTestBackend({ clock });
    const late = (await tb.call('customers.create', validCustomer({ legalName: 'Atrasa Dez Dias' }))).id;
    const fresh = (await tb.call('customers.create', validCustomer({ legalName: 'Cliente Novo' }))).id;
    // History (due 2026-06-01, inside the year-to-90-days window): 100.000 paid 10 days late, 100.000 written off.
    const paid = await tb.call('invoices.create', validInvoice(late, { issueDate: '2026-05-01', dueDate: '2026-06-01', amountCents: 100_000 }));
    const lost = await tb.call('invoices.create', validInvoice(late, { issueDate: '2026-05-01', dueDate: '2026-06-01', amountCents: 100_000 }));
    at(clock, '2026-06-11');
    await tb.call('payments.register', { invoiceId: paid.id, amountCents: 100_000, paidOn: '2026-06-11', method: 'boleto' });
    at(clock, '2026-07-01');
    await tb.call('invoices.writeOff', { id: lost.id, reason: 'Falência decretada' });
    at(clock, '2026-10-28');
    // Open: late customer's 50.000 due 11-28 → expected 12-08 (week 2), worth 50 % = 25.000.
    await tb.call('invoices.create', validInvoice(late, { issueDate: '2026-10-28', dueDate: '2026-11-28', amountCents: 50_000 }));
    // No history: 12.345 due 11-26 counts in full in week 1.
    await tb.call('invoices.create', validInvoice(fresh, { issueDate: '2026-10-28', dueDate: '2026-11-26', amountCents: 12_345 }));
    at(clock, '2026-11-25');
    await tb.call('obligations.create', { description: 'Fornecedor Alfa', category: 'supplier', dueDate: '2026-12-03', amountCents: 30_000 });
    await tb.call('obligations.create', { description: 'DARF', category: 'tax', dueDate: '2026-11-20', amountCents: 99_999 }); // past: not in the plan

    const f = await tb.call('dashboard.cashForecast', {});
    expect(f.asOf).toBe('2026-11-25');
    expect(f.customersWithHistory).toBe(1);
    expect(f.weeks).toHaveLength(8);
    expect(f.weeks[0]).toMatchObject({ start: '2026-11-25', end: '2026-12-01', scheduledCents: 12_345, expectedCents: 12_345, obligationsCents: 0, shortfall: false });
    expect(f.weeks[1]).toMatchObject({ start: '2026-12-02', scheduledCents: 50_000, expectedCents: 25_000, obligationsCents: 30_000, netCents: -5_000, shortfall: true });
    expect(f.obligations.map((o) => o.description)).toEqual(['Fornecedor Alfa']);
    tb.close();
  });
});
