import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { negotiationReviewJob } from '../../electron/backend/negotiation/negotiation.jobs';
import type { InvoiceRow } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { AgreementDetail } from '../../shared/ipc/negotiation.contract';
import type { Params } from '../../shared/ipc/schemas';
import { AS_OF, expectError, minusDays, openTestBackend, removeAllTempDirs, testClock, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

let tb: TestBackend;
let clock: ReturnType<typeof testClock>;
let customerId: number;

beforeEach(async () => {
  clock = testClock();
  tb = openTestBackend({ clock });
  customerId = (await tb.call('customers.create', validCustomer({ legalName: 'Devedora Ltda' }))).id;
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

const SUPERVISOR_PASSWORD = 'senha-da-marta';
const CLERK_PASSWORD = 'senha-do-caio';
/** A real supervisor's credentials, as typed on the clerk's screen. */
async function supervisorApproval(): Promise<{ login: string; password: string }> {
  await tb.call('users.create', { name: 'Marta Supervisora', login: 'marta', role: 'supervisor', password: SUPERVISOR_PASSWORD });
  return { login: 'marta', password: SUPERVISOR_PASSWORD };
}

/** R$ 10.000,00 due 45 days before the as-of date: DOMAIN.md's example → 10.350,00 updated. */
async function invoice(overrides: Partial<Params<'invoices.create'>> = {}): Promise<InvoiceRow> {
  return tb.call('invoices.create', validInvoice(customerId, { amountCents: 1_000_000, dueDate: minusDays(AS_OF, 45), ...overrides }));
}
function daysAfter(iso: string, n: number) {
  return minusDays(iso, -n);
}
function sixInstallments(overrides: Record<string, unknown> = {}): Params<'agreements.create'>['offer'] {
  return {
    kind: 'installments',
    waiveInterest: true,
    downPaymentCents: 200_000,
    downPaymentDate: AS_OF,
    installmentCount: 6,
    interval: { unit: 'months' },
    monthlyRateBp: 100,
    firstDueDate: daysAfter(AS_OF, 30),
    ...overrides,
  } as Params<'agreements.create'>['offer'];
}
function rawInvoices() {
  return tb.raw().prepare('SELECT id, document_number, status, amount_cents, paid_cents, due_date, write_off_reason FROM invoices ORDER BY id').all() as {
    id: number;
    document_number: string;
    status: string;
    amount_cents: number;
    paid_cents: number;
    due_date: string;
    write_off_reason: string | null;
  }[];
}
function count(table: string): number {
  return tb.raw().prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}
/** Sets the clock to noon in São Paulo on `iso`. */
function setToday(iso: string) {
  clock.set(`${iso}T15:00:00.000Z`);
}

describe('negotiation.simulate', () => {
  it('updates each título (DOMAIN.md example) and evaluates offers without writing anything', async () => {
    const a = await invoice();
    const b = await invoice({ amountCents: 50_000, dueDate: daysAfter(AS_OF, 10) });
    const before = { invoices: rawInvoices(), activity: count('activity_log') };
    const sim = await tb.call('negotiation.simulate', {
      customerId,
      invoiceIds: [a.id, b.id],
      asOf: AS_OF,
      offers: [{ kind: 'cash', waiveInterest: true, dueDate: AS_OF }, sixInstallments({ downPaymentCents: 0, installmentCount: 10 })],
    });
    expect(sim.lines.map((l) => [l.documentNumber, l.daysLate, l.fineCents, l.interestCents, l.totalCents])).toEqual([
      [a.documentNumber, 45, 20_000, 15_000, 1_035_000],
      [b.documentNumber, 0, 0, 0, 50_000],
    ]);
    expect(sim.totals.totalCents).toBe(1_085_000);
    const [cash, inst] = sim.offers;
    if (!cash?.ok || !inst?.ok) throw new Error('offers should evaluate');
    expect(cash.result.totalToPayCents).toBe(1_070_000);
    expect(cash.policy.needsApproval).toBe(false);
    expect(inst.policy.reasons).toEqual(['10 parcelas acima do limite de 6', 'Entrada de 0% abaixo do mínimo de 10%']);
    expect(inst.beyondSupervisor.needsApproval).toBe(false);
    expect(rawInvoices()).toEqual(before.invoices);
    expect(count('activity_log')).toBe(before.activity);
  });

  it('names the offer field a clerk must fix and refuses a past as-of date or a disputed título', async () => {
    const a = await invoice();
    const sim = await tb.call('negotiation.simulate', { customerId, invoiceIds: [a.id], asOf: AS_OF, offers: [sixInstallments({ downPaymentCents: 2_000_000 })] });
    expect(sim.offers[0]).toMatchObject({ ok: false, field: 'downPaymentCents' });
    const past = expectError(await tb.callRaw('negotiation.simulate', { customerId, invoiceIds: [a.id], asOf: minusDays(AS_OF, 1) }));
    expect(past).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'asOf' }] } });
    await tb.call('disputes.open', { invoiceId: a.id, reason: 'Mercadoria avariada' });
    const disputed = expectError(await tb.callRaw('negotiation.simulate', { customerId, invoiceIds: [a.id], asOf: AS_OF }));
    expect(disputed.code).toBe('CONFLICT');
    expect(disputed.message).toContain('contestado');
  });
});

