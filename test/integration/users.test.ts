import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/ipc/envelope';
import { expectError, makeTempDir, openTestBackend, removeAllTempDirs, testClock, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

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

describe('login attempt limit', () => {
  const CLERK = { name: 'Caio Atendente', login: 'caio', role: 'clerk' as const, password: 'senha-do-caio' };
  /** 2026-11-25T15:00Z is 12:00 in São Paulo: five wrong passwords lock the login until 12:15. */
  const LOCKED_UNTIL_MESSAGE = 'Login bloqueado até 12:15 depois de 5 senhas erradas seguidas. Tente de novo depois desse horário ou peça a um administrador para desbloquear.';
  const minutes = (n: number) => n * 60_000;
  let clock: ReturnType<typeof testClock>;

  async function withClerk(dir?: string) {
    clock = testClock();
    tb = openTestBackend({ auth: 'required', clock, ...(dir ? { dir } : {}) });
    await tb.call('users.setupAdmin', ADMIN);
    await tb.call('users.create', CLERK);
    await tb.call('users.logout', {});
  }
  const login = (user: string, password: string) => tb.callRaw('users.login', { login: user, password });
  async function failFiveTimes(user: string) {
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) messages.push(expectError(await login(user, `errada-${i}`)).message);
    return messages;
  }

  it('locks a login for 15 minutes after 5 wrong passwords in a row, says until when, logs it, and counts again after', async () => {
    await withClerk();
    const messages = await failFiveTimes('caio');
    expect(messages.slice(0, 4)).toEqual(Array(4).fill('Login ou senha incorretos.'));
    expect(messages[4]).toBe(LOCKED_UNTIL_MESSAGE);
    // The right password does not open it while locked.
    expect(expectError(await login('caio', CLERK.password))).toMatchObject({ code: 'FORBIDDEN', message: LOCKED_UNTIL_MESSAGE });
    clock.advanceMs(minutes(14));
    expect(expectError(await login('CAIO', CLERK.password)).message).toBe(LOCKED_UNTIL_MESSAGE);
    clock.advanceMs(minutes(1));
    expect(await tb.call('users.login', { login: 'caio', password: CLERK.password })).toMatchObject({ login: 'caio' });

    const lockouts = tb.raw().prepare(`SELECT actor, details FROM activity_log WHERE action = 'user.lockedOut'`).all() as { actor: string; details: string }[];
    expect(lockouts).toHaveLength(1);
    expect(JSON.parse(lockouts[0]!.details)).toEqual({ login: 'caio', userId: 2, failures: 5, lockedUntil: '2026-11-25T15:15:00.000Z' });
    expect(JSON.stringify(tb.raw().prepare('SELECT * FROM activity_log').all())).not.toMatch(/errada-|senha-do-caio/);

    // A success starts the count over: four more wrong ones do not lock.
    await tb.call('users.logout', {});
    for (let i = 0; i < 4; i++) expectError(await login('caio', 'errada'));
    await tb.call('users.login', { login: 'caio', password: CLERK.password });
  });

  it('an unknown login answers and locks exactly like a known one', async () => {
    await withClerk();
    const unknown = await failFiveTimes('ninguem');
    const known = await failFiveTimes('caio');
    expect(unknown).toEqual(known);
  });

  it('the lockout survives reopening the database', async () => {
    const dir = makeTempDir();
    await withClerk(dir);
    await failFiveTimes('caio');
    tb.close();
    tb = openTestBackend({ auth: 'required', clock, dir });
    clock.advanceMs(minutes(10));
    expect(expectError(await login('caio', CLERK.password)).message).toBe(LOCKED_UNTIL_MESSAGE);
  });

  it('an administrator sees the lockout on the users list and unlocks it', async () => {
    await withClerk();
    await failFiveTimes('caio');
    await tb.call('users.login', { login: 'marta', password: ADMIN.password });
    const caio = (await tb.call('users.list', {})).find((u) => u.login === 'caio')!;
    expect(caio.lockedUntil).toBe('2026-11-25T15:15:00.000Z');
    expect(await tb.call('users.unlock', { id: caio.id })).toMatchObject({ login: 'caio', lockedUntil: null });
    expect(tb.raw().prepare(`SELECT COUNT(*) FROM activity_log WHERE action = 'user.unlocked'`).pluck().get()).toBe(1);
    await tb.call('users.logout', {});
    await tb.call('users.login', { login: 'caio', password: CLERK.password });
    // Only an administrator unlocks.
    expect(expectError(await tb.callRaw('users.unlock', { id: caio.id })).code).toBe('FORBIDDEN');
  });

  /** No login gate, supervisor "marta" and a título whose 10 installments need her approval: answers a try at approving them. */
  async function withSupervisorApproval(typedLogin: string) {
    clock = testClock();
    tb = openTestBackend({ clock });
    await tb.call('users.create', { name: 'Marta Supervisora', login: 'marta', role: 'supervisor', password: ADMIN.password });
    const customerId = (await tb.call('customers.create', validCustomer())).id;
    const invoice = await tb.call('invoices.create', validInvoice(customerId, { amountCents: 1_000_000, dueDate: '2026-10-11' }));
    const offer = { kind: 'installments', downPaymentCents: 0, downPaymentDate: '2026-11-25', installmentCount: 10, interval: { unit: 'months' }, firstDueDate: '2026-12-25' } as const;
    return (password: string) => tb.callRaw('agreements.create', { customerId, invoiceIds: [invoice.id], asOf: '2026-11-25', offer, approval: { login: typedLogin, password } });
  }

  it('wrong supervisor-approval passwords count towards the same lockout', async () => {
    const approve = await withSupervisorApproval('marta');
    for (let i = 0; i < 4; i++) expect(expectError(await approve('errada')).code).toBe('VALIDATION');
    const locked = expectError(await approve('errada'));
    expect(locked).toMatchObject({ code: 'FORBIDDEN', message: `Aprovação do supervisor: ${LOCKED_UNTIL_MESSAGE}`, details: { fields: [{ path: 'approval.login' }] } });
    expect(expectError(await approve(ADMIN.password)).message).toContain('Login bloqueado até 12:15');
    expect(expectError(await tb.callRaw('users.login', { login: 'marta', password: ADMIN.password })).message).toBe(LOCKED_UNTIL_MESSAGE);
    expect(tb.raw().prepare('SELECT COUNT(*) FROM agreements').pluck().get()).toBe(0);
  });

  const attempts = (user: string) =>
    tb.raw().prepare('SELECT failed_count AS failedCount, locked_until AS lockedUntil FROM login_attempts WHERE login = ?').get(user) as
      | { failedCount: number; lockedUntil: string | null }
      | undefined;
  const count = (sql: string) => tb.raw().prepare(sql).pluck().get() as number;

  it('parallel guesses are checked one at a time: the 5th locks, and the right password late in the batch does not log in nor clear the lock', async () => {
    await withClerk();
    // 20 guesses at once, in any case of the login; the right one is 18th.
    const guesses = Array.from({ length: 20 }, (_, i) => login(i % 2 ? 'CAIO' : 'caio', i === 17 ? CLERK.password : `errada-${i}`));
    const answers = (await Promise.all(guesses)).map((env) => expectError(env).message);
    expect(answers.slice(0, 4)).toEqual(Array(4).fill('Login ou senha incorretos.'));
    expect(answers.slice(4)).toEqual(Array(16).fill(LOCKED_UNTIL_MESSAGE));
    expect(attempts('caio')).toEqual({ failedCount: 5, lockedUntil: '2026-11-25T15:15:00.000Z' });
    expect(await tb.call('users.status', {})).toMatchObject({ user: null });
    expect(count(`SELECT COUNT(*) FROM activity_log WHERE action = 'user.login'`)).toBe(0);
    expect(count(`SELECT COUNT(*) FROM activity_log WHERE action = 'user.lockedOut'`)).toBe(1);
  });

  it('parallel logins and supervisor approvals for one login share the queue and the limit', async () => {
    const approve = await withSupervisorApproval('Marta');
    const guesses = Array.from({ length: 8 }, (_, i) => (i % 2 ? login('marta', `errada-${i}`) : approve(`errada-${i}`)));
    const right = [approve(ADMIN.password), login('MARTA', ADMIN.password)];
    const answers = (await Promise.all<Envelope<unknown>>([...guesses, ...right])).map((env) => expectError(env).message);
    expect(answers.filter((m) => m.includes('Login bloqueado até 12:15'))).toHaveLength(answers.length - 4);
    expect(attempts('marta')).toEqual({ failedCount: 5, lockedUntil: '2026-11-25T15:15:00.000Z' });
    expect(count('SELECT COUNT(*) FROM agreements')).toBe(0);
    expect(count(`SELECT COUNT(*) FROM activity_log WHERE action IN ('user.login', 'agreement.created')`)).toBe(0);
  });

  it('a lock set while the password was being compared (another app on the same file) still refuses and stays', async () => {
    await withClerk();
    const pending = login('caio', CLERK.password);
    // One turn of the event loop: the check has read "not locked" and scrypt is running on the thread pool.
    await new Promise((resolve) => setImmediate(resolve));
    tb.raw().prepare(`INSERT INTO login_attempts (login, failed_count, last_failed_at, locked_until) VALUES ('caio', 5, ?, '2026-11-25T15:15:00.000Z')`).run(clock.now().toISOString());
    expect(expectError(await pending).message).toBe(LOCKED_UNTIL_MESSAGE);
    expect(attempts('caio')).toEqual({ failedCount: 5, lockedUntil: '2026-11-25T15:15:00.000Z' });
  });

  it('announces a lockout to the screens (data.changed), though the call that caused it was refused', async () => {
    await withClerk();
    const changedLoginAttempts = () => tb.events.filter((e) => e.name === 'data.changed' && (e.payload as { tables: string[] }).tables.includes('login_attempts')).length;
    for (let i = 0; i < 4; i++) expectError(await login('caio', 'errada'));
    expect(changedLoginAttempts()).toBe(0);
    expectError(await login('caio', 'errada'));
    expect(changedLoginAttempts()).toBe(1);
    // Refusals while already locked change nothing, so they announce nothing.
    expectError(await login('caio', CLERK.password));
    expect(changedLoginAttempts()).toBe(1);
  });
});
