import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/ipc/envelope';
import { expectError, openTestBackend, removeAllTempDirs, validCustomer, type TestBackend } from '../helpers/backend';

let tb: TestBackend;
afterEach(() => {
  tb?.close();
  removeAllTempDirs();
});

const ADMIN = { name: 'Marta Admin', login: 'marta', password: 'senha-forte-1' };

async function withAdmin(): Promise<TestBackend> {
  tb = openTestBackend({ auth: 'required' });
  await tb.call('users.setupAdmin', ADMIN);
  return tb;
}

describe('users and login', () => {
  it('stores a salted scrypt hash, never the password', async () => {
    await withAdmin();
    await tb.call('users.create', { name: 'Caio', login: 'caio', role: 'clerk', password: ADMIN.password });
    const rows = tb.raw().prepare('SELECT login, password_hash, password_salt, scrypt_n, scrypt_r, scrypt_p FROM users ORDER BY id').all() as Record<string, string | number>[];
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toMatchObject({ scrypt_n: 32768, scrypt_r: 8, scrypt_p: 1 });
      expect(String(r.password_hash)).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(r)).not.toContain(ADMIN.password);
    }
    // Same password, different salts: different hashes.
    expect(rows[0]!.password_salt).not.toBe(rows[1]!.password_salt);
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
  });

  it('refuses every other method until someone logs in, and refuses a wrong password', async () => {
    tb = openTestBackend({ auth: 'required' });
    expect(await tb.call('users.status', {})).toMatchObject({ authRequired: true, hasUsers: false, user: null, idleLockMinutes: 15 });
    const before = expectError(await tb.callRaw('customers.list', {}));
    expect(before).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Entre com seu login') });

    await tb.call('users.setupAdmin', ADMIN);
    expect((await tb.call('customers.list', {})).total).toBe(0);
    await tb.call('users.logout', {});
    expect(expectError(await tb.callRaw('customers.create', validCustomer())).code).toBe('FORBIDDEN');
    expect(tb.raw().prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(0);

    const wrong = expectError(await tb.callRaw('users.login', { login: 'marta', password: 'senha-errada' }));
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', message: 'Login ou senha incorretos.' });
    const unknown = expectError(await tb.callRaw('users.login', { login: 'ninguem', password: ADMIN.password }));
    expect(unknown.message).toBe(wrong.message);

    // The login is case-insensitive.
    const user = await tb.call('users.login', { login: 'MARTA', password: ADMIN.password });
    expect(user).toMatchObject({ name: ADMIN.name, role: 'admin' });
    expect(await tb.call('users.status', {})).toMatchObject({ hasUsers: true, user: { login: 'marta' }, locked: false });
  });

  it('creates the first admin only once', async () => {
    await withAdmin();
    const again = expectError(await tb.callRaw('users.setupAdmin', { name: 'Outro', login: 'outro', password: 'outra-senha-1' }));
    expect(again.code).toBe('CONFLICT');
    expect(tb.raw().prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1);
  });

  it('keeps users and settings to admins: a clerk gets FORBIDDEN', async () => {
    await withAdmin();
    await tb.call('users.create', { name: 'Caio Atendente', login: 'caio', role: 'clerk', password: 'senha-do-caio' });
    const taken = expectError(await tb.callRaw('users.create', { name: 'Outro Caio', login: 'CAIO', role: 'clerk', password: 'senha-do-caio' }));
    expect(taken.code).toBe('CONFLICT');
    await tb.call('users.logout', {});
    await tb.call('users.login', { login: 'caio', password: 'senha-do-caio' });

    const refusals: Envelope<unknown>[] = [
      await tb.callRaw('users.list', {}),
      await tb.callRaw('users.create', { name: 'Intruso', login: 'intruso', role: 'admin', password: 'senha-intrusa' }),
      await tb.callRaw('users.update', { id: 1, role: 'clerk' }),
      await tb.callRaw('users.setIdleLock', { minutes: 240 }),
    ];
    for (const refused of refusals) {
      expect(expectError(refused)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('administrador') });
    }
    expect(tb.raw().prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(2);
    // A clerk still does the daily work.
    await tb.call('customers.create', validCustomer());
  });

  it('keeps at least one active admin', async () => {
    const admin = await (await withAdmin()).call('users.status', {});
    const demote = expectError(await tb.callRaw('users.update', { id: admin.user!.id, role: 'clerk' }));
    expect(demote.code).toBe('CONFLICT');
  });

  it('puts the logged user on every write and activity-log entry', async () => {
    await withAdmin();
    await tb.call('users.create', { name: 'Caio Atendente', login: 'caio', role: 'clerk', password: 'senha-do-caio' });
    await tb.call('users.logout', {});
    await tb.call('users.login', { login: 'caio', password: 'senha-do-caio' });
    const customer = await tb.call('customers.create', validCustomer());
    const actors = tb.raw().prepare('SELECT action, actor FROM activity_log WHERE customer_id = ?').all(customer.id) as { action: string; actor: string }[];
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors.map((a) => a.actor))).toEqual(new Set(['Caio Atendente']));
    const logins = tb.raw().prepare(`SELECT actor FROM activity_log WHERE action = 'user.login'`).pluck().all();
    expect(logins).toEqual(['Caio Atendente']);
  });

  it('locks: nothing but login answers until the password is typed again', async () => {
    await withAdmin();
    await tb.call('users.lock', {});
    expect(await tb.call('users.status', {})).toMatchObject({ locked: true, user: { login: 'marta' } });
    expect(expectError(await tb.callRaw('customers.list', {})).message).toContain('bloqueada');
    expect(expectError(await tb.callRaw('users.login', { login: 'marta', password: 'errada-123' })).code).toBe('FORBIDDEN');
    await tb.call('users.login', { login: 'marta', password: ADMIN.password });
    expect((await tb.call('customers.list', {})).total).toBe(0);
  });

  it('changes the own password after checking the current one', async () => {
    await withAdmin();
    const wrong = expectError(await tb.callRaw('users.changePassword', { currentPassword: 'nao-e-essa', newPassword: 'nova-senha-1' }));
    expect(wrong.details?.fields?.[0]?.path).toBe('currentPassword');
    await tb.call('users.changePassword', { currentPassword: ADMIN.password, newPassword: 'nova-senha-1' });
    await tb.call('users.logout', {});
    expect(expectError(await tb.callRaw('users.login', { login: 'marta', password: ADMIN.password })).code).toBe('FORBIDDEN');
    await tb.call('users.login', { login: 'marta', password: 'nova-senha-1' });
  });
});