describe('agreements.create', () => {
  it('one transaction: originals renegotiated and linked, installment títulos that sum exactly, activity logged', async () => {
    const a = await invoice();
    const b = await invoice({ amountCents: 250_000, dueDate: minusDays(AS_OF, 10) });
    const detail = await tb.call('agreements.create', { customerId, invoiceIds: [a.id, b.id], asOf: AS_OF, offer: sixInstallments() });

    expect(detail).toMatchObject({ status: 'active', customerId, offerKind: 'installments', installmentCount: 7, approvedBy: null, paidCents: 0 });
    expect(detail.originals.map((o) => [o.invoiceId, o.statusBefore])).toEqual([
      [a.id, 'open'],
      [b.id, 'open'],
    ]);
    const docs = detail.installments.map((i) => i.documentNumber);
    expect(docs).toEqual([`ACD-${detail.id}-ENT`, ...[1, 2, 3, 4, 5, 6].map((n) => `ACD-${detail.id}-0${n}/06`)]);
    expect(detail.installments.map((i) => i.pixTxid)).toEqual([`ACDENT${detail.id}`, ...[1, 2, 3, 4, 5, 6].map((n) => `ACD${detail.id}P${n}`)]);
    const sum = detail.installments.reduce((s, i) => s + i.amountCents, 0);
    expect(sum).toBe(detail.totalToPayCents);
    expect(detail.installments.reduce((s, i) => s + i.principalCents, 0)).toBe(detail.negotiatedCents);

    const inv = rawInvoices();
    expect(inv.filter((r) => r.id === a.id || r.id === b.id).map((r) => r.status)).toEqual(['renegotiated', 'renegotiated']);
    const newOnes = inv.filter((r) => r.document_number.startsWith(`ACD-${detail.id}-`));
    expect(newOnes).toHaveLength(7);
    expect(newOnes.every((r) => r.status === 'open')).toBe(true);
    expect(newOnes.reduce((s, r) => s + r.amount_cents, 0)).toBe(detail.totalToPayCents);

    // The customer now owes the agreement, not the originals (no double count).
    const balance = (await tb.call('customers.get', { id: customerId })).balance;
    expect(balance.openCents).toBe(detail.totalToPayCents);
    const actions = (await tb.call('activity.list', { customerId, limit: 10 })).rows.map((r) => r.action);
    expect(actions.slice(0, 3)).toEqual(['agreement.created', 'invoice.renegotiated', 'invoice.renegotiated']);
    expect(await tb.call('agreements.list', { customerId })).toHaveLength(1);
  });

  it('beyond the clerk limits it needs a real supervisor typing login and password; beyond the supervisor it is refused', async () => {
    const supervisor = await tb.call('users.create', { name: 'Marta Supervisora', login: 'marta', role: 'supervisor', password: SUPERVISOR_PASSWORD });
    await tb.call('users.create', { name: 'Caio Atendente', login: 'caio', role: 'clerk', password: CLERK_PASSWORD });
    const a = await invoice();
    const tooMany = sixInstallments({ installmentCount: 10 });
    const create = (approval: Params<'agreements.create'>['approval'], offer = tooMany) => tb.callRaw('agreements.create', { customerId, invoiceIds: [a.id], asOf: AS_OF, offer, approval });
    const before = { invoices: rawInvoices(), activity: count('activity_log') };
    const nothingWritten = () => {
      expect(count('agreements')).toBe(0);
      expect(rawInvoices()).toEqual(before.invoices);
      expect(count('activity_log')).toBe(before.activity);
    };

    const refused = expectError(await create(null));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { needsApproval: true } });
    expect(refused.message).toContain('10 parcelas acima do limite de 6');
    nothingWritten();

    const wrong = expectError(await create({ login: 'marta', password: 'senha-errada' }));
    expect(wrong).toMatchObject({ code: 'VALIDATION', message: 'Aprovação do supervisor: login ou senha incorretos.', details: { fields: [{ path: 'approval.password' }] } });
    const unknown = expectError(await create({ login: 'ninguem', password: SUPERVISOR_PASSWORD }));
    expect(unknown.message).toBe(wrong.message);
    const byClerk = expectError(await create({ login: 'caio', password: CLERK_PASSWORD }));
    expect(byClerk).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('"caio" é atendente; só um supervisor ou administrador pode aprovar'), details: { fields: [{ path: 'approval.login' }] } });
    nothingWritten();

    const beyond = expectError(await create({ login: 'marta', password: SUPERVISOR_PASSWORD }, sixInstallments({ installmentCount: 13 })));
    expect(beyond.message).toContain('mesmo com aprovação');
    nothingWritten();

    const ok = await tb.call('agreements.create', { customerId, invoiceIds: [a.id], asOf: AS_OF, offer: tooMany, approval: { login: 'MARTA', password: SUPERVISOR_PASSWORD } });
    expect(ok).toMatchObject({ approvedBy: 'Marta Supervisora', approvedByUserId: supervisor.id, approvedAt: '2026-11-25T15:00:00.000Z', approvalReasons: ['10 parcelas acima do limite de 6'] });
    const logged = tb.raw().prepare(`SELECT actor, details FROM activity_log WHERE action = 'agreement.created'`).get() as { actor: string; details: string };
    expect(logged.actor).toBe('teste');
    expect(JSON.parse(logged.details)).toMatchObject({ approvedBy: 'Marta Supervisora', approverUserId: supervisor.id });
    const everything = JSON.stringify(tb.raw().prepare('SELECT * FROM activity_log').all()) + tb.logs.join('\n');
    expect(everything).not.toContain(SUPERVISOR_PASSWORD);
    expect(everything).not.toContain('senha-errada');
  });

  it('a typed approval is only checked where the offer needs it: a mistyped one neither refuses nor counts otherwise', async () => {
    await tb.call('users.create', { name: 'Marta Supervisora', login: 'marta', role: 'supervisor', password: SUPERVISOR_PASSWORD });
    const mistyped = { login: 'marta', password: 'senha-errada' };
    const withinLimits = await tb.call('agreements.create', { customerId, invoiceIds: [(await invoice()).id], asOf: AS_OF, offer: sixInstallments(), approval: mistyped });
    expect(withinLimits).toMatchObject({ approvedBy: null, approvedByUserId: null, approvalReasons: [] });
    // Beyond the supervisor limits it is refused whatever the approval says: the password is not compared either.
    const beyond = expectError(await tb.callRaw('agreements.create', { customerId, invoiceIds: [(await invoice()).id], asOf: AS_OF, offer: sixInstallments({ installmentCount: 13 }), approval: mistyped }));
    expect(beyond.message).toContain('mesmo com aprovação');
    expect(count('login_attempts')).toBe(0);
    // Where it is needed, the same mistyped password is refused and counted.
    const needed = expectError(await tb.callRaw('agreements.create', { customerId, invoiceIds: [(await invoice()).id], asOf: AS_OF, offer: sixInstallments({ installmentCount: 10 }), approval: mistyped }));
    expect(needed.message).toBe('Aprovação do supervisor: login ou senha incorretos.');
    expect(count('login_attempts')).toBe(1);
  });

  it('a logged-in supervisor works under the supervisor limits and is recorded as the approver', async () => {
    const supervisor = await tb.call('users.create', { name: 'Marta Supervisora', login: 'marta', role: 'supervisor', password: SUPERVISOR_PASSWORD });
    await tb.call('users.login', { login: 'marta', password: SUPERVISOR_PASSWORD });
    const a = await invoice();
    const tooMany = sixInstallments({ installmentCount: 10 });
    const [evaluation] = (await tb.call('negotiation.simulate', { customerId, invoiceIds: [a.id], asOf: AS_OF, offers: [tooMany] })).offers;
    expect(evaluation).toMatchObject({ ok: true, policy: { needsApproval: false }, clerkPolicy: { needsApproval: true } });
    const ok = await tb.call('agreements.create', { customerId, invoiceIds: [a.id], asOf: AS_OF, offer: tooMany });
    expect(ok).toMatchObject({ createdBy: 'Marta Supervisora', approvedBy: 'Marta Supervisora', approvedByUserId: supervisor.id, approvalReasons: ['10 parcelas acima do limite de 6'] });
    // Not even a supervisor goes beyond the supervisor limits.
    const b = await invoice();
    const beyond = expectError(await tb.callRaw('agreements.create', { customerId, invoiceIds: [b.id], asOf: AS_OF, offer: sixInstallments({ installmentCount: 13 }) }));
    expect(beyond.message).toContain('mesmo com aprovação');
  });

  it('a logged-in clerk needs another person: the clerk cannot approve with their own login', async () => {
    await tb.call('users.create', { name: 'Caio Atendente', login: 'caio', role: 'clerk', password: CLERK_PASSWORD });
    await tb.call('users.create', { name: 'Rui Admin', login: 'rui', role: 'admin', password: SUPERVISOR_PASSWORD });
    await tb.call('users.login', { login: 'caio', password: CLERK_PASSWORD });
    const a = await invoice();
    const create = (approval: Params<'agreements.create'>['approval']) =>
      tb.callRaw('agreements.create', { customerId, invoiceIds: [a.id], asOf: AS_OF, offer: sixInstallments({ installmentCount: 10 }), approval });
    expect(expectError(await create({ login: 'caio', password: CLERK_PASSWORD })).code).toBe('FORBIDDEN');
    expect(count('agreements')).toBe(0);
    const ok = (await create({ login: 'rui', password: SUPERVISOR_PASSWORD })) as Envelope<AgreementDetail>;
    expect(ok.ok && ok.data).toMatchObject({ createdBy: 'Caio Atendente', approvedBy: 'Rui Admin' });
  });

  it('a failure midway leaves nothing behind', async () => {
    const a = await invoice();
    const b = await invoice({ amountCents: 300_000 });
    const before = { invoices: rawInvoices(), activity: count('activity_log') };
    // Make the 4th installment's insert fail, after the agreement row, the originals and 3 installments.
    tb.raw().exec(`CREATE TRIGGER fail_fourth BEFORE INSERT ON agreement_installments WHEN NEW.kind = 'installment' AND NEW.number = 3
      BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;`);
    const err = expectError(await tb.callRaw('agreements.create', { customerId, invoiceIds: [a.id, b.id], asOf: AS_OF, offer: sixInstallments() }));
    expect(err.code).toBe('INTERNAL');
    expect(rawInvoices()).toEqual(before.invoices);
    expect(count('activity_log')).toBe(before.activity);
    expect([count('agreements'), count('agreement_invoices'), count('agreement_installments')]).toEqual([0, 0, 0]);
  });

  it('refuses títulos of another customer or already renegotiated', async () => {
    const a = await invoice();
    const other = (await tb.call('customers.create', validCustomer())).id;
    const foreign = await tb.call('invoices.create', validInvoice(other));
    expect(expectError(await tb.callRaw('agreements.create', { customerId, invoiceIds: [a.id, foreign.id], asOf: AS_OF, offer: sixInstallments() })).code).toBe('NOT_FOUND');
    await tb.call('agreements.create', { customerId, invoiceIds: [a.id], asOf: AS_OF, offer: { kind: 'cash', dueDate: AS_OF } });
    const again = expectError(await tb.callRaw('agreements.create', { customerId, invoiceIds: [a.id], asOf: AS_OF, offer: { kind: 'cash', dueDate: AS_OF } }));
    expect(again).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('paying and breaking agreements (clock simulation)', () => {
  async function agreementOnOneTitulo() {
    const a = await invoice();
    const detail = await tb.call('agreements.create', { customerId, invoiceIds: [a.id], asOf: AS_OF, offer: sixInstallments() });
    return { original: a, detail };
  }
  async function payInstallment(invoiceId: number, amountCents: number, paidOn: string) {
    await tb.call('payments.register', { invoiceId, amountCents, paidOn, method: 'pix' });
  }

  it('all installments paid → completed on the next review', async () => {
    const { detail } = await tb.call('agreements.create', {
      customerId,
      invoiceIds: [(await invoice({ amountCents: 90_000 })).id],
      asOf: AS_OF,
      offer: sixInstallments({ downPaymentCents: 0, installmentCount: 2, waiveInterest: false }),
      approval: await supervisorApproval(),
    }).then((d) => ({ detail: d }));
    for (const i of detail.installments) await payInstallment(i.invoiceId, i.amountCents, AS_OF);
    expect(await tb.call('negotiation.review', {})).toMatchObject({ agreementsCompleted: 1, agreementsBroken: 0 });
    expect((await tb.call('agreements.get', { id: detail.id })).status).toBe('completed');
  });

  it('an installment late beyond the tolerance breaks it: open installments written off, the rest of the original reinstated', async () => {
    const { original, detail } = await agreementOnOneTitulo();
    const [down, first, second] = detail.installments;
    await payInstallment(down!.invoiceId, down!.amountCents, AS_OF);
    setToday(first!.dueDate);
    await payInstallment(first!.invoiceId, first!.amountCents, first!.dueDate);

    // The 2nd installment: 5 days late is within the tolerance; 6 days breaks it.
    setToday(daysAfter(second!.dueDate, 5));
    expect(await tb.call('negotiation.review', {})).toMatchObject({ agreementsBroken: 0 });
    setToday(daysAfter(second!.dueDate, 6));
    expect(await tb.call('negotiation.review', {})).toMatchObject({ agreementsBroken: 1 });
    expect(await tb.call('negotiation.review', {})).toMatchObject({ agreementsBroken: 0 }); // idempotent

    const after = await tb.call('agreements.get', { id: detail.id });
    expect(after.status).toBe('broken');
    expect(after.statusReason).toContain(second!.documentNumber);
    const paid = down!.amountCents + first!.amountCents;
    expect(after.paidCents).toBe(paid);
    expect(after.installments.filter((i) => i.cancelledAt !== null)).toHaveLength(5);
    expect(after.installments.filter((i) => i.invoiceStatus === 'written_off').every((i) => i.paidCents === 0)).toBe(true);
    expect(after.reinstated).toEqual([{ originalInvoiceId: original.id, invoiceId: expect.any(Number), documentNumber: `${original.documentNumber}-R`, amountCents: 1_000_000 - paid }]);

    const reinstated = await tb.call('invoices.list', { customerId, scope: 'open' });
    expect(reinstated.rows).toHaveLength(1);
    expect(reinstated.rows[0]).toMatchObject({ dueDate: original.dueDate, openCents: 1_000_000 - paid, status: 'open' });
    // The original stays renegotiated and linked to the agreement.
    expect(rawInvoices().find((r) => r.id === original.id)!.status).toBe('renegotiated');
    const acts = (await tb.call('activity.list', { customerId, limit: 5 })).rows;
    expect(acts[0]).toMatchObject({ action: 'agreement.broken', actor: 'sistema' });
  });

  it('a clerk can mark an active agreement broken; a broken one cannot break again', async () => {
    const { detail } = await agreementOnOneTitulo();
    const broken = await tb.call('agreements.markBroken', { id: detail.id, reason: 'Cliente desistiu do acordo' });
    expect(broken).toMatchObject({ status: 'broken', statusReason: 'Cliente desistiu do acordo' });
    expect(broken.reinstated[0]!.amountCents).toBe(1_000_000);
    expect(expectError(await tb.callRaw('agreements.markBroken', { id: detail.id, reason: 'De novo, por engano' })).code).toBe('CONFLICT');
  });
});

describe('promises to pay', () => {
  it('paid by the date → kept; not paid → broken the day after, with a call task in the queue', async () => {
    const a = await invoice({ amountCents: 100_000 });
    const b = await invoice({ amountCents: 80_000 });
    const promiseDate = daysAfter(AS_OF, 3);
    const kept = await tb.call('promises.create', { customerId, promisedDate: promiseDate, amountCents: 100_000, invoiceIds: [a.id], delayReason: 'forgot' });
    const broken = await tb.call('promises.create', { customerId, promisedDate: promiseDate, amountCents: 80_000, invoiceIds: [b.id], note: 'Vai pagar na sexta' });
    expect(kept).toMatchObject({ status: 'pending', invoiceIds: [a.id], delayReason: 'forgot', createdBy: 'teste' });
    // A promise pauses the customer's ladder up to the promised date (DOMAIN.md).
    const pauses = tb.raw().prepare('SELECT invoice_id, until_date, reason FROM dunning_pauses WHERE customer_id = ? ORDER BY id').all(customerId);
    expect(pauses).toEqual([
      { invoice_id: null, until_date: promiseDate, reason: `Promessa de pagamento #${kept.id}` },
      { invoice_id: null, until_date: promiseDate, reason: `Promessa de pagamento #${broken.id}` },
    ]);

    setToday(promiseDate);
    await tb.call('payments.register', { invoiceId: a.id, amountCents: 100_000, paidOn: promiseDate, method: 'pix' });
    await tb.call('payments.register', { invoiceId: b.id, amountCents: 30_000, paidOn: promiseDate, method: 'pix' });
    expect(await tb.call('negotiation.review', {})).toMatchObject({ promisesKept: 0, promisesBroken: 0 }); // not yet the day after

    setToday(daysAfter(promiseDate, 1));
    expect(await tb.call('negotiation.review', {})).toMatchObject({ promisesKept: 1, promisesBroken: 1 });
    const list = await tb.call('promises.list', { customerId });
    expect(list.find((p) => p.id === kept.id)).toMatchObject({ status: 'kept', paidCents: 100_000, resolvedBy: 'sistema' });
    expect(list.find((p) => p.id === broken.id)).toMatchObject({ status: 'broken', paidCents: 30_000 });
    const tasks = tb.raw().prepare(`SELECT type, title, amount_cents FROM dunning_tasks WHERE customer_id = ?`).all(customerId);
    expect(tasks).toEqual([{ type: 'call', title: expect.stringContaining('não cumprida'), amount_cents: 50_000 }]);
    expect(await tb.call('negotiation.review', {})).toMatchObject({ promisesKept: 0, promisesBroken: 0 });
  });

  it('the scheduler settles a promise on its own the day after its date', async () => {
    const a = await invoice({ amountCents: 40_000 });
    const promise = await tb.call('promises.create', { customerId, promisedDate: AS_OF, amountCents: 40_000, invoiceIds: [a.id] });
    setToday(daysAfter(AS_OF, 1));
    const runs = await tb.backend.scheduler.runOnce();
    expect(runs.map((r) => r.jobName)[0]).toBe('negotiation.review');
    const list = await tb.call('promises.list', { customerId });
    expect(list.find((p) => p.id === promise.id)).toMatchObject({ status: 'broken' });
  });

  it('refuses a date in the past; a clerk can cancel a pending promise once', async () => {
    expect(expectError(await tb.callRaw('promises.create', { customerId, promisedDate: minusDays(AS_OF, 1), amountCents: 1_000 })).details?.fields?.[0]?.path).toBe('promisedDate');
    const p = await tb.call('promises.create', { customerId, promisedDate: AS_OF, amountCents: 1_000 });
    expect(await tb.call('promises.update', { id: p.id, status: 'cancelled', note: 'Cliente vai negociar' })).toMatchObject({ status: 'cancelled', resolvedBy: 'teste' });
    expect(expectError(await tb.callRaw('promises.update', { id: p.id, status: 'kept' })).code).toBe('CONFLICT');
  });
});

describe('disputes and notes', () => {
  it('open → título disputed (out of negotiation, still owed); resolve → back to partial or open', async () => {
    const a = await invoice();
    await tb.call('payments.register', { invoiceId: a.id, amountCents: 100_000, paidOn: AS_OF, method: 'pix' });
    const d = await tb.call('disputes.open', { invoiceId: a.id, reason: 'Entrega incompleta' });
    expect(d).toMatchObject({ invoiceId: a.id, documentNumber: a.documentNumber, reason: 'Entrega incompleta', openedBy: 'teste', resolvedAt: null });
    expect(rawInvoices()[0]!.status).toBe('disputed');
    expect(expectError(await tb.callRaw('disputes.open', { invoiceId: a.id, reason: 'Outra vez a mesma' })).message).toContain('já está contestado');
    const r = await tb.call('disputes.resolve', { id: d.id, resolution: 'Reentrega feita' });
    expect(r).toMatchObject({ resolution: 'Reentrega feita', resolvedBy: 'teste' });
    expect(rawInvoices()[0]!.status).toBe('partial');
    expect(expectError(await tb.callRaw('disputes.resolve', { id: d.id, resolution: 'De novo' })).code).toBe('CONFLICT');
    const b = await invoice();
    const d2 = await tb.call('disputes.open', { invoiceId: b.id, reason: 'Preço errado' });
    await tb.call('disputes.resolve', { id: d2.id, resolution: 'Preço conferido' });
    expect(rawInvoices()[1]!.status).toBe('open');
    expect(await tb.call('disputes.list', { customerId })).toHaveLength(2);
  });

  it('the timeline merges títulos, payments, promises, disputes, notes and agreements, newest first, filterable', async () => {
    const a = await invoice({ documentNumber: 'NF 77' });
    await tb.call('payments.register', { invoiceId: a.id, amountCents: 5_000, paidOn: AS_OF, method: 'pix' });
    await tb.call('notes.add', { customerId, body: 'Cliente pediu boleto novo' });
    await tb.call('promises.create', { customerId, promisedDate: AS_OF, amountCents: 1_000 });
    const b = await invoice({ documentNumber: 'NF 78' });
    await tb.call('disputes.open', { invoiceId: b.id, reason: 'Produto vencido' });
    await tb.call('agreements.create', { customerId, invoiceIds: [a.id], asOf: AS_OF, offer: { kind: 'cash', dueDate: AS_OF } });

    const all = await tb.call('timeline.list', { customerId });
    const events = all.rows.map((r) => r.event);
    expect(events).toEqual(expect.arrayContaining(['invoice.issued', 'payment', 'note.added', 'promise.created', 'dispute.opened', 'agreement.created', 'invoice.renegotiated']));
    expect(events).not.toContain('invoice.created'); // shown once, as invoice.issued
    expect(all.rows.filter((r) => r.event === 'invoice.issued').map((r) => r.documentNumber).sort()).toEqual(['NF 77', 'NF 78']); // not the agreement's installment
    expect(all.rows.find((r) => r.event === 'note.added')).toMatchObject({ kind: 'notes', actor: 'teste', text: 'Cliente pediu boleto novo' });
    expect(all.rows.find((r) => r.event === 'dispute.opened')).toMatchObject({ documentNumber: 'NF 78', text: 'Produto vencido' });
    const ats = all.rows.map((r) => r.at);
    expect([...ats].sort().reverse()).toEqual(ats);

    const notes = await tb.call('timeline.list', { customerId, kinds: ['notes', 'disputes'] });
    expect(notes.rows.map((r) => r.kind).sort()).toEqual(['disputes', 'notes']);
    expect(notes.total).toBe(2);
  });
});

describe('timeline sources from the régua', () => {
  it('shows messages sent (with their text) and calls made (with outcome and note), not queued or cancelled ones', async () => {
    const raw = tb.raw();
    const at = '2026-11-24T13:00:00.000Z';
    const outbox = raw.prepare(
      `INSERT INTO outbox_messages (idempotency_key, customer_id, invoice_ids, channel, to_address, subject, body_text, contact_date, status, next_attempt_at, sent_at, created_at, updated_at)
       VALUES (?, ?, '[]', 'email', 'a@b.com.br', 'Lembrete', ?, '2026-11-24', ?, ?, ?, ?, ?)`,
    );
    outbox.run('k1', customerId, 'Olá! Seu título vence amanhã.', 'sent', at, at, at, at);
    outbox.run('k2', customerId, 'Na fila ainda', 'queued', at, null, at, at);
    raw.prepare(
      `INSERT INTO dunning_tasks (type, customer_id, title, due_date, is_contact, status, outcome, promise_cents, note, done_at, done_by, created_at, updated_at)
       VALUES ('call', ?, 'Ligar para o financeiro', '2026-11-24', 1, 'done', 'promise', 50000, 'Paga sexta', ?, 'ana', ?, ?)`,
    ).run(customerId, '2026-11-24T14:00:00.000Z', at, at);
    const page = await tb.call('timeline.list', { customerId, kinds: ['messages', 'calls'] });
    expect(page.rows.map((r) => [r.event, r.actor, r.amountCents, r.text])).toEqual([
      ['call.promise', 'ana', 50_000, 'Ligar para o financeiro\nPaga sexta'],
      ['message.email', null, null, 'Lembrete\nOlá! Seu título vence amanhã.'],
    ]);
  });
});

describe('negotiation.review job', () => {
  it('is due once per business date in São Paulo and runs the review', async () => {
    let runs = 0;
    const job = negotiationReviewJob({ review: () => (runs++, { promisesKept: 0, promisesBroken: 0, agreementsCompleted: 0, agreementsBroken: 0 }) });
    const last = (startedAt: string) => ({ id: 1, jobName: job.name, startedAt, finishedAt: startedAt, status: 'ok' as const, summary: null, error: null });
    expect(job.due(null, new Date('2026-11-25T15:00:00Z'))).toBe(true);
    // 23:30 in São Paulo on the 25th is still the 25th there (02:30Z on the 26th).
    expect(job.due(last('2026-11-25T11:00:00Z'), new Date('2026-11-26T02:30:00Z'))).toBe(false);
    expect(job.due(last('2026-11-25T11:00:00Z'), new Date('2026-11-26T03:30:00Z'))).toBe(true);
    expect(JSON.parse(await job.run())).toMatchObject({ promisesBroken: 0 });
    expect(runs).toBe(1);
  });
});
