import { afterEach, describe, expect, it } from 'vitest';
import { asOfCache } from '../../electron/backend/dashboard/as-of-cache';
import { dashboardRepo } from '../../electron/backend/db/repos/dashboard.repo';
import { statementCache } from '../../electron/backend/db/statements';
import { openTestBackend, removeAllTempDirs, testClock, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

// Past figures are kept per date until data dated on or before it changes (migration 0011). Each change below is
// checked two ways: which kept figures are dropped, and that the warm backend's dashboard still equals one
// computed from scratch by a second backend opened on the same file. "Today" = 2026-11-25.

afterEach(() => removeAllTempDirs());

const SEP = '2026-09-30';
const OCT = '2026-10-31';
const YESTERDAY = '2026-11-24';
const TODAY = '2026-11-25';

async function portfolio(): Promise<{ tb: TestBackend; ids: Record<string, number> }> {
  const tb = openTestBackend({ clock: testClock() });
  const ids: Record<string, number> = {};
  ids.A = (await tb.call('customers.create', validCustomer({ legalName: 'Armazém Alfa', segment: 'Mercearia' }))).id;
  ids.B = (await tb.call('customers.create', validCustomer({ legalName: 'Botica Beta', segment: 'Farmácia' }))).id;
  const invoice = async (customer: string, issueDate: string, dueDate: string, amountCents: number) =>
    (await tb.call('invoices.create', validInvoice(ids[customer]!, { issueDate, dueDate, amountCents }))).id;
  ids.a1 = await invoice('A', '2026-08-01', '2026-08-31', 100_000);
  ids.b1 = await invoice('B', '2026-08-05', '2026-09-04', 200_000);
  ids.a2 = await invoice('A', '2026-10-01', '2026-10-20', 50_000);
  ids.b2 = await invoice('B', '2026-11-01', '2026-11-10', 70_000);
  await tb.call('payments.register', { invoiceId: ids.a1!, amountCents: 30_000, paidOn: '2026-09-10', method: 'pix' });
  return { tb, ids };
}

/** The figures as of SEP, OCT, YESTERDAY and TODAY through a cache on its own connection, counting recomputations. */
function keptFigures(tb: TestBackend) {
  const cache = asOfCache(dashboardRepo(statementCache(tb.raw())));
  const computed: string[] = [];
  const look = () => {
    cache.refresh();
    for (const date of [SEP, OCT, YESTERDAY, TODAY]) cache.get(date, date, () => computed.push(date));
  };
  look();
  computed.length = 0;
  return {
    /** The dates recomputed since the last look. */
    recomputed(): string[] {
      look();
      return computed.splice(0);
    },
  };
}

/** The whole dashboard of the warm backend equals a cold one's on the same file. */
async function expectSameAsFromScratch(tb: TestBackend): Promise<void> {
  const cold = openTestBackend({ dir: tb.dir, clock: tb.clock });
  for (const params of [{}, { segment: 'Farmácia' }, { asOf: OCT }]) {
    expect(await tb.call('dashboard.summary', params)).toEqual(await cold.call('dashboard.summary', params));
    expect(await tb.call('dashboard.trends', params)).toEqual(await cold.call('dashboard.trends', params));
  }
  cold.close();
}

/** The portfolio with the backend's caches warm (summaries and trends, of today, a segment and OCT) before a change. */
async function warmPortfolio() {
  const { tb, ids } = await portfolio();
  const kept = keptFigures(tb);
  for (const params of [{}, { segment: 'Farmácia' }, { asOf: OCT }]) {
    await tb.call('dashboard.summary', params);
    await tb.call('dashboard.trends', params);
  }
  return { tb, ids, kept, before: (await tb.call('dashboard.trends', {})).points };
}

/** After a change: the kept figures recomputed are exactly `dates`, and the dashboard equals one from scratch. */
async function expectRecomputed(tb: TestBackend, kept: ReturnType<typeof keptFigures>, dates: string[]): Promise<void> {
  expect(kept.recomputed()).toEqual(dates);
  await expectSameAsFromScratch(tb);
}

describe('past dashboard figures kept between changes', () => {
  it("a payment dated today recomputes only today's figures; the trends stay as they were and right", async () => {
    const { tb, ids, kept, before } = await warmPortfolio();
    await tb.call('payments.register', { invoiceId: ids.b1!, amountCents: 200_000, paidOn: TODAY, method: 'pix' });
    await tb.call('payments.register', { invoiceId: ids.a1!, amountCents: 10_000, paidOn: TODAY, method: 'pix' });
    await expectRecomputed(tb, kept, [TODAY]);
    expect((await tb.call('dashboard.trends', {})).points).toEqual(before);
    expect((await tb.call('dashboard.summary', {})).totals.overdueCents).toBe(50_000 + 60_000 + 70_000);
    tb.close();
  });

  it("a backdated payment changes that month's trend figure on the next call, and not the months before", async () => {
    const { tb, ids, kept, before } = await warmPortfolio();
    await tb.call('payments.register', { invoiceId: ids.b1!, amountCents: 50_000, paidOn: '2026-10-05', method: 'boleto' });
    await expectRecomputed(tb, kept, [OCT, YESTERDAY, TODAY]);
    const after = (await tb.call('dashboard.trends', {})).points;
    const oct = (points: typeof before) => points.find((p) => p.date === OCT)!;
    expect(oct(after).overdueCents).toBe(oct(before).overdueCents - 50_000);
    expect(oct(after).recoveredCents).toBe(oct(before).recoveredCents + 50_000);
    expect(after.filter((p) => p.date < '2026-10-01')).toEqual(before.filter((p) => p.date < '2026-10-01'));
    tb.close();
  });

  it('a título issued in a closed month, a due-date change and a write-off each drop the figures from their date on', async () => {
    const { tb, ids, kept } = await warmPortfolio();
    await tb.call('invoices.create', validInvoice(ids.B!, { issueDate: '2026-09-12', dueDate: '2026-09-20', amountCents: 9_000 }));
    await expectRecomputed(tb, kept, [SEP, OCT, YESTERDAY, TODAY]);

    const a2 = (await tb.call('invoices.list', { customerId: ids.A! })).rows.find((i) => i.id === ids.a2)!;
    await tb.call('invoices.update', {
      id: a2.id, expectedUpdatedAt: a2.updatedAt, documentNumber: a2.documentNumber, dueDate: '2026-11-20',
      amountCents: a2.amountCents, paymentMethod: a2.paymentMethod,
    });
    await expectRecomputed(tb, kept, [OCT, YESTERDAY, TODAY]); // issued 10-01

    await tb.call('invoices.writeOff', { id: ids.b1!, reason: 'Cliente em recuperação judicial' });
    await expectRecomputed(tb, kept, [TODAY]);
    tb.close();
  });

  it('a customer moved to another segment recomputes every date (the filtered figures change)', async () => {
    const { tb, ids, kept } = await warmPortfolio();
    const { customer } = await tb.call('customers.get', { id: ids.A! });
    const { id, createdAt: _created, updatedAt, ...fields } = customer;
    await tb.call('customers.update', { ...fields, id, expectedUpdatedAt: updatedAt, segment: 'Farmácia' });
    await expectRecomputed(tb, kept, [SEP, OCT, YESTERDAY, TODAY]);
    tb.close();
  });

  it('a status change made outside the app (another connection) is seen too', async () => {
    const { tb, ids, kept } = await warmPortfolio();
    tb.raw().prepare(`UPDATE invoices SET status = 'renegotiated', updated_at = '2026-10-15T15:00:00.000Z' WHERE id = ?`).run(ids.b1);
    await expectRecomputed(tb, kept, [OCT, YESTERDAY, TODAY]);
    tb.close();
  });
});
