import { afterEach, describe, expect, it } from 'vitest';
import type { AgingBucketKey } from '../../shared/domain/aging';
import type { DashboardSummary } from '../../shared/ipc/dashboard.contract';
import { expectError, openTestBackend, removeAllTempDirs, testClock, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

// One small portfolio built event by event with the clock moving forward (as a clerk would), figures checked by
// hand to the centavo. Checkpoint X = 2026-09-30; "today" = 2026-11-25.

afterEach(() => removeAllTempDirs());

type Step = (tb: TestBackend, ids: Record<string, number>) => Promise<void>;
interface Event {
  on: string;
  run: Step;
}

const invoice = (key: string, customer: string, issueDate: string, dueDate: string, amountCents: number): Step => async (tb, ids) => {
  ids[key] = (await tb.call('invoices.create', validInvoice(ids[customer]!, { issueDate, dueDate, amountCents, documentNumber: key }))).id;
};
const pay = (key: string, amountCents: number, paidOn: string): Step => async (tb, ids) => {
  await tb.call('payments.register', { invoiceId: ids[key]!, amountCents, paidOn, method: 'pix' });
};
const writeOff = (key: string): Step => async (tb, ids) => {
  await tb.call('invoices.writeOff', { id: ids[key]!, reason: 'Cliente em recuperação judicial' });
};

const EVENTS: Event[] = [
  { on: '2026-08-01', run: invoice('a1', 'A', '2026-08-01', '2026-08-31', 100_000) },
  { on: '2026-08-05', run: invoice('b1', 'B', '2026-08-05', '2026-09-04', 200_000) },
  { on: '2026-08-10', run: invoice('c1', 'C', '2026-08-10', '2026-10-09', 50_000) },
  { on: '2026-09-10', run: pay('a1', 30_000, '2026-09-10') },
  { on: '2026-09-15', run: invoice('a2', 'A', '2026-09-15', '2026-10-15', 80_000) },
  { on: '2026-09-20', run: invoice('b2', 'B', '2026-09-20', '2026-09-25', 40_000) },
  { on: '2026-09-28', run: pay('b2', 40_000, '2026-09-28') },
  // ---- X = 2026-09-30
  { on: '2026-10-05', run: pay('a1', 70_000, '2026-10-05') },
  { on: '2026-10-10', run: writeOff('b1') },
  { on: '2026-10-20', run: invoice('c2', 'C', '2026-10-20', '2026-11-19', 60_000) },
  { on: '2026-11-03', run: pay('c1', 20_000, '2026-11-03') },
  { on: '2026-11-10', run: invoice('a3', 'A', '2026-11-10', '2026-12-10', 90_000) },
];

/** A backend whose history is EVENTS up to `until` (inclusive), with the clock left on `until`. */
async function buildPortfolio(until: string): Promise<{ tb: TestBackend; ids: Record<string, number> }> {
  const clock = testClock('2026-08-01T15:00:00.000Z');
  const tb = openTestBackend({ clock });
  const ids: Record<string, number> = {};
  ids.A = (await tb.call('customers.create', validCustomer({ legalName: 'Armazém Alfa', segment: 'Mercearia', salesRep: 'Ana', address: { uf: 'SP' } }))).id;
  ids.B = (await tb.call('customers.create', validCustomer({ legalName: 'Botica Beta', segment: 'Farmácia', salesRep: 'Bruno', address: { uf: 'MG' } }))).id;
  ids.C = (await tb.call('customers.create', validCustomer({ legalName: 'Casa Gama', segment: 'Mercearia', salesRep: 'Ana', address: { uf: 'RJ' } }))).id;
  for (const e of EVENTS) {
    if (e.on > until) break;
    clock.set(`${e.on}T15:00:00.000Z`);
    await e.run(tb, ids);
  }
  clock.set(`${until}T15:00:00.000Z`);
  return { tb, ids };
}

function aging(s: DashboardSummary): Partial<Record<AgingBucketKey, { amountCents: number; count: number; customerCount: number }>> {
  return Object.fromEntries(
    s.aging.filter((b) => b.count > 0 || b.customerCount > 0).map((b) => [b.key, { amountCents: b.amountCents, count: b.count, customerCount: b.customerCount }]),
  );
}

describe('dashboard.summary on a hand-built portfolio', () => {
  it('today (2026-11-25): balances, aging, month KPIs, top debtors and breakdowns to the centavo', async () => {
    const { tb, ids } = await buildPortfolio('2026-11-25');
    const s = await tb.call('dashboard.summary', {});
    expect(s.asOf).toBe('2026-11-25');
    expect(s.monthStart).toBe('2026-10-31');
    // c1 30.000 (47 d) + a2 80.000 (41 d) overdue 31–60; c2 60.000 (6 d) 1–15; a3 90.000 a vencer.
    expect(s.totals).toMatchObject({ openCents: 260_000, overdueCents: 170_000, openCount: 4, overdueCount: 3, customerCount: 2 });
    expect(s.totals.delinquencyByValue).toBeCloseTo(170_000 / 260_000, 12);
    expect(s.totals.delinquencyByCount).toBeCloseTo(3 / 4, 12);
    expect(aging(s)).toEqual({
      current: { amountCents: 90_000, count: 1, customerCount: 0 },
      d1_15: { amountCents: 60_000, count: 1, customerCount: 0 },
      d31_60: { amountCents: 110_000, count: 2, customerCount: 2 },
    });
    expect(s.aging.find((b) => b.key === 'd31_60')!.share).toBeCloseTo(110_000 / 260_000, 12);
    // Open on 10-31: c1 50.000 + a2 80.000 overdue, c2 60.000 a vencer. c1 paid 20.000 on 11-03.
    expect(s.totals.overdueAtMonthStartCents).toBe(130_000);
    expect(s.totals.recoveredCents).toBe(20_000);
    expect(s.totals.recoveryRate).toBeCloseTo(20_000 / 130_000, 12);
    expect(s.totals.creditSalesCents).toBe(90_000);
    // CEI = (190.000 + 90.000 − 260.000) ÷ (190.000 + 90.000 − 90.000)
    expect(s.totals.cei).toBeCloseTo((20_000 / 190_000) * 100, 10);
    // DSO: sales issued after 08-27 = a2 + b2 + c2 + a3 = 270.000
    expect(s.totals.dso).toBeCloseTo((260_000 / 270_000) * 90, 10);
    // Realised PMR over títulos settled since 08-27: a1 100.000 in 65 d, b2 40.000 in 8 d (b1 written off, c1 partial)
    expect(s.totals.realisedPmr).toBeCloseTo(6_820_000 / 140_000, 10);
    expect(s.topDebtors.map((d) => [d.customerId, d.overdueCents, d.openCents, d.oldestOverdueDays])).toEqual([
      [ids.C, 90_000, 90_000, 47],
      [ids.A, 80_000, 170_000, 41],
    ]);
    expect(s.breakdowns.segment).toEqual([{ key: 'Mercearia', openCents: 260_000, overdueCents: 170_000, customerCount: 2, delinquencyByValue: 170_000 / 260_000 }]);
    expect(s.breakdowns.uf.map((r) => [r.key, r.overdueCents])).toEqual([
      ['RJ', 90_000],
      ['SP', 80_000],
    ]);
    tb.close();
  });

  it('as of a past date counts payments up to it, títulos issued by it and write-offs after it as open', async () => {
    const { tb } = await buildPortfolio('2026-11-25');
    const s = await tb.call('dashboard.summary', { asOf: '2026-09-30' });
    // a1 70.000 (after a 30.000 partial) 30 d + b1 200.000 (written off only on 10-10) 26 d; c1, a2 a vencer.
    expect(s.totals).toMatchObject({ openCents: 400_000, overdueCents: 270_000, openCount: 4, overdueCount: 2, customerCount: 3 });
    expect(aging(s)).toEqual({
      current: { amountCents: 130_000, count: 2, customerCount: 1 },
      d16_30: { amountCents: 270_000, count: 2, customerCount: 2 },
    });
    expect(s.totals.recoveryRate).toBeNull(); // nothing was overdue on 08-31
    expect(s.totals.cei).toBeCloseTo((70_000 / 340_000) * 100, 10);
    expect(s.totals.dso).toBeCloseTo((400_000 / 470_000) * 90, 10);
    expect(s.totals.realisedPmr).toBe(8); // only b2 was settled by then

    const farmacia = await tb.call('dashboard.summary', { asOf: '2026-09-30', segment: 'Farmácia' });
    expect(farmacia.totals).toMatchObject({ openCents: 200_000, overdueCents: 200_000, customerCount: 1 });
    expect(farmacia.topDebtors.map((d) => d.legalName)).toEqual(['Botica Beta']);
    tb.close();
  });

  it('recomputes after a write-off or a customer edit, and not after a contact is added', async () => {
    const { tb, ids } = await buildPortfolio('2026-11-25');
    const before = await tb.call('dashboard.summary', {});
    await tb.call('contacts.create', { customerId: ids.A!, name: 'Financeiro', email: 'fin@alfa.com.br' });
    expect(await tb.call('dashboard.summary', {})).toBe(before); // the cached object itself
    await tb.call('invoices.writeOff', { id: ids.c2!, reason: 'Acordo judicial' });
    expect((await tb.call('dashboard.summary', {})).totals.openCents).toBe(before.totals.openCents - 60_000);

    const alfa = (await tb.call('customers.get', { id: ids.A! })).customer;
    const { id, createdAt: _c, updatedAt, ...fields } = alfa;
    await tb.call('customers.update', { ...fields, id, expectedUpdatedAt: updatedAt, segment: 'Atacado' });
    expect((await tb.call('dashboard.summary', { segment: 'Atacado' })).totals.openCents).toBe(170_000);
    tb.close();
  });

  it('refuses a future as-of date with a message naming the field', async () => {
    const { tb } = await buildPortfolio('2026-08-01');
    const err = expectError(await tb.callRaw('dashboard.summary', { asOf: '2026-08-02' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('futuro');
    expect(err.details?.fields?.[0]?.path).toBe('asOf');
    tb.close();
  });
});

describe('dashboard.trends', () => {
  it('each month-end equals the summary as of that date, and the summary of a database built only up to it', async () => {
    const { tb: full } = await buildPortfolio('2026-11-25');
    const trends = await full.call('dashboard.trends', {});
    expect(trends.points.map((p) => p.date)).toEqual([
      '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30',
      '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31',
    ]);
    const sep = trends.points.find((p) => p.date === '2026-09-30')!;
    const oct = trends.points.find((p) => p.date === '2026-10-31')!;

    const summarySep = await full.call('dashboard.summary', { asOf: '2026-09-30' });
    const { tb: upToSep } = await buildPortfolio('2026-09-30');
    const builtSep = await upToSep.call('dashboard.summary', {});
    expect(builtSep).toEqual(summarySep);
    for (const s of [summarySep, builtSep]) {
      expect(sep.overdueCents).toBe(s.totals.overdueCents);
      expect(sep.openCents).toBe(s.totals.openCents);
      expect(sep.delinquencyByValue).toBe(s.totals.delinquencyByValue);
      expect(sep.recoveredCents).toBe(s.totals.recoveredCents);
    }
    expect(sep).toMatchObject({ openCents: 400_000, overdueCents: 270_000, recoveredCents: 0 });

    // October: a1's 70.000 on 10-05 recovers a título overdue on 09-30; b1's write-off is not a recovery.
    const summaryOct = await full.call('dashboard.summary', { asOf: '2026-10-31' });
    expect(oct).toMatchObject({ openCents: 190_000, overdueCents: 130_000, recoveredCents: 70_000 });
    expect(oct.recoveredCents).toBe(summaryOct.totals.recoveredCents);
    expect(oct.recoveryRate).toBeCloseTo(70_000 / 270_000, 12);
    // On 09-30: a vencer = c1 + a2 (130.000), both still open on 10-31; 16–30 = a1 + b1 (270.000), both gone.
    expect(oct.rollRates.current).toBe(1);
    expect(oct.rollRates.d16_30).toBe(0);
    expect(oct.rollRates.d31_60).toBeNull();
    expect(trends.points[0]).toMatchObject({ openCents: 0, overdueCents: 0, delinquencyByValue: null });
    upToSep.close();
    full.close();
  });

  it('a renegotiated título is open until the business date it was renegotiated', async () => {
    const { tb, ids } = await buildPortfolio('2026-11-25');
    // No service renegotiates yet: mark c2 as the negotiation feature will, at 02:00 UTC on 11-21 (23:00 of 11-20 in São Paulo).
    tb.raw().prepare(`UPDATE invoices SET status = 'renegotiated', updated_at = '2026-11-21T02:00:00.000Z' WHERE id = ?`).run(ids.c2);
    const before = await tb.call('dashboard.summary', { asOf: '2026-11-19' });
    const on = await tb.call('dashboard.summary', { asOf: '2026-11-20' });
    expect(before.totals.openCents - on.totals.openCents).toBe(60_000);
    expect((await tb.call('dashboard.summary', {})).totals.openCents).toBe(200_000);
    tb.close();
  });
});
