import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileIntake } from '../../electron/backend/files/file-intake';
import { createContext } from '../../electron/backend/context';
import { openDatabase } from '../../electron/backend/db/connection';
import { appHandlers } from '../../electron/backend/handlers/app.handlers';
import { contactsHandlers } from '../../electron/backend/handlers/contacts.handlers';
import { customersHandlers } from '../../electron/backend/handlers/customers.handlers';
import { invoicesHandlers } from '../../electron/backend/handlers/invoices.handlers';
import { createRouter, mergeHandlers, type HandlerGroup } from '../../electron/backend/router';
import type { Api, Method } from '../../shared/ipc/contract';
import { coreSchemas, schemas } from '../../shared/ipc/schemas';
import { expectError, makeTempDir, openTestBackend, removeAllTempDirs, testClock, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

// Type-level: the Api map and the schema map have exactly the same keys (checked by `npm run typecheck`).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameKeys: Equal<keyof Api, keyof typeof schemas> = true;

const METHODS = Object.keys(schemas) as Method[];

let tb: TestBackend | null = null;
afterEach(() => {
  tb?.close();
  tb = null;
  removeAllTempDirs();
});

/** The foundation's real handler groups on a real (temp) database, checked against the core methods. */
const CORE_METHODS = Object.keys(coreSchemas);

function realGroups() {
  const dir = makeTempDir();
  const { db } = openDatabase(join(dir, 'a.db'));
  const ctx = createContext(db, testClock(), () => 'teste', createFileIntake());
  const groups = {
    app: appHandlers(ctx, '0.0.0-test'),
    customers: customersHandlers(ctx),
    contacts: contactsHandlers(ctx),
    invoices: invoicesHandlers(ctx),
  };
  return { db, groups };
}

describe('contract: every method has exactly one schema and one handler', () => {
  it('the Api type and the schema map agree', () => {
    expect(sameKeys).toBe(true);
    expect(METHODS.length).toBeGreaterThan(10);
  });

  it('building the backend does not throw and each method is served', async () => {
    tb = openTestBackend();
    expect(tb.backend).toBeDefined();
    // demo.load with {} would load the full default demo set; it is exercised below with a small size.
    for (const m of METHODS) {
      const params = m === 'demo.load' ? { customers: 3, invoices: 5, seed: 1 } : {};
      const env = await tb.backend.dispatch(m, params);
      if (!env.ok) {
        expect(env.error.message, m).not.toMatch(/^Operação desconhecida/);
        expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT'], `${m}: ${env.error.code} ${env.error.message}`).toContain(env.error.code);
      }
    }
  });

  it('each method with {} answers OK or VALIDATION, never "Operação desconhecida"', async () => {
    tb = openTestBackend();
    const results: Record<string, string> = {};
    for (const m of METHODS.filter((x) => x !== 'demo.load')) {
      const env = await tb.backend.dispatch(m, {});
      results[m] = env.ok ? 'OK' : env.error.code;
      if (!env.ok) expect(env.error.message).not.toContain('Operação desconhecida');
    }
    // Methods whose params are all optional succeed on an empty database; the rest need an id.
    expect(results['app.info']).toBe('OK');
    expect(results['customers.list']).toBe('OK');
    expect(results['customers.filterOptions']).toBe('OK');
    expect(results['customers.exportCsv']).toBe('OK');
    for (const m of ['customers.get', 'customers.create', 'customers.update', 'contacts.create', 'contacts.update', 'invoices.list',
      'invoices.create', 'invoices.update', 'invoices.writeOff', 'payments.register', 'payments.list', 'activity.list']) {
      expect(results[m], m).toBe('VALIDATION');
    }
  });

  it('an unknown method is NOT_FOUND, including prototype names', async () => {
    tb = openTestBackend();
    for (const m of ['customers.delete', 'nope', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const err = expectError(await tb.backend.dispatch(m, {}));
      expect(err.code, m).toBe('NOT_FOUND');
      expect(err.message).toMatch(/^Operação desconhecida/);
    }
    const err = expectError(await tb.backend.dispatch(42 as unknown as string, {}));
    expect(err.code).toBe('NOT_FOUND');
  });

  it('a VALIDATION error names the field in pt-BR and lists every field', async () => {
    tb = openTestBackend();
    const err = expectError(await tb.backend.dispatch('customers.get', { id: -1 }));
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.fields).toEqual([{ path: 'id', message: 'Identificador inválido' }]);
    expect(err.message).toBe('Dados inválidos em id: Identificador inválido');
  });
});

describe('mergeHandlers', () => {
  it('accepts the real groups and covers every schema key exactly', () => {
    const { db, groups } = realGroups();
    try {
      const merged = mergeHandlers(Object.values(groups), CORE_METHODS);
      expect(Object.keys(merged).sort()).toEqual([...CORE_METHODS].sort());
      // No method appears in two groups.
      const seen = Object.values(groups).flatMap((g) => Object.keys(g));
      expect(new Set(seen).size).toBe(seen.length);
    } finally {
      db.close();
    }
  });

  it('throws on a duplicate group', () => {
    const { db, groups } = realGroups();
    try {
      expect(() => mergeHandlers([...Object.values(groups), groups.customers], CORE_METHODS)).toThrow(/Duplicate handler for customers\./);
      const dup: HandlerGroup = { 'app.info': groups.app['app.info']! };
      expect(() => mergeHandlers([...Object.values(groups), dup], CORE_METHODS)).toThrow('Duplicate handler for app.info');
    } finally {
      db.close();
    }
  });

  it('throws when a method has no handler, naming it', () => {
    const { db, groups } = realGroups();
    try {
      expect(() => mergeHandlers([groups.app, groups.customers, groups.contacts], CORE_METHODS)).toThrow(/Methods without handler: .*invoices\.list/);
      const { 'payments.list': _omit, ...rest } = groups.invoices;
      expect(() => mergeHandlers([groups.app, groups.customers, groups.contacts, rest], CORE_METHODS)).toThrow('Methods without handler: payments.list');
    } finally {
      db.close();
    }
  });

  it('throws on a handler without a schema', () => {
    const { db, groups } = realGroups();
    try {
      const extra = { 'customers.delete': { run: () => null } } as unknown as HandlerGroup;
      expect(() => mergeHandlers([...Object.values(groups), extra], CORE_METHODS)).toThrow('Handlers without schema: customers.delete');
    } finally {
      db.close();
    }
  });

  it('the router runs validation before the handler', async () => {
    const { db, groups } = realGroups();
    try {
      let ran = 0;
      const handlers = mergeHandlers(Object.values(groups), CORE_METHODS);
      const spy = { ...handlers, 'customers.get': { run: () => { ran++; return null as never; } } };
      const router = createRouter(spy);
      const env = await router.dispatch('customers.get', { id: 'x' });
      expect(env.ok).toBe(false);
      expect(ran).toBe(0);
      await router.dispatch('customers.get', { id: 1 });
      expect(ran).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('data.changed events', () => {
  it('a successful write emits data.changed with its tables, once', async () => {
    tb = openTestBackend();
    const c = await tb.call('customers.create', validCustomer());
    expect(tb.events).toEqual([{ name: 'data.changed', payload: { tables: ['customers', 'activity_log'] } }]);

    tb.events.length = 0;
    const inv = await tb.call('invoices.create', validInvoice(c.id));
    expect(tb.events).toEqual([{ name: 'data.changed', payload: { tables: ['invoices', 'activity_log'] } }]);

    tb.events.length = 0;
    await tb.call('payments.register', { invoiceId: inv.id, amountCents: 1000, paidOn: '2026-11-24', method: 'pix' });
    expect(tb.events).toHaveLength(1);
    expect(tb.events[0]!.name).toBe('data.changed');
    expect([...(tb.events[0]!.payload as { tables: string[] }).tables].sort()).toEqual(['activity_log', 'invoices', 'payments']);

    tb.events.length = 0;
    await tb.call('contacts.create', { customerId: c.id, name: 'Maria', email: 'maria@example.com.br' });
    expect(tb.events).toEqual([{ name: 'data.changed', payload: { tables: ['contacts', 'activity_log'] } }]);
  });

  it('a listener added with onEvent receives it, and stops after unsubscribing', async () => {
    tb = openTestBackend();
    const got: unknown[] = [];
    const off = tb.backend.onEvent((name, payload) => got.push({ name, payload }));
    await tb.call('customers.create', validCustomer());
    expect(got).toHaveLength(1);
    off();
    await tb.call('customers.create', validCustomer());
    expect(got).toHaveLength(1);
  });

  it('a failed write emits nothing (validation, conflict, not found)', async () => {
    tb = openTestBackend();
    const c = await tb.call('customers.create', validCustomer());
    tb.events.length = 0;
    expectError(await tb.callRaw('customers.create', validCustomer({ document: '11.111.111/1111-11' })));
    expectError(await tb.callRaw('customers.create', validCustomer({ document: c.document })));
    expectError(await tb.callRaw('invoices.create', validInvoice(9999)));
    expectError(await tb.callRaw('payments.register', { invoiceId: 9999, amountCents: 1, paidOn: '2026-11-20', method: 'pix' }));
    expect(tb.events).toEqual([]);
  });

  it('a read emits nothing', async () => {
    tb = openTestBackend();
    const c = await tb.call('customers.create', validCustomer());
    tb.events.length = 0;
    await tb.call('customers.list', {});
    await tb.call('customers.get', { id: c.id });
    await tb.call('customers.filterOptions', {});
    await tb.call('customers.exportCsv', {});
    await tb.call('app.info', {});
    await tb.call('activity.list', { customerId: c.id });
    await tb.call('invoices.list', { customerId: c.id });
    expect(tb.events).toEqual([]);
  });
});

describe('the raw helper connection', () => {
  it('sees what the backend wrote (WAL readers see committed data)', async () => {
    tb = openTestBackend();
    await tb.call('customers.create', validCustomer());
    const raw: Database.Database = tb.raw();
    expect(raw.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(1);
  });
});
