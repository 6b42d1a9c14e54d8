import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../shared/ipc/contract';
import {
  ALNUM_CNPJS,
  CNPJS,
  CPFS,
  expectError,
  maskCnpj,
  maskCpf,
  openTestBackend,
  removeAllTempDirs,
  testClock,
  validCustomer,
  type TestBackend,
} from '../helpers/backend';

let tb: TestBackend;
let clock: ReturnType<typeof testClock>;

beforeEach(() => {
  clock = testClock();
  tb = openTestBackend({ clock });
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

async function customerCount(): Promise<number> {
  return (await tb.call('app.info', {})).customerCount;
}
function activityRows(): { action: string; customer_id: number | null; details: string }[] {
  return tb.raw().prepare('SELECT action, customer_id, details FROM activity_log ORDER BY id').all() as never;
}
async function activityOf(customerId: number): Promise<ActivityEntry[]> {
  return (await tb.call('activity.list', { customerId })).rows;
}

/** Pure-ASCII check: a pt-BR clerk message, not zod's English default. */
function looksPtBr(message: string) {
  expect(message).not.toMatch(/\b(Invalid|Expected|Required|must|received)\b/);
}

describe('customers.create', () => {
  it('a PJ with a masked CNPJ is stored normalised and returned', async () => {
    const doc = CNPJS[0]!;
    const c = await tb.call('customers.create', validCustomer({ legalName: '  Distribuidora Boa Vista Ltda ', document: maskCnpj(doc) }));
    expect(c.document).toBe(doc);
    expect(c.legalName).toBe('Distribuidora Boa Vista Ltda');
    expect(c.kind).toBe('PJ');
    expect(c.address.postalCode).toBe('13010000');
    expect(c.address.uf).toBe('SP');
    expect(c.createdAt).toBe('2026-11-25T15:00:00.000Z');
    expect(c.updatedAt).toBe(c.createdAt);

    const stored = tb.raw().prepare('SELECT document, legal_name, postal_code FROM customers WHERE id = ?').get(c.id);
    expect(stored).toEqual({ document: doc, legal_name: 'Distribuidora Boa Vista Ltda', postal_code: '13010000' });

    const got = await tb.call('customers.get', { id: c.id });
    expect(got.customer).toEqual(c);
    expect(got.contacts).toEqual([]);
    expect(got.balance).toEqual({ openCents: 0, overdueCents: 0, oldestOverdueDays: null, openCount: 0, overdueCount: 0 });
    expect(await customerCount()).toBe(1);

    const log = await activityOf(c.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'customer.created', actor: 'teste', customerId: c.id, details: { document: doc } });
  });

  it('accepts the alphanumeric CNPJ 12.ABC.345/01DE-35 (lower-case input too) and stores it upper-case', async () => {
    const c = await tb.call('customers.create', validCustomer({ document: '12.abc.345/01de-35' }));
    expect(c.document).toBe('12ABC34501DE35');
    const more = await tb.call('customers.create', validCustomer({ document: maskCnpj(ALNUM_CNPJS[0]!) }));
    expect(more.document).toBe(ALNUM_CNPJS[0]);
  });

  it('accepts a PF with a CPF and an empresário individual with a CNPJ', async () => {
    const pf = await tb.call('customers.create', validCustomer({ kind: 'PF', document: maskCpf(CPFS[0]!), legalName: 'João da Silva' }));
    expect(pf.document).toBe(CPFS[0]);
    const ei = await tb.call('customers.create', validCustomer({ kind: 'EMPRESARIO_INDIVIDUAL', document: CNPJS[1]! }));
    expect(ei.kind).toBe('EMPRESARIO_INDIVIDUAL');
  });

  it('an invalid CNPJ is VALIDATION on path document, in pt-BR, and nothing is written', async () => {
    const good = CNPJS[2]!;
    const wrongDigit = good.slice(0, 13) + String((Number(good[13]) + 1) % 10);
    for (const document of [maskCnpj(wrongDigit), '11.111.111/1111-11', '12.345.678/0001', '12.ABC.345/01DE-3X', '12#345']) {
      const env = await tb.callRaw('customers.create', validCustomer({ document }));
      const err = expectError(env);
      expect(err.code, document).toBe('VALIDATION');
      const fields = err.details?.fields ?? [];
      expect(fields.map((f) => f.path), document).toEqual(['document']);
      looksPtBr(fields[0]!.message);
      expect(err.message).toContain('document');
    }
    const err = expectError(await tb.callRaw('customers.create', validCustomer({ document: maskCnpj(wrongDigit) })));
    expect(err.details?.fields?.[0]?.message).toBe('CNPJ inválido: dígito verificador não confere');

    expect(await customerCount()).toBe(0);
    expect(activityRows()).toEqual([]);
    expect(tb.events).toEqual([]);
  });

  it('a PF with a CNPJ is refused, and a company with a CPF', async () => {
    const pf = expectError(await tb.callRaw('customers.create', validCustomer({ kind: 'PF', document: CNPJS[3]! })));
    expect(pf.code).toBe('VALIDATION');
    expect(pf.details?.fields).toEqual([{ path: 'document', message: 'Pessoa física deve ter CPF' }]);
    const pj = expectError(await tb.callRaw('customers.create', validCustomer({ kind: 'PJ', document: CPFS[1]! })));
    expect(pj.details?.fields).toEqual([{ path: 'document', message: 'Empresa deve ter CNPJ' }]);
    expect(await customerCount()).toBe(0);
  });

  it('a duplicate document (any mask) is CONFLICT naming the existing customer', async () => {
    const doc = CNPJS[4]!;
    const first = await tb.call('customers.create', validCustomer({ legalName: 'Atacadão Primeiro S.A.', document: doc }));
    for (const document of [doc, maskCnpj(doc)]) {
      const err = expectError(await tb.callRaw('customers.create', validCustomer({ legalName: 'Outro Nome', document })));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toContain('Atacadão Primeiro S.A.');
      expect(err.message).toContain(maskCnpj(doc));
      expect(err.details).toMatchObject({ existingId: first.id, fields: [{ path: 'document' }] });
    }
    expect(await customerCount()).toBe(1);
    expect(activityRows()).toHaveLength(1);
  });

  it('an alphanumeric duplicate typed in lower case is caught too', async () => {
    await tb.call('customers.create', validCustomer({ legalName: 'Alfa Numérica Ltda', document: '12ABC34501DE35' }));
    const err = expectError(await tb.callRaw('customers.create', validCustomer({ document: '12.abc.345/01de-35' })));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('Alfa Numérica Ltda');
  });

  it('rejects UF XX and a 7-digit CEP on the address fields', async () => {
    const uf = expectError(await tb.callRaw('customers.create', validCustomer({ address: { uf: 'XX', postalCode: '13010-000' } })));
    expect(uf.code).toBe('VALIDATION');
    expect(uf.details?.fields).toEqual([{ path: 'address.uf', message: 'UF inválida' }]);

    const cep = expectError(await tb.callRaw('customers.create', validCustomer({ address: { uf: 'SP', postalCode: '1301-000' } })));
    expect(cep.details?.fields).toEqual([{ path: 'address.postalCode', message: 'CEP deve ter 8 dígitos' }]);

    // Lower-case UF is accepted and stored upper-case.
    const ok = await tb.call('customers.create', validCustomer({ address: { uf: ' rj ', postalCode: null } }));
    expect(ok.address.uf).toBe('RJ');
    expect(await customerCount()).toBe(1);
  });

  it('rejects a missing legal name and a negative credit limit with the right paths', async () => {
    const err = expectError(await tb.callRaw('customers.create', validCustomer({ legalName: '   ', creditLimitCents: -1 })));
    expect(err.code).toBe('VALIDATION');
    const paths = (err.details?.fields ?? []).map((f) => f.path).sort();
    expect(paths).toEqual(['creditLimitCents', 'legalName']);
    for (const f of err.details!.fields!) looksPtBr(f.message);
    expect(err.message).toMatch(/^Dados inválidos em 2 campos/);
  });
});

describe('contacts', () => {
  it('an invalid e-mail and a phone without DDD are rejected on their own paths', async () => {
    const c = await tb.call('customers.create', validCustomer());
    const mail = expectError(await tb.callRaw('contacts.create', { customerId: c.id, name: 'Maria', email: 'maria@@example' }));
    expect(mail.code).toBe('VALIDATION');
    expect(mail.details?.fields).toEqual([{ path: 'email', message: 'E-mail inválido' }]);

    const phone = expectError(await tb.callRaw('contacts.create', { customerId: c.id, name: 'Maria', phone: '98765-4321' }));
    expect(phone.details?.fields).toEqual([{ path: 'phone', message: 'Telefone sem DDD' }]);

    const wa = expectError(await tb.callRaw('contacts.create', { customerId: c.id, name: 'Maria', whatsapp: '3456-7890' }));
    expect(wa.details?.fields).toEqual([{ path: 'whatsapp', message: 'Telefone sem DDD' }]);

    expect((await tb.call('customers.get', { id: c.id })).contacts).toEqual([]);
  });

  it('stores a valid contact with a normalised phone and e-mail', async () => {
    const c = await tb.call('customers.create', validCustomer());
    const ct = await tb.call('contacts.create', {
      customerId: c.id,
      name: 'Maria Souza',
      email: ' Maria.Souza@Example.com.br ',
      phone: '(11) 98765-4321',
      preferredChannel: 'whatsapp',
    });
    expect(ct).toMatchObject({ customerId: c.id, phone: '5511987654321', preferredChannel: 'whatsapp', isValid: true, optedOut: false });
    expect(ct.email?.toLowerCase()).toBe('maria.souza@example.com.br');
    const unknown = expectError(await tb.callRaw('contacts.create', { customerId: 9999, name: 'X' }));
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('marking a contact opted out logs contact.opted_out; a stale update is CONFLICT', async () => {
    const c = await tb.call('customers.create', validCustomer());
    const ct = await tb.call('contacts.create', { customerId: c.id, name: 'Maria' });
    clock.advanceMs(60_000);
    const upd = await tb.call('contacts.update', { id: ct.id, name: 'Maria', optedOut: true, expectedUpdatedAt: ct.updatedAt });
    expect(upd.optedOut).toBe(true);
    expect((await activityOf(c.id))[0]!.action).toBe('contact.opted_out');
    const stale = expectError(await tb.callRaw('contacts.update', { id: ct.id, name: 'Outra', expectedUpdatedAt: ct.updatedAt }));
    expect(stale.code).toBe('CONFLICT');
    expect((await tb.call('customers.get', { id: c.id })).contacts[0]!.name).toBe('Maria');
  });
});

describe('customers.update', () => {
  it('with a stale expectedUpdatedAt is CONFLICT and changes nothing', async () => {
    const c = await tb.call('customers.create', validCustomer({ legalName: 'Original Ltda' }));
    const { id, createdAt: _c, updatedAt, ...fields } = c;
    // Screen A saves a change a minute later...
    clock.advanceMs(60_000);
    const a = await tb.call('customers.update', { ...fields, id, legalName: 'Alterado por A Ltda', expectedUpdatedAt: updatedAt });
    expect(a.updatedAt).toBe('2026-11-25T15:01:00.000Z');
    // ...then screen B, opened before A saved, tries to save its own.
    clock.advanceMs(60_000);
    tb.events.length = 0;
    const logBefore = activityRows().length;
    const err = expectError(await tb.callRaw('customers.update', { ...fields, id, legalName: 'Alterado por B Ltda', expectedUpdatedAt: updatedAt }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/alterado em outra tela/);
    const now = (await tb.call('customers.get', { id })).customer;
    expect(now.legalName).toBe('Alterado por A Ltda');
    expect(now.updatedAt).toBe(a.updatedAt);
    expect(activityRows()).toHaveLength(logBefore);
    expect(tb.events).toEqual([]);
  });

  it('an update of an unknown id is NOT_FOUND', async () => {
    const err = expectError(await tb.callRaw('customers.update', { ...validCustomer(), id: 4242, expectedUpdatedAt: 'x' }));
    expect(err.code).toBe('NOT_FOUND');
  });

  it('logs customer.updated with exactly the changed fields', async () => {
    const c = await tb.call('customers.create', validCustomer({ segment: 'Mercearia', salesRep: 'Ana' }));
    const { id, createdAt: _c, updatedAt, ...fields } = c;
    clock.advanceMs(1000);
    const after = await tb.call('customers.update', {
      ...fields,
      id,
      expectedUpdatedAt: updatedAt,
      segment: 'Farmácia',
      salesRep: 'Bruno',
      address: { ...fields.address, city: 'Sorocaba' },
    });
    expect(after).toMatchObject({ segment: 'Farmácia', salesRep: 'Bruno', address: { city: 'Sorocaba' } });
    expect(after.updatedAt).toBe('2026-11-25T15:00:01.000Z');
    expect(after.createdAt).toBe(c.createdAt);

    const log = await activityOf(id);
    expect(log.map((e) => e.action)).toEqual(['customer.updated', 'customer.created']);
    expect((log[0]!.details as { changed: string[] }).changed.sort()).toEqual(['address', 'salesRep', 'segment']);

    // Saving with no change logs an empty change list (and still counts as an edit).
    clock.advanceMs(1000);
    const { createdAt: _c2, updatedAt: u2, id: _i, ...same } = after;
    await tb.call('customers.update', { ...same, id, expectedUpdatedAt: u2 });
    expect(((await activityOf(id))[0]!.details as { changed: string[] }).changed).toEqual([]);
  });

  it('changing the document to another customer’s is CONFLICT; to a new valid one works', async () => {
    const a = await tb.call('customers.create', validCustomer({ legalName: 'Empresa A Ltda' }));
    const b = await tb.call('customers.create', validCustomer({ legalName: 'Empresa B Ltda' }));
    const { id, createdAt: _c, updatedAt, ...fields } = b;
    const err = expectError(await tb.callRaw('customers.update', { ...fields, id, expectedUpdatedAt: updatedAt, document: maskCnpj(a.document) }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('Empresa A Ltda');
    clock.advanceMs(1000);
    const ok = await tb.call('customers.update', { ...fields, id, expectedUpdatedAt: updatedAt, document: maskCnpj(CNPJS[30]!) });
    expect(ok.document).toBe(CNPJS[30]);
    // Re-saving with its own document is not a duplicate of itself.
    clock.advanceMs(1000);
    await tb.call('customers.update', { ...fields, id, expectedUpdatedAt: ok.updatedAt, document: CNPJS[30]! });
  });
});

describe('activity log', () => {
  it('is append-only: a raw UPDATE or DELETE through another connection throws', async () => {
    const c = await tb.call('customers.create', validCustomer());
    const raw = tb.raw();
    expect(() => raw.prepare(`UPDATE activity_log SET actor = 'hacker'`).run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM activity_log').run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM activity_log WHERE customer_id = ?').run(c.id)).toThrow(/append-only/);
    const rows = raw.prepare('SELECT actor, action FROM activity_log').all();
    expect(rows).toEqual([{ actor: 'teste', action: 'customer.created' }]);
  });

  it('lists a customer’s entries newest first, paged, with the total', async () => {
    const c = await tb.call('customers.create', validCustomer());
    for (let i = 0; i < 4; i++) await tb.call('contacts.create', { customerId: c.id, name: `Contato ${i}` });
    const page = await tb.call('activity.list', { customerId: c.id, offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.details.name)).toEqual(['Contato 2', 'Contato 1']);
    expect(page.rows[0]!.id).toBeGreaterThan(page.rows[1]!.id);
  });
});
