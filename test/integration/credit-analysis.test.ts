import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CNPJS, openTestBackend, removeAllTempDirs, validCustomer, type TestBackend } from '../helpers/backend';

let tb: TestBackend;
let actor = 'ana';
let customerId: number;
const complete = { cnpjCard: true, articles: true, addressProof: true, partnerIds: true, financialStatements: true };

beforeEach(async () => {
  actor = 'ana';
  tb = openTestBackend({ actor: () => actor });
  customerId = (await tb.call('customers.create', validCustomer({ document: CNPJS[9]!, legalName: 'Cliente Novo Ltda', creditLimitCents: 0 }))).id;
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

const limitOf = (id: number) => tb.raw().prepare('SELECT credit_limit_cents FROM customers WHERE id = ?').pluck().get(id);

describe('new-customer credit analysis', () => {
  it('suggests a limit with reasons; a decision within the threshold sets the limit at once, with who and when', async () => {
    const a = await tb.call('creditAnalysis.create', {
      customerId,
      requestedLimitCents: 40_000_00,
      bureauScore: 700,
      checklist: complete,
      references: [{ company: 'Fornecedor Alfa', paysOnTime: true, highestCreditCents: 30_000_00 }],
    });
    expect(a).toMatchObject({ status: 'pending', provisionalClass: 'B', suggestedLimitCents: 30_000_00, createdBy: 'ana', secondApprovalAboveCents: 50_000_00 });
    expect(a.suggestionReasons.map((r) => r.pt)).toEqual(['score de bureau 700: classe provisória B', expect.stringMatching(/^maior crédito nas referências: R\$\s30\.000,00$/)]);

    const d = await tb.call('creditAnalysis.decide', { id: a.id, approve: true, limitCents: 30_000_00, note: 'Conforme sugestão', expectedUpdatedAt: a.updatedAt });
    expect(d).toMatchObject({ status: 'approved', decidedLimitCents: 30_000_00, decidedBy: 'ana', decidedAt: expect.any(String), decisionNote: 'Conforme sugestão' });
    expect(limitOf(customerId)).toBe(30_000_00);
  });

  it('above the threshold it waits for a second, different approver before the limit changes', async () => {
    const a = await tb.call('creditAnalysis.create', { customerId, requestedLimitCents: 120_000_00, bureauScore: 800, checklist: complete, references: [{ company: 'Alfa', paysOnTime: true, highestCreditCents: 150_000_00 }] });
    const d = await tb.call('creditAnalysis.decide', { id: a.id, approve: true, limitCents: 120_000_00, expectedUpdatedAt: a.updatedAt });
    expect(d.status).toBe('awaiting_second_approval');
    expect(limitOf(customerId)).toBe(0);

    const same = await tb.callRaw('creditAnalysis.secondApproval', { id: a.id, approve: true, expectedUpdatedAt: d.updatedAt });
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('outra pessoa') });

    actor = 'carlos';
    const s = await tb.call('creditAnalysis.secondApproval', { id: a.id, approve: true, expectedUpdatedAt: d.updatedAt });
    expect(s).toMatchObject({ status: 'approved', secondApprover: 'carlos', decidedBy: 'ana' });
    expect(limitOf(customerId)).toBe(120_000_00);
    const log = (await tb.call('activity.list', { customerId, limit: 3 })).rows.map((r) => [r.action, r.actor]);
    expect(log).toEqual([['credit_analysis.second_approved', 'carlos'], ['credit_analysis.awaiting_second_approval', 'ana'], ['credit_analysis.created', 'ana']]);
    expect((await tb.call('creditAnalysis.list', { customerId })).map((x) => x.id)).toEqual([a.id]);
  });

  it('a rejection keeps the limit; deciding twice is refused', async () => {
    const a = await tb.call('creditAnalysis.create', { customerId, requestedLimitCents: 10_000_00, checklist: { cnpjCard: true } });
    expect(a.suggestedLimitCents).toBe(0);
    const d = await tb.call('creditAnalysis.decide', { id: a.id, approve: false, limitCents: 0, note: 'Documentos pendentes', expectedUpdatedAt: a.updatedAt });
    expect(d.status).toBe('rejected');
    const again = await tb.callRaw('creditAnalysis.decide', { id: a.id, approve: true, limitCents: 1_000_00, expectedUpdatedAt: d.updatedAt });
    expect(again.ok).toBe(false);
    expect(limitOf(customerId)).toBe(0);
  });
});
