import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CNPJS, expectError, openTestBackend, removeAllTempDirs, validCustomer, type TestBackend } from '../helpers/backend';

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

  it('above the threshold it waits for a second approver: a different supervisor or admin, by login and password', async () => {
    const carlos = await tb.call('users.create', { name: 'Carlos Comitê', login: 'carlos', role: 'supervisor', password: 'senha-do-carlos' });
    await tb.call('users.create', { name: 'Bia Atendente', login: 'bia', role: 'clerk', password: 'senha-da-bia' });
    const a = await tb.call('creditAnalysis.create', { customerId, requestedLimitCents: 120_000_00, bureauScore: 800, checklist: complete, references: [{ company: 'Alfa', paysOnTime: true, highestCreditCents: 150_000_00 }] });
    const d = await tb.call('creditAnalysis.decide', { id: a.id, approve: true, limitCents: 120_000_00, expectedUpdatedAt: a.updatedAt });
    expect(d.status).toBe('awaiting_second_approval');
    expect(limitOf(customerId)).toBe(0);
    const second = (approval: { login: string; password: string } | null) => tb.callRaw('creditAnalysis.secondApproval', { id: a.id, approve: true, expectedUpdatedAt: d.updatedAt, approval });

    // Nobody qualified at the screen, a clerk, or a wrong password: refused, naming the field, nothing written.
    expect(expectError(await second(null))).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval.login' }] } });
    expect(expectError(await second({ login: 'bia', password: 'senha-da-bia' }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('"bia" é atendente') });
    expect(expectError(await second({ login: 'carlos', password: 'errada' }))).toMatchObject({ code: 'VALIDATION', message: 'Segunda aprovação: login ou senha incorretos.' });
    expect(limitOf(customerId)).toBe(0);
    expect((await tb.call('creditAnalysis.list', { customerId }))[0]!.status).toBe('awaiting_second_approval');

    const s = await tb.call('creditAnalysis.secondApproval', { id: a.id, approve: true, expectedUpdatedAt: d.updatedAt, approval: { login: 'carlos', password: 'senha-do-carlos' } });
    expect(s).toMatchObject({ status: 'approved', secondApprover: 'Carlos Comitê', secondApproverUserId: carlos.id, decidedBy: 'ana' });
    expect(limitOf(customerId)).toBe(120_000_00);
    const log = (await tb.call('activity.list', { customerId, limit: 3 })).rows.map((r) => [r.action, r.actor, r.details.approvedBy]);
    expect(log).toEqual([['credit_analysis.second_approved', 'ana', 'Carlos Comitê'], ['credit_analysis.awaiting_second_approval', 'ana', undefined], ['credit_analysis.created', 'ana', undefined]]);
    expect((await tb.call('creditAnalysis.list', { customerId })).map((x) => x.id)).toEqual([a.id]);
  });

  it('the supervisor who decided cannot be the second approver; another logged-in supervisor approves without typing a password', async () => {
    await tb.call('users.create', { name: 'Carlos Comitê', login: 'carlos', role: 'supervisor', password: 'senha-do-carlos' });
    const rui = await tb.call('users.create', { name: 'Rui Admin', login: 'rui', role: 'admin', password: 'senha-do-rui' });
    await tb.call('users.login', { login: 'carlos', password: 'senha-do-carlos' });
    const a = await tb.call('creditAnalysis.create', { customerId, requestedLimitCents: 90_000_00, bureauScore: 800, checklist: complete });
    const d = await tb.call('creditAnalysis.decide', { id: a.id, approve: true, limitCents: 90_000_00, expectedUpdatedAt: a.updatedAt });
    expect(d).toMatchObject({ status: 'awaiting_second_approval', decidedBy: 'Carlos Comitê' });
    const own = expectError(await tb.callRaw('creditAnalysis.secondApproval', { id: a.id, approve: true, expectedUpdatedAt: d.updatedAt }));
    expect(own.code).toBe('FORBIDDEN');
    const ownTyped = expectError(await tb.callRaw('creditAnalysis.secondApproval', { id: a.id, approve: true, expectedUpdatedAt: d.updatedAt, approval: { login: 'carlos', password: 'senha-do-carlos' } }));
    expect(ownTyped).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('outra pessoa') });
    expect(limitOf(customerId)).toBe(0);

    await tb.call('users.login', { login: 'rui', password: 'senha-do-rui' });
    const s = await tb.call('creditAnalysis.secondApproval', { id: a.id, approve: true, expectedUpdatedAt: d.updatedAt });
    expect(s).toMatchObject({ status: 'approved', secondApprover: 'Rui Admin', secondApproverUserId: rui.id });
    expect(limitOf(customerId)).toBe(90_000_00);
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
