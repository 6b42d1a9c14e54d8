import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_ON_DATE_SQL, HISTORY_TODAY_SQL } from '../../electron/backend/db/repos/credit.repo';
import { profileOfTags, type DemoProfile } from '../../electron/backend/demo/demo-data';
import { DEFAULT_RISK_WEIGHTS, NEUTRAL_SCORE } from '../../shared/domain/risk';
import { openTestBackend, removeAllTempDirs, testClock, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

// One seeded ~2000-customer demo portfolio (24 months of history ending 2026-11-25) shared by these tests.
let tb: TestBackend;
let profileOf: Map<number, DemoProfile>;

beforeAll(async () => {
  tb = openTestBackend();
  await tb.call('demo.load', { customers: 2000, invoices: 40_000, seed: 7 });
  const raw = new Database(tb.dbPath, { readonly: true });
  profileOf = new Map(
    (raw.prepare('SELECT id, tags FROM customers').all() as { id: number; tags: string }[]).map((r) => [r.id, profileOfTags(JSON.parse(r.tags) as string[])!]),
  );
  raw.close();
}, 60_000);
afterAll(() => {
  tb.close();
  removeAllTempDirs();
});

function scoresByProfile(): Map<DemoProfile, number[]> {
  const rows = tb.raw().prepare('SELECT customer_id AS id, score FROM credit_scores').all() as { id: number; score: number }[];
  const out = new Map<DemoProfile, number[]>();
  for (const r of rows) {
    const p = profileOf.get(r.id)!;
    out.set(p, [...(out.get(p) ?? []), r.score]);
  }
  return out;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('credit scores on the demo portfolio', () => {
  it('recompute scores every customer and the mean score orders the behaviour profiles', async () => {
    const r = await tb.call('credit.recompute', {});
    expect(r.scored).toBe(2000);
    expect(r.asOf).toBe('2026-11-25');
    expect(Object.values(r.distribution).reduce((a, b) => a + b, 0)).toBe(2000);
    const byProfile = scoresByProfile();
    const m = (p: DemoProfile) => mean(byProfile.get(p)!);
    expect(m('on_time')).toBeGreaterThan(m('sometimes_late'));
    expect(m('sometimes_late')).toBeGreaterThan(m('chronic_late'));
    expect(m('chronic_late')).toBeGreaterThan(m('defaulted'));
    expect(m('on_time') - m('defaulted')).toBeGreaterThan(400);
    const overview = await tb.call('credit.overview', {});
    expect(overview).toMatchObject({ scored: 2000, lastComputed: { asOf: '2026-11-25' }, distribution: r.distribution });
  });

  it('a customer risk card: reasons add up to the score, in pt-BR and en, with the class policy', async () => {
    const defaulted = tb
      .raw()
      .prepare(`SELECT customer_id FROM credit_scores WHERE customer_id IN (SELECT id FROM customers WHERE tags LIKE '%perfil:defaulted%') ORDER BY score LIMIT 1`)
      .pluck()
      .get() as number;
    const risk = await tb.call('credit.customer', { customerId: defaulted });
    expect(NEUTRAL_SCORE + risk.reasons.reduce((s, r) => s + r.points, 0)).toBe(risk.score);
    expect(risk.reasons[0]!.points).toBeLessThan(0);
    expect(risk.reasons[0]!.pt.length).toBeGreaterThan(5);
    expect(risk.reasons[0]!.en.length).toBeGreaterThan(5);
    expect(['D', 'E']).toContain(risk.riskClass);
    expect(risk.verdict.cashOnly).toBe(true);
    expect(risk.computedAt).not.toBeNull();
  });

  it('a bureau score enters the reasons, moves the score and is logged', async () => {
    const onTime = [...profileOf].find(([, p]) => p === 'on_time')![0];
    const before = await tb.call('credit.customer', { customerId: onTime });
    const after = await tb.call('credit.setBureauScore', { customerId: onTime, score: 50, bureau: 'Serasa', consultedOn: '2026-11-20' });
    expect(after.bureau).toMatchObject({ score: 50, bureau: 'Serasa', consultedOn: '2026-11-20', enteredBy: 'teste' });
    expect(after.reasons.find((r) => r.factor === 'bureau')).toMatchObject({ value: 50, pt: 'score de bureau 50' });
    expect(after.score).toBeLessThan(before.score);
    const stored = tb.raw().prepare('SELECT score FROM credit_scores WHERE customer_id = ?').pluck().get(onTime);
    expect(stored).toBe(after.score);
    const act = (await tb.call('activity.list', { customerId: onTime, limit: 1 })).rows[0]!;
    expect(act).toMatchObject({ action: 'credit.bureau_score', details: { bureau: 'Serasa', score: 50 } });
  });

  it('a future bureau consultation date is refused with a message naming the field', async () => {
    const env = await tb.callRaw('credit.setBureauScore', { customerId: 1, score: 500, bureau: 'Serasa', consultedOn: '2026-12-01' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toContain('bureau não pode ser futura');
  });

  it('previewing weights changes the distribution without saving; saving rescores the stored scores', async () => {
    const before = await tb.call('credit.overview', {});
    const strict = { ...DEFAULT_RISK_WEIGHTS, classFloors: { A: 950, B: 900, C: 850, D: 800 } };
    const preview = await tb.call('credit.previewWeights', { weights: strict });
    expect(preview.current).toEqual(before.distribution);
    expect(preview.draft.E).toBeGreaterThan(before.distribution.E);
    expect((await tb.call('credit.overview', {})).distribution).toEqual(before.distribution);

    const saved = await tb.call('credit.saveWeights', { weights: strict });
    expect(saved.distribution).toEqual(preview.draft);
    expect(saved.weights.classFloors.A).toBe(950);
    await tb.call('credit.saveWeights', { weights: DEFAULT_RISK_WEIGHTS });
    expect((await tb.call('credit.overview', {})).distribution).toEqual(before.distribution);
  });

  it('weights with class floors out of order are refused', async () => {
    const env = await tb.callRaw('credit.previewWeights', { weights: { ...DEFAULT_RISK_WEIGHTS, classFloors: { A: 500, B: 600, C: 400, D: 300 } } });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toContain('pisos das classes');
  });
});

describe('back-test', () => {
  it('scores everyone as of 6 months ago and separates who went 90+ days late afterwards', async () => {
    const bt = await tb.call('credit.backtest', {});
    expect(bt.asOf).toBe('2026-05-25');
    expect(bt.horizonEnd).toBe('2026-11-25');
    expect(bt.bads).toBeGreaterThan(20);
    expect(bt.population).toBeGreaterThan(1000);
    expect(bt.auc!).toBeGreaterThan(0.75);
    expect(bt.ks!).toBeGreaterThan(0.3);
    expect(bt.deciles).toHaveLength(10);
    expect(bt.deciles.reduce((s, d) => s + d.count, 0)).toBe(bt.population);
    // The riskiest decile holds far more bads than the safest.
    expect(bt.deciles[0]!.badRate).toBeGreaterThan(5 * bt.deciles[9]!.badRate);
  });

  it('uses only what was known then: payments after the date do not change the as-of-then score', async () => {
    const a = await tb.call('credit.backtest', { asOf: '2026-03-01', horizonMonths: 6 });
    const raw = tb.raw();
    // Pay off every seventh open título on 2026-11-20 (after the back-test date and horizon start), as a payment does.
    raw.exec(`INSERT INTO payments (invoice_id, paid_on, amount_cents, method, source, created_at, created_by)
      SELECT id, '2026-11-20', amount_cents - paid_cents, 'pix', 'manual', '2026-11-20T12:00:00Z', 'teste' FROM invoices WHERE amount_cents > paid_cents AND status IN ('open', 'partial') AND id % 7 = 0;
      UPDATE invoices SET paid_cents = amount_cents, status = 'paid', updated_at = '2026-11-20T12:00:00Z' WHERE status IN ('open', 'partial') AND id % 7 = 0;`);
    const b = await tb.call('credit.backtest', { asOf: '2026-03-01', horizonMonths: 6 });
    expect(b.deciles.map((d) => [d.minScore, d.maxScore])).toEqual(a.deciles.map((d) => [d.minScore, d.maxScore]));
    expect(b.population).toBe(a.population);
  });

  it("today's history read from the títulos' maintained balances equals the one rebuilt from their payments", async () => {
    const raw = tb.raw();
    const statuses = raw.prepare('SELECT DISTINCT status FROM invoices').pluck().all();
    expect(statuses).toEqual(expect.arrayContaining(['open', 'partial', 'paid', 'disputed', 'written_off', 'renegotiated']));
    const params = { asOf: '2026-11-25', recentFrom: '2026-05-25' };
    const today = raw.prepare(HISTORY_TODAY_SQL).all(params);
    expect(today.length).toBeGreaterThan(1900);
    expect(today).toEqual(raw.prepare(HISTORY_ON_DATE_SQL).all(params));
  });

  it('a date too recent for the horizon is refused', async () => {
    const env = await tb.callRaw('credit.backtest', { asOf: '2026-09-01', horizonMonths: 6 });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('VALIDATION');
  });
});

describe("today's history at the end of the business day", () => {
  it('a dispute opened at 22:30 in São Paulo (already the next day in UTC) counts on that day in both histories', async () => {
    const late = openTestBackend({ clock: testClock('2026-11-26T01:30:00.000Z') });
    try {
      const c = await late.call('customers.create', validCustomer());
      const due = await late.call('invoices.create', validInvoice(c.id, { issueDate: '2026-10-01', dueDate: '2026-11-01' }));
      await late.call('invoices.create', validInvoice(c.id, { issueDate: '2026-10-01', dueDate: '2026-11-10', documentNumber: 'NF-2' }));
      await late.call('disputes.open', { invoiceId: due.id, reason: 'Mercadoria avariada na entrega' });
      const params = { asOf: '2026-11-25', recentFrom: '2026-05-25' };
      const raw = late.raw();
      const today = raw.prepare(HISTORY_TODAY_SQL).all(params);
      expect(today).toMatchObject([{ customerId: c.id, openDisputes: 1, maturedCount: 1 }]);
      expect(raw.prepare(HISTORY_ON_DATE_SQL).all(params)).toEqual(today);
    } finally {
      late.close();
    }
  });
});
